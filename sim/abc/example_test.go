package abc_test

import (
	"context"
	"fmt"
	"math/rand/v2"

	"github.com/insurgo/insurgo/sim/abc"
)

// Infer the mean of a normal distribution from one observed draw, under
// a uniform prior.
func ExampleRun() {
	cfg := abc.Config{
		Models: []abc.Model{{Name: "normal", Params: []abc.Param{
			{Name: "mu", Prior: abc.Uniform{Lo: -10, Hi: 10}},
		}}},
		Observed:       []float64{2.5},
		Population:     200,
		MaxGenerations: 5,
		Seed:           7,
		Workers:        2,
	}
	simulate := func(_ context.Context, _ int, theta []float64, seed uint64) ([]float64, error) {
		r := rand.New(rand.NewPCG(seed, 0))
		return []float64{theta[0] + r.NormFloat64()}, nil
	}
	res, err := abc.Run(context.Background(), cfg, simulate, nil, func(g abc.Generation) error {
		fmt.Printf("generation %d: epsilon %.3f, acceptance %.2f, ESS %.0f\n", g.Index, g.Epsilon, g.AcceptanceRate, g.ESS)
		return nil
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	mean := 0.0
	for _, p := range res.Final().Particles {
		mean += p.Weight * p.Theta[0]
	}
	fmt.Printf("stopped: %s; posterior mean of mu %.1f\n", res.Stop, mean)
	// Output:
	// generation 0: epsilon 1.962, acceptance 1.00, ESS 200
	// generation 1: epsilon 0.684, acceptance 0.54, ESS 199
	// generation 2: epsilon 0.372, acceptance 0.37, ESS 199
	// generation 3: epsilon 0.231, acceptance 0.27, ESS 198
	// generation 4: epsilon 0.172, acceptance 0.22, ESS 192
	// stopped: max generations; posterior mean of mu 2.5
}

// A priors' String is what summaries print.
func ExamplePrior() {
	for _, p := range []abc.Prior{
		abc.Uniform{Lo: 0.1, Hi: 0.5},
		abc.LogUniform{Lo: 1, Hi: 100},
		abc.TruncNormal{Mu: 0, Sigma: 1, Lo: 0, Hi: 3},
	} {
		lo, hi := p.Support()
		fmt.Printf("%s on [%g, %g]\n", p, lo, hi)
	}
	// Output:
	// uniform(0.1, 0.5) on [0.1, 0.5]
	// loguniform(1, 100) on [1, 100]
	// truncnormal(0, 1, 0, 3) on [0, 3]
}

// Choose between two models of one observation s ~ N(mu, 1): a narrow
// prior on mu and a wide one. The exact posterior probability of the
// narrow model is 0.80 (see TestModelChoiceBayesFactor).
func ExampleRun_modelChoice() {
	cfg := abc.Config{
		Models: []abc.Model{
			{Name: "narrow", Prior: 0.5, Params: []abc.Param{{Name: "mu", Prior: abc.Normal{Mu: 0, Sigma: 1}}}},
			{Name: "wide", Prior: 0.5, Params: []abc.Param{{Name: "mu", Prior: abc.Normal{Mu: 0, Sigma: 10}}}},
		},
		Observed:       []float64{1.5},
		Population:     1000,
		MaxGenerations: 6,
		Seed:           11,
		Workers:        2,
	}
	simulate := func(_ context.Context, _ int, theta []float64, seed uint64) ([]float64, error) {
		r := rand.New(rand.NewPCG(seed, 0))
		return []float64{theta[0] + r.NormFloat64()}, nil
	}
	res, err := abc.Run(context.Background(), cfg, simulate, nil, nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	f := res.Final()
	for m, p := range f.ModelProbs {
		fmt.Printf("%s: %.2f\n", cfg.Models[m].Name, p)
	}
	// Output:
	// narrow: 0.79
	// wide: 0.21
}
