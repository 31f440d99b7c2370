package powerlaw

import (
	"math"
	"testing"
)

// TestKSBruteForce compares ksDistance with the direct evaluation of
// CSN's plfit.m: both CDFs at every integer from x_min to the largest value,
// the model CDF by summing its probabilities.
func TestKSBruteForce(t *testing.T) {
	vals := []float64{3, 4, 7, 8, 20, 21, 57, 300}
	counts := []int64{40, 17, 9, 1, 3, 2, 1, 1}
	var n int64
	for _, c := range counts {
		n += c
	}
	for _, alpha := range []float64{1.3, 2, 2.7, 5} {
		got := ksDistance(vals, counts, n, alpha)
		norm := 0.0 // ζ(α, 3) by summation with an integral tail
		const far = 2e6
		for x := far - 1; x >= 3; x-- {
			norm += math.Pow(x, -alpha)
		}
		norm += math.Pow(far-0.5, 1-alpha) / (alpha - 1)
		want, model, emp := 0.0, 0.0, 0.0
		k := 0
		for x := 3.0; x <= 300; x++ {
			model += math.Pow(x, -alpha) / norm
			if k < len(vals) && vals[k] == x {
				emp += float64(counts[k]) / float64(n)
				k++
			}
			want = math.Max(want, math.Abs(emp-model))
		}
		if math.Abs(got-want) > 1e-9 {
			t.Errorf("α = %v: ksDistance = %.12f, brute force %.12f", alpha, got, want)
		}
	}
}
