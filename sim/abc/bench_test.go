//go:build unix

package abc

import (
	"context"
	"fmt"
	"syscall"
	"testing"
	"time"
)

// cpuTime is the process's user+system CPU time: on a shared machine it
// measures the work done rather than the wait for a core.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// BenchmarkOverhead measures the algorithm's own cost per proposal
// (drawing, perturbing, scheduling, distances, kernel sums, weights,
// scales) with a simulator that costs almost nothing (a normal draw per
// statistic), at small, medium and large populations, for both kernels.
// Metrics: ns/proposal (wall) and cpu-ns/proposal (process CPU time, the
// figure to compare with the ~1 ms a model simulation costs when the
// machine is shared), and the mean acceptance rate.
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
					r := proposalRand(seed, 0)
					s := make([]float64, len(theta))
					for i, x := range theta {
						s[i] = x + r.NormFloat64()
					}
					return s, nil
				}
				sims, gens := 0, 0
				acc := 0.0
				cpu0 := cpuTime()
				b.ResetTimer()
				for range b.N {
					res, err := Run(context.Background(), cfg, simulate, nil, nil)
					if err != nil {
						b.Fatal(err)
					}
					sims += res.Simulations()
					for _, g := range res.Generations[1:] {
						acc += g.AcceptanceRate
						gens++
					}
				}
				b.StopTimer()
				b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(sims), "ns/proposal")
				b.ReportMetric(float64((cpuTime()-cpu0).Nanoseconds())/float64(sims), "cpu-ns/proposal")
				b.ReportMetric(acc/float64(gens), "acceptance")
			})
		}
	}
}
