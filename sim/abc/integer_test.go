package abc

import (
	"context"
	"math"
	"testing"

	"github.com/insurgo/insurgo/sim"
	"gonum.org/v1/gonum/stat/distuv"
)

// TestExactInteger checks an integer setting against its exact discrete
// posterior. k has the rounded uniform(0, 20) prior (mass ½/20 at 0 and
// 20, 1/20 between) and one observation s ~ N(k, 1.5²), so
// P(k | s) ∝ prior(k) · N(s; k, 1.5²) over k = 0..20 (Bayes' rule on a
// finite set). A continuous setting a ~ N(0, 1) with its own statistic
// t ~ N(a, 1) rides along; its posterior is N(t/2, 1/2) (as in
// TestExactNormalMean).
func TestExactInteger(t *testing.T) {
	const sObs, tObs, sdS = 7.3, 0.8, 1.5
	kp := Param{Name: "k", Prior: Uniform{0, 20}, Integer: true}
	var z, wantMean, wantSq float64
	for k := 0.0; k <= 20; k++ {
		p := math.Exp(kp.logPrior(k)) * distuv.Normal{Mu: k, Sigma: sdS}.Prob(sObs)
		z += p
		wantMean += p * k
		wantSq += p * k * k
	}
	wantMean /= z
	wantSD := math.Sqrt(wantSq/z - wantMean*wantMean)
	cfg := Config{
		Models:         []Model{{Name: "toy", Params: []Param{{Name: "a", Prior: Normal{0, 1}}, kp}}},
		Observed:       []float64{tObs, sObs},
		Population:     1000,
		MaxGenerations: 7,
		Seed:           5,
		Workers:        2,
	}
	simulate := func(_ context.Context, _ int, theta []float64, seed uint64) ([]float64, error) {
		r := sim.NewStreams(seed, 0).Get("toy")
		return []float64{theta[0] + r.NormFloat64(), theta[1] + sdS*r.NormFloat64()}, nil
	}
	res, err := Run(context.Background(), cfg, simulate, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	f := res.Final()
	for _, p := range f.Particles {
		if p.Theta[1] != math.Round(p.Theta[1]) || p.Theta[1] < 0 || p.Theta[1] > 20 {
			t.Fatalf("integer setting took value %g", p.Theta[1])
		}
	}
	km, ksd := weightedMeanSD(f, 1)
	am, asd := weightedMeanSD(f, 0)
	t.Logf("k: mean %.3f (exact %.3f) sd %.3f (exact %.3f); a: mean %.3f (exact %.3f) sd %.3f (exact %.3f); eps %.3g ESS %.0f",
		km, wantMean, ksd, wantSD, am, tObs/2, asd, math.Sqrt(0.5), f.Epsilon, f.ESS)
	// Tolerances: 10% of the exact s.d. for the mean and the s.d.
	// (Monte Carlo error with ESS of several hundred is ~5%).
	if math.Abs(km-wantMean) > 0.1*wantSD || math.Abs(ksd-wantSD) > 0.1*wantSD {
		t.Errorf("k: mean %.3f sd %.3f, exact %.3f and %.3f", km, ksd, wantMean, wantSD)
	}
	if math.Abs(am-tObs/2) > 0.1*math.Sqrt(0.5) || math.Abs(asd-math.Sqrt(0.5)) > 0.1*math.Sqrt(0.5) {
		t.Errorf("a: mean %.3f sd %.3f, exact %.3f and %.3f", am, asd, tObs/2, math.Sqrt(0.5))
	}
}
