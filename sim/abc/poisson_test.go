package abc

import (
	"context"
	"math"
	"testing"

	"github.com/insurgo/insurgo/sim"
	"gonum.org/v1/gonum/integrate/quad"
	"gonum.org/v1/gonum/stat/distuv"
)

// TestExactPoissonCount checks a discrete statistic, where distances tie
// and epsilon reaches 0 (ABC then accepts exact matches only, so its
// posterior is exact). Five monthly counts y_i ~ Poisson(lambda) with
// lambda ~ lognormal(1, 0.5); their sum (sufficient for lambda) is
// Poisson(5 lambda), observed 17. The exact posterior is Bayes' rule,
// p(lambda | 17) ∝ lognormal(lambda; 1, 0.5) · Poisson(17; 5 lambda), its
// mean and s.d. computed here by Gauss-Legendre quadrature (gonum quad).
func TestExactPoissonCount(t *testing.T) {
	const n, obs = 5, 17
	prior := LogNormal{1, 0.5}
	post := func(l float64) float64 {
		return math.Exp(prior.LogProb(l) + distuv.Poisson{Lambda: n * l}.LogProb(obs))
	}
	const lo, hi = 1e-6, 30.0
	z := quad.Fixed(post, lo, hi, 2000, nil, 0)
	mean := quad.Fixed(func(l float64) float64 { return l * post(l) }, lo, hi, 2000, nil, 0) / z
	sq := quad.Fixed(func(l float64) float64 { return l * l * post(l) }, lo, hi, 2000, nil, 0) / z
	sd := math.Sqrt(sq - mean*mean)

	cfg := Config{
		Models:         []Model{{Params: []Param{{Name: "lambda", Prior: prior}}}},
		Observed:       []float64{obs},
		Population:     1000,
		MaxGenerations: 6,
		// With the median, the tolerance would stall one count away: about
		// a third of a population accepted within ±1 matches exactly.
		Quantile: 0.2,
		Seed:     4,
		Workers:  2,
	}
	simulate := func(_ context.Context, _ int, theta []float64, seed uint64) ([]float64, error) {
		p := distuv.Poisson{Lambda: n * theta[0], Src: sim.NewStreams(seed, 0).Get("toy")}
		return []float64{p.Rand()}, nil
	}
	res, err := Run(context.Background(), cfg, simulate, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	f := res.Final()
	m, s := weightedMeanSD(f, 0)
	t.Logf("mean %.4f (exact %.4f), sd %.4f (exact %.4f), epsilon %g, acceptance %.3f, ESS %.0f",
		m, mean, s, sd, f.Epsilon, f.AcceptanceRate, f.ESS)
	if f.Epsilon != 0 {
		t.Errorf("epsilon %g: expected the tolerance to reach exact matches", f.Epsilon)
	}
	// 10% of the exact s.d.: Monte Carlo error with ESS of several hundred.
	if math.Abs(m-mean) > 0.1*sd || math.Abs(s-sd) > 0.1*sd {
		t.Errorf("posterior mean %.4f sd %.4f, exact %.4f and %.4f", m, s, mean, sd)
	}
}
