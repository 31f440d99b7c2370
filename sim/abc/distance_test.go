package abc

import (
	"context"
	"math"
	"testing"

	"github.com/insurgo/insurgo/sim"
)

func TestScales(t *testing.T) {
	// Statistic 0: values 1..5, median 3, absolute deviations 2,1,0,1,2,
	// MAD 1, spread 1.4826; with observation s.d. 2 the scale is
	// sqrt(1.4826² + 2²). Statistic 1 never varies and has no error: the
	// fallback is the previous scale, else |observed|, else 1. NaN and Inf
	// are left out.
	sims := [][]float64{{1, 7}, {2, 7}, {3, 7}, {4, 7}, {5, 7}, {math.NaN(), 7}, {math.Inf(1), 7}}
	got := Scales(sims, []float64{0, -4}, []float64{2, 0}, nil)
	want := []float64{math.Hypot(madToSD, 2), 4}
	for i := range want {
		if math.Abs(got[i]-want[i]) > 1e-12 {
			t.Errorf("scale %d = %g, want %g", i, got[i], want[i])
		}
	}
	if got := Scales(sims, []float64{0, 0}, nil, []float64{9, 3}); got[0] != madToSD || got[1] != 3 {
		t.Errorf("scales %v, want [%g 3]", got, madToSD)
	}
	if got := Scales(sims, []float64{0, 0}, nil, nil); got[1] != 1 {
		t.Errorf("constant statistic observed 0: scale %g, want 1", got[1])
	}
	if d := Distance([]float64{4, 1}, []float64{1, 5}, []float64{3, 2}); d != math.Sqrt(5) {
		t.Errorf("distance %g, want sqrt(5)", d)
	}
	if d := Distance([]float64{math.NaN(), 1}, []float64{1, 5}, []float64{3, 2}); !math.IsInf(d, 1) {
		t.Errorf("distance with NaN %g, want +Inf", d)
	}
}

func TestWeightedQuantile(t *testing.T) {
	x := []float64{5, 1, 3, 2, 4}
	w := []float64{0.1, 0.4, 0.1, 0.2, 0.2}
	// Sorted: 1 (0.4), 2 (0.2), 3 (0.1), 4 (0.2), 5 (0.1); cumulative
	// 0.4, 0.6, 0.7, 0.9, 1.
	for _, c := range []struct{ p, want float64 }{{0.3, 1}, {0.5, 2}, {0.65, 3}, {0.8, 4}, {0.95, 5}} {
		if got := WeightedQuantile(x, w, c.p); got != c.want {
			t.Errorf("quantile %g = %g, want %g", c.p, got, c.want)
		}
	}
	if got := WeightedQuantile(x, nil, 0.5); got != 3 {
		t.Errorf("unweighted median %g, want 3", got)
	}
	if x[0] != 5 || w[0] != 0.1 {
		t.Error("inputs modified")
	}
}

// TestAdaptiveDistanceBalances calibrates a share and a count together:
// s1 = a + N(0, 0.05²) with a ~ N(0.5, 0.1²), and s2 = 1000 b + N(0, 500²)
// with b ~ N(2, 1). The statistics differ in scale by four orders of
// magnitude; with the adaptive distance both settings must reach their
// exact (conjugate normal) posterior s.d.: 1/sqrt(1/0.1² + 1/0.05²) =
// 0.0447 for a and 1/sqrt(1 + 1000²/500²) = 0.447 for b. An unscaled
// distance would let the count swamp the share (a's s.d. near 0.1).
func TestAdaptiveDistanceBalances(t *testing.T) {
	cfg := Config{
		Models: []Model{{Params: []Param{
			{Name: "a", Prior: Normal{0.5, 0.1}},
			{Name: "b", Prior: Normal{2, 1}},
		}}},
		Observed:       []float64{0.55, 2600},
		Population:     1000,
		MaxGenerations: 7,
		Seed:           8,
		Workers:        2,
	}
	simulate := func(_ context.Context, _ int, theta []float64, seed uint64) ([]float64, error) {
		r := sim.NewStreams(seed, 0).Get("toy")
		return []float64{theta[0] + 0.05*r.NormFloat64(), 1000*theta[1] + 500*r.NormFloat64()}, nil
	}
	res, err := Run(context.Background(), cfg, simulate, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	f := res.Final()
	_, asd := weightedMeanSD(f, 0)
	_, bsd := weightedMeanSD(f, 1)
	wantA, wantB := 1/math.Sqrt(1/0.01+1/0.0025), 1/math.Sqrt(1+4.0)
	t.Logf("sd(a) %.4f (exact %.4f), sd(b) %.4f (exact %.4f), scales %.4g, eps %.3g", asd, wantA, bsd, wantB, f.Scales, f.Epsilon)
	// 15%: Monte Carlo error plus the epsilon > 0 widening in two dimensions.
	if math.Abs(asd-wantA) > 0.15*wantA || math.Abs(bsd-wantB) > 0.15*wantB {
		t.Errorf("sd(a) %.4f, sd(b) %.4f; exact %.4f and %.4f", asd, bsd, wantA, wantB)
	}
}
