package abc

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"

	"gonum.org/v1/gonum/integrate/quad"
)

var testPriors = []Prior{
	Uniform{0.1, 0.5},
	LogUniform{1, 100},
	Normal{2, 3},
	LogNormal{0.5, 0.8},
	Beta{2, 5},
	TruncNormal{0, 1, -0.5, 2},
	TruncNormal{0, 1, 3, 5}, // both bounds in the upper tail
	TruncNormal{1, 2, math.Inf(-1), 0},
}

// TestPriorsConsistent checks each prior's sampler against its CDF
// (Kolmogorov-Smirnov distance of 20000 draws; the 0.1% critical value is
// 1.95/sqrt(n) = 0.0138) and its density against its CDF (the integral of
// exp(LogProb) between two quantile points equals the CDF difference).
func TestPriorsConsistent(t *testing.T) {
	const n = 20000
	for i, p := range testPriors {
		if err := p.Valid(); err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		r := rand.New(rand.NewPCG(uint64(i), 1))
		x := make([]float64, n)
		lo, hi := p.Support()
		for j := range x {
			x[j] = p.Rand(r)
			if x[j] < lo || x[j] > hi || math.IsInf(p.LogProb(x[j]), -1) {
				t.Fatalf("%s: draw %g outside the support", p, x[j])
			}
		}
		slices.Sort(x)
		ks := 0.0
		for j, v := range x {
			c := p.CDF(v)
			ks = math.Max(ks, math.Max(math.Abs(c-float64(j)/n), math.Abs(c-float64(j+1)/n)))
		}
		if ks > 0.0138 {
			t.Errorf("%s: KS distance %.4f between draws and CDF", p, ks)
		}
		a, b := x[n/10], x[9*n/10]
		got := quad.Fixed(func(v float64) float64 { return math.Exp(p.LogProb(v)) }, a, b, 200, nil, 0)
		if want := p.CDF(b) - p.CDF(a); math.Abs(got-want) > 1e-6 {
			t.Errorf("%s: density integrates to %.8f on [%g, %g], CDF says %.8f", p, got, a, b, want)
		}
		if !math.IsInf(p.LogProb(lo-1), -1) && !math.IsInf(lo, -1) {
			t.Errorf("%s: density below the support", p)
		}
	}
}

func TestIntegerPrior(t *testing.T) {
	p := Param{Name: "k", Prior: Uniform{0.3, 3.7}, Integer: true}
	// The rounded uniform(0.3, 3.7) puts 1/3.4 of its mass on each of
	// 1, 2, 3 (the intervals [k-0.5, k+0.5)); conditioned on the integers
	// inside the support (0 and 4 are not), each has mass 1/3.
	for k := 0.0; k <= 4; k++ {
		m := math.Exp(p.logPrior(k))
		if k == 0 || k == 4 {
			if m != 0 {
				t.Errorf("mass %g at %g outside the support", m, k)
			}
			continue
		}
		if math.Abs(m-1.0/3) > 1e-12 {
			t.Errorf("mass at %g is %g, want 1/3", k, m)
		}
	}
	if !math.IsInf(p.logPrior(1.5), -1) {
		t.Error("non-integer value has prior mass")
	}
	r := rand.New(rand.NewPCG(1, 2))
	counts := make([]int, 5)
	for range 30000 {
		x, ok := p.draw(r)
		if !ok || x < 1 || x > 3 {
			t.Fatalf("draw %g (ok %v)", x, ok)
		}
		counts[int(x)]++
	}
	for k := 1; k <= 3; k++ {
		// 3 s.d. of a binomial(30000, 1/3) count is 245.
		if math.Abs(float64(counts[k])-10000) > 245 {
			t.Errorf("draws: %v, want ~10000 at each of 1, 2, 3", counts)
			break
		}
	}
}
