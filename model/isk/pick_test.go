package isk

import (
	"math/rand/v2"
	"testing"
)

// pickWeighted picks by cumulative weight, never a zero weight, the last
// positive one on float slack, and -1 when none is positive.
func TestPickWeighted(t *testing.T) {
	ws := []float64{0, 2, 0, 1, 0}
	for _, tt := range []struct {
		u    float64
		want int
	}{{0, 1}, {1.999, 1}, {2, 3}, {2.999, 3}, {3, 3}, {100, 3}} {
		if got := pickWeighted(tt.u, ws); got != tt.want {
			t.Errorf("pickWeighted(%g) = %d, want %d", tt.u, got, tt.want)
		}
	}
	if got := pickWeighted(0, []float64{0, 0}); got != -1 {
		t.Errorf("no positive weight: %d, want -1", got)
	}
	// Frequencies follow the weights: 1:3 over 40000 draws (seed fixed;
	// the share's s.d. is 0.0022, the tolerance 5 s.d.).
	r := rand.New(rand.NewPCG(1, 2))
	n := [4]int{}
	for range 40000 {
		n[pickWeighted(r.Float64()*4, []float64{1, 0, 3, 0})]++
	}
	if share := float64(n[0]) / 40000; share < 0.25-0.011 || share > 0.25+0.011 || n[1] != 0 || n[3] != 0 {
		t.Errorf("counts %v, want about 1:3 on indices 0 and 2", n)
	}
}
