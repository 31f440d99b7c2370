package sweeprun

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"testing"
	"time"
)

// BenchmarkSweepHistorical runs a Latin-hypercube sweep of the shipped
// historical scenario (three parameters, the two outputs below) and
// reports points × replicates per second. Each iteration runs the whole
// shard again.
//
//	go test ./internal/sweeprun -run '^$' -bench SweepHistorical -benchtime 3x
func BenchmarkSweepHistorical(b *testing.B) {
	for _, tc := range []struct{ points, reps int }{{8, 4}, {32, 4}} {
		for _, workers := range []int{1, runtime.GOMAXPROCS(0)} {
			b.Run(fmt.Sprintf("points=%d/reps=%d/workers=%d", tc.points, tc.reps, workers), func(b *testing.B) {
				src := fmt.Sprintf(`
[sweep]
extends = "historical"
design = "lhs"
size = %d
replicates = %d
seed = 1

[[sweep.param]]
key = "attacks.rate"
range = [0.02, 0.045]

[[sweep.param]]
key = "intel.informants"
range = [0.05, 0.25]

[[sweep.param]]
key = "region.Nangarhar.grievance"
range = [0.3, 0.9]

[[sweep.output]]
name = "af_attacks"
metric = "attacks"
scope = "country:afghanistan"
from = "2022-01"
to = "2023-12"
statistic = "sum"

[[sweep.output]]
name = "fighters_end"
metric = "fighters"
scope = "total"
from = "2023-12"
to = "2023-12"
statistic = "end_value"
`, tc.points, tc.reps)
				c, err := ParseConfig("bench.toml", []byte(src))
				if err != nil {
					b.Fatal(err)
				}
				dir := filepath.Join(b.TempDir(), "sweep")
				if _, err := Plan(c, ScenarioLoader, PlanOptions{Dir: dir, Shards: 1, Engine: "bench"}); err != nil {
					b.Fatal(err)
				}
				var ms0, ms1 runtime.MemStats
				runtime.ReadMemStats(&ms0)
				var busy time.Duration
				for b.Loop() {
					os.Remove(ShardPath(dir, 0))
					t0 := time.Now()
					if _, err := RunShards(context.Background(), dir, ScenarioLoader, RunOptions{Task: 0, Tasks: 1, Workers: workers, Engine: "bench"}); err != nil {
						b.Fatal(err)
					}
					busy += time.Since(t0)
				}
				runtime.ReadMemStats(&ms1)
				runs := float64(b.N * tc.points * tc.reps)
				b.ReportMetric(runs/busy.Seconds(), "runs/s")
				b.ReportMetric(float64(ms1.TotalAlloc-ms0.TotalAlloc)/runs, "B/run")
			})
		}
	}
}
