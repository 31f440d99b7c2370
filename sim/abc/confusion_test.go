package abc

import (
	"context"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/insurgo/insurgo/sim"
)

// TestModelChoiceConfusion generates synthetic data sets from each of two
// models and tabulates which model ABC-SMC model choice prefers, beside
// the exact Bayes choice. Both models draw n values from N(mu, sigma²)
// with mu ~ N(0, 1); model 0 has sigma = 1, model 1 sigma = 2. The sample
// mean m and s.d. s are sufficient for (mu, sigma), so the exact posterior
// model probabilities follow from the marginal likelihood
//
//	log p(data | sigma) = -(n-1) log sigma - (n-1)s²/(2sigma²)
//	                      - ½ log v - m²/(2v) + const,  v = 1 + sigma²/n
//
// (the normal likelihood factorised into s and m, integrated over the
// N(0, 1) prior on mu). Checks: ABC's probabilities stay close to the
// exact ones, it makes the exact choice wherever that is clear, and it
// picks the generating model in a clear majority.
func TestModelChoiceConfusion(t *testing.T) {
	const perModel, n = 15, 20
	sigmas := []float64{1, 2}
	stats := func(r *rand.Rand, mu, sigma float64) []float64 {
		s, s2 := 0.0, 0.0
		for range n {
			x := mu + sigma*r.NormFloat64()
			s += x
			s2 += x * x
		}
		m := s / n
		return []float64{m, math.Sqrt((s2 - n*m*m) / (n - 1))}
	}
	simulate := func(_ context.Context, m int, theta []float64, seed uint64) ([]float64, error) {
		return stats(sim.NewStreams(seed, 0).Get("toy"), theta[0], sigmas[m]), nil
	}
	logMarginal := func(obs []float64, sg float64) float64 {
		m, s := obs[0], obs[1]
		v := 1 + sg*sg/n
		return -(n-1)*math.Log(sg) - (n-1)*s*s/(2*sg*sg) - 0.5*math.Log(v) - m*m/(2*v)
	}
	var abcTable, exactTable [2][2]int
	agree, clear, clearAgree, absDiff := 0, 0, 0, 0.0
	for truth := range 2 {
		for i := range perModel {
			r := rand.New(rand.NewPCG(uint64(truth), uint64(i)))
			obs := stats(r, r.NormFloat64(), sigmas[truth])
			cfg := Config{
				Models: []Model{
					{Name: "sigma1", Prior: 1, Params: []Param{{Name: "mu", Prior: Normal{0, 1}}}},
					{Name: "sigma2", Prior: 1, Params: []Param{{Name: "mu", Prior: Normal{0, 1}}}},
				},
				Observed:       obs,
				Population:     200,
				MaxGenerations: 5,
				Seed:           uint64(100*truth + i),
				Workers:        2,
			}
			res, err := Run(context.Background(), cfg, simulate, nil, nil)
			if err != nil {
				t.Fatal(err)
			}
			pABC := res.Final().ModelProbs[0]
			pExact := 1 / (1 + math.Exp(logMarginal(obs, 2)-logMarginal(obs, 1)))
			choice := func(p0 float64) int {
				if p0 >= 0.5 {
					return 0
				}
				return 1
			}
			abcTable[truth][choice(pABC)]++
			exactTable[truth][choice(pExact)]++
			if choice(pABC) == choice(pExact) {
				agree++
			}
			if math.Abs(pExact-0.5) > 0.4 {
				clear++
				if choice(pABC) == choice(pExact) {
					clearAgree++
				}
			}
			absDiff += math.Abs(pABC - pExact)
		}
	}
	absDiff /= 2 * perModel
	t.Logf("confusion, rows = generating model (sigma 1, sigma 2), columns = chosen: ABC %v, exact Bayes %v; same choice in %d of %d (%d of %d where the exact probability is outside 0.1..0.9); mean |P_ABC - P_exact| = %.3f",
		abcTable, exactTable, agree, 2*perModel, clearAgree, clear, absDiff)
	// After 5 generations the tolerance is still comparable to the spread
	// of s under sigma = 1, and the epsilon-ball integrates the steep
	// sigma = 1 density from its peak side, so in ambiguous data sets ABC
	// leans towards sigma = 1 (by up to 0.3 here; the lean shrinks with
	// epsilon: one such data set, exact 0.059, gives 0.24, 0.12, 0.06 at
	// generations 5, 7, 11). On average it stays within 0.1, and where the
	// exact probability is clear (outside 0.1..0.9) ABC must choose alike.
	if absDiff > 0.1 {
		t.Errorf("mean |P_ABC - P_exact| = %.3f", absDiff)
	}
	if clearAgree < clear {
		t.Errorf("ABC and exact Bayes choose differently in %d of %d clear data sets", clear-clearAgree, clear)
	}
	for truth := range 2 {
		if abcTable[truth][truth] < 11 {
			t.Errorf("data from model %d: chosen in %d of %d", truth, abcTable[truth][truth], perModel)
		}
	}
}
