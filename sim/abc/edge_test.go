package abc

import (
	"context"
	"encoding/json"
	"math"
	"testing"

	"github.com/insurgo/insurgo/sim"
)

// TestEdgeCases runs configurations at the edges: a population of one, a
// model without parameters beside one with, a statistic that never varies,
// simulations that sometimes return NaN, integer-only settings. Each must
// finish with finite, JSON-encodable generations and weights summing to 1.
func TestEdgeCases(t *testing.T) {
	noisy := func(_ context.Context, m int, theta []float64, seed uint64) ([]float64, error) {
		r := sim.NewStreams(seed, 0).Get("toy")
		x := 0.0
		for _, v := range theta {
			x += v
		}
		s := []float64{x + r.NormFloat64(), 3}
		if r.Float64() < 0.1 {
			s[0] = math.NaN()
		}
		return s, nil
	}
	cases := []struct {
		name string
		cfg  Config
	}{
		{"population 1", Config{
			Models:     []Model{{Params: []Param{{Name: "a", Prior: Normal{0, 1}}}}},
			Observed:   []float64{0.5, 3},
			Population: 1, MaxGenerations: 4,
		}},
		{"parameterless model", Config{
			Models: []Model{
				{Name: "fixed", Prior: 1},
				{Name: "free", Prior: 1, Params: []Param{{Name: "a", Prior: Uniform{-3, 3}}}},
			},
			Observed:   []float64{1, 3},
			Population: 50, MaxGenerations: 4, Kernel: KernelOLCM,
		}},
		{"integers only", Config{
			Models: []Model{{Params: []Param{
				{Name: "i", Prior: Uniform{0, 3}, Integer: true},
				{Name: "j", Prior: LogNormal{0, 1}, Integer: true},
			}}},
			Observed:   []float64{2, 3},
			ObsSD:      []float64{0, 0},
			Population: 30, MaxGenerations: 4,
		}},
	}
	for _, tc := range cases {
		for _, w := range []int{1, 3} {
			tc.cfg.Workers = w
			res, err := Run(context.Background(), tc.cfg, noisy, nil, nil)
			if err != nil {
				t.Fatalf("%s: %v", tc.name, err)
			}
			for _, g := range res.Generations {
				if _, err := json.Marshal(g); err != nil {
					t.Fatalf("%s: generation %d: %v", tc.name, g.Index, err)
				}
				sum := 0.0
				for _, p := range g.Particles {
					sum += p.Weight
				}
				if math.Abs(sum-1) > 1e-9 || !(g.ESS >= 1) {
					t.Errorf("%s: generation %d: weights sum to %g, ESS %g", tc.name, g.Index, sum, g.ESS)
				}
			}
		}
	}
}
