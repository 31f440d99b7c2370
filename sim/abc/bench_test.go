package abc

import (
	"context"
	"fmt"
	"testing"
)

// BenchmarkOverhead measures the algorithm's own cost per proposal (drawing,
// perturbing, scheduling, distances, weights, scales) with a simulator that
// costs almost nothing, at small, medium and large populations. Compare the
// ns/proposal metric with the ~1 ms a model simulation takes.
func BenchmarkOverhead(b *testing.B) {
	for _, bc := range []struct{ pop, params int }{{100, 2}, {1000, 2}, {1000, 6}, {4000, 4}} {
		for _, kern := range []string{KernelMVN, KernelOLCM} {
			b.Run(fmt.Sprintf("pop=%d/params=%d/%s", bc.pop, bc.params, kern), func(b *testing.B) {
				params := make([]Param, bc.params)
				obs := make([]float64, bc.params)
				for i := range params {
					params[i] = Param{Name: fmt.Sprint("p", i), Prior: Uniform{-5, 5}}
					obs[i] = 0.5
				}
				cfg := Config{
					Models:         []Model{{Name: "bench", Params: params}},
					Observed:       obs,
					Population:     bc.pop,
					MaxGenerations: 4,
					Kernel:         kern,
					Workers:        1,
				}
				simulate := func(_ context.Context, _ int, theta []float64, seed uint64) ([]float64, error) {
					s := make([]float64, len(theta))
					u := float64(seed>>11) / (1 << 53)
					for i, x := range theta {
						s[i] = x + u - 0.5
					}
					return s, nil
				}
				sims := 0
				b.ResetTimer()
				for range b.N {
					res, err := Run(context.Background(), cfg, simulate, nil, nil)
					if err != nil {
						b.Fatal(err)
					}
					sims += res.Simulations()
				}
				b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(sims), "ns/proposal")
			})
		}
	}
}
