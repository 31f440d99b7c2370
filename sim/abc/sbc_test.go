package abc

import (
	"context"
	"flag"
	"math"
	"math/rand/v2"
	"testing"

	"gonum.org/v1/gonum/stat/distuv"
)

var sbcDatasets = flag.Int("abc.sbc", 200, "number of synthetic data sets in TestSimulationBasedCalibration")

// sbcRanks runs simulation-based calibration (Talts et al. 2018,
// "Validating Bayesian inference algorithms with simulation-based
// calibration", arXiv:1804.06788, Algorithm 1) on the normal-mean toy:
// mu ~ N(0, 1), s ~ N(mu, 1). For data set i, mu_i is drawn from the
// prior, s_i simulated, ABC-SMC run on s_i, and L posterior draws taken by
// weighted resampling; the rank of mu_i among them is uniform on 0..L if
// the posterior is right. shrink scales the draws about their mean (1 for
// the real check; < 1 gives an overconfident posterior that must fail);
// counts[k] are the rank counts for shrink[k], from the same runs.
func sbcRanks(t *testing.T, datasets, draws int, shrink []float64) (counts [][]int, meanSD float64) {
	counts = make([][]int, len(shrink))
	for k := range counts {
		counts[k] = make([]int, draws+1)
	}
	sdSum := 0.0
	for i := range datasets {
		r := rand.New(rand.NewPCG(uint64(i), 99))
		mu := r.NormFloat64()
		s := mu + r.NormFloat64()
		cfg := Config{
			Models:         []Model{{Name: "toy", Params: []Param{{Name: "mu", Prior: Normal{0, 1}}}}},
			Observed:       []float64{s},
			Population:     100,
			MaxGenerations: 5,
			Seed:           uint64(1000 + i),
			Workers:        2,
		}
		res, err := Run(context.Background(), cfg, normalMeanSim(1, 1), nil, nil)
		if err != nil {
			t.Fatal(err)
		}
		f := res.Final()
		m, sd := weightedMeanSD(f, 0)
		sdSum += sd
		w := make([]float64, len(f.Particles))
		for j, p := range f.Particles {
			w[j] = p.Weight
		}
		ranks := make([]int, len(shrink))
		for range draws {
			x := f.Particles[pick(r, w)].Theta[0]
			for k, c := range shrink {
				if m+c*(x-m) < mu {
					ranks[k]++
				}
			}
		}
		for k, rank := range ranks {
			counts[k][rank]++
		}
	}
	return counts, sdSum / float64(datasets)
}

// chiSquareUniform returns the chi-square statistic of counts against the
// uniform distribution and its p-value.
func chiSquareUniform(counts []int) (float64, float64) {
	total := 0
	for _, c := range counts {
		total += c
	}
	e := float64(total) / float64(len(counts))
	x2 := 0.0
	for _, c := range counts {
		d := float64(c) - e
		x2 += d * d / e
	}
	return x2, distuv.ChiSquared{K: float64(len(counts) - 1)}.Survival(x2)
}

func TestSimulationBasedCalibration(t *testing.T) {
	n := *sbcDatasets
	if testing.Short() {
		n = 100
	}
	const draws = 9 // 10 rank bins: 20 expected per bin with 200 data sets
	both, meanSD := sbcRanks(t, n, draws, []float64{1, 0.6})
	counts, bad := both[0], both[1]
	x2, p := chiSquareUniform(counts)
	t.Logf("%d data sets, rank counts %v, chi-square %.2f (df %d), p = %.3f, mean posterior s.d. %.3f (exact %.3f)",
		n, counts, x2, draws, p, meanSD, math.Sqrt(0.5))
	if p < 0.01 {
		t.Errorf("ranks not uniform: chi-square %.2f, p = %.4f", x2, p)
	}
	// The posterior must also be informative: exact s.d. is sqrt(1/2) =
	// 0.707 against the prior's 1.
	if meanSD > 0.8 || meanSD < 0.6 {
		t.Errorf("mean posterior s.d. %.3f, exact 0.707", meanSD)
	}
	// The check has power: a posterior shrunk to 60% of its width fails.
	if _, pb := chiSquareUniform(bad); pb >= 0.01 {
		t.Errorf("an overconfident posterior passes the check (p = %.3f, ranks %v)", pb, bad)
	}
}
