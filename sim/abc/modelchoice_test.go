package abc

import (
	"context"
	"math"
	"testing"

	"github.com/insurgo/insurgo/sim"
	"gonum.org/v1/gonum/stat/distuv"
)

// TestModelChoiceBayesFactor compares two models for one observation
// s ~ N(mu, 1): model 0 has mu ~ N(0, 1), model 1 has mu ~ N(0, 10²).
// s is sufficient for mu in both, so ABC model choice on s targets the
// exact posterior model probabilities. The marginal likelihoods are
// s ~ N(0, 1+1) and s ~ N(0, 1+100) (normal-normal convolution), so with
// equal model priors P(model 0 | s) = N(s; 0, 2) / (N(s; 0, 2) + N(s; 0, 101)),
// 0.804 at s = 1.5 (Bayes factor 4.1).
func TestModelChoiceBayesFactor(t *testing.T) {
	const sObs = 1.5
	m0 := distuv.Normal{Mu: 0, Sigma: math.Sqrt(2)}.Prob(sObs)
	m1 := distuv.Normal{Mu: 0, Sigma: math.Sqrt(101)}.Prob(sObs)
	want := m0 / (m0 + m1)
	cfg := Config{
		Models: []Model{
			{Name: "narrow", Prior: 1, Params: []Param{{Name: "mu", Prior: Normal{0, 1}}}},
			{Name: "wide", Prior: 1, Params: []Param{{Name: "mu", Prior: Normal{0, 10}}}},
		},
		Observed:       []float64{sObs},
		Population:     2000,
		MaxGenerations: 7,
		Seed:           3,
		Workers:        2,
	}
	simulate := func(_ context.Context, _ int, theta []float64, seed uint64) ([]float64, error) {
		return []float64{theta[0] + sim.NewStreams(seed, 0).Get("toy").NormFloat64()}, nil
	}
	res, err := Run(context.Background(), cfg, simulate, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	f := res.Final()
	t.Logf("P(narrow) = %.4f (exact %.4f), epsilon %.4g, ESS %.0f, %d simulations", f.ModelProbs[0], want, f.Epsilon, f.ESS, res.Simulations())
	// Monte Carlo s.d. of the model probability with ESS ~ 1000 is about
	// sqrt(0.8·0.2/1000) = 0.013; the tolerance is 3 of those.
	if math.Abs(f.ModelProbs[0]-want) > 0.04 {
		t.Errorf("P(narrow) = %.4f, exact %.4f", f.ModelProbs[0], want)
	}
	if s := f.ModelProbs[0] + f.ModelProbs[1]; math.Abs(s-1) > 1e-12 {
		t.Errorf("model probabilities sum to %g", s)
	}
}
