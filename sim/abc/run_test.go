package abc

import (
	"context"
	"math"
	"testing"
)

// TestExactNormalMean checks ABC-SMC against the closed-form posterior of
// a normal mean with known variance under a normal prior (conjugate; e.g.
// Gelman et al., Bayesian Data Analysis, 3rd ed., §2.5): with prior
// N(mu0, tau²) and ybar the mean of n draws of N(mu, sigma²), the
// posterior is normal with precision 1/tau² + n/sigma² and mean
// (mu0/tau² + n ybar/sigma²) / precision.
func TestExactNormalMean(t *testing.T) {
	const mu0, tau, sigma, n, ybar = 0.0, 2.0, 1.0, 4, 1.3
	prec := 1/(tau*tau) + n/(sigma*sigma)
	wantMean := (mu0/(tau*tau) + n*ybar/(sigma*sigma)) / prec
	wantSD := math.Sqrt(1 / prec)
	for _, kern := range []string{KernelMVN, KernelOLCM} {
		cfg := Config{
			Models:         []Model{{Name: "toy", Params: []Param{{Name: "mu", Prior: Normal{mu0, tau}}}}},
			Observed:       []float64{ybar},
			Population:     1000,
			MaxGenerations: 8,
			Kernel:         kern,
			Seed:           1,
			Workers:        2,
		}
		res, err := Run(context.Background(), cfg, normalMeanSim(sigma, n), nil, nil)
		if err != nil {
			t.Fatal(err)
		}
		f := res.Final()
		m, sd := weightedMeanSD(f, 0)
		t.Logf("%s: mean %.4f (exact %.4f) sd %.4f (exact %.4f) eps %.4g ess %.0f sims %d stop %s",
			kern, m, wantMean, sd, wantSD, f.Epsilon, f.ESS, res.Simulations(), res.Stop)
		// Tolerance: Monte Carlo error of the mean with ESS >= 300 is
		// about sd/sqrt(300) = 0.03 sd; the remaining tolerance covers the
		// epsilon > 0 widening.
		if math.Abs(m-wantMean) > 0.1*wantSD {
			t.Errorf("%s: posterior mean %.4f, exact %.4f", kern, m, wantMean)
		}
		if math.Abs(sd-wantSD) > 0.1*wantSD {
			t.Errorf("%s: posterior sd %.4f, exact %.4f", kern, sd, wantSD)
		}
	}
}
