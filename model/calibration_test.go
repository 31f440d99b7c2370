package model

import (
	"context"
	"testing"

	"github.com/insurgo/insurgo/sim"
)

// runBatch runs n replicates of p under seed with the given windows.
func runBatch(t testing.TB, p *Params, cal sim.Calendar, ws []sim.Window, n int, seed uint64) *sim.Aggregate {
	t.Helper()
	f, err := NewFactory(p, &cal)
	if err != nil {
		t.Fatal(err)
	}
	agg, err := sim.Batch{Calendar: cal, Seed: seed, Count: n, Windows: ws}.Run(context.Background(), f)
	if err != nil {
		t.Fatal(err)
	}
	return agg
}

// TestCalibration runs 200 replicates of the historical scenario with a
// fixed seed and checks that every target's observed value lies in the
// simulated 90% interval (p05..p95).
func TestCalibration(t *testing.T) {
	s := loadTestScenario(t, "historical")
	cal := s.calendar(t)
	ws := s.windows(t)
	agg := runBatch(t, &s.Params, cal, ws, 200, 20210901)
	for i, x := range s.Targets {
		q := agg.Stat(i).Summarize()
		ok := q.P05 <= x.Observed && x.Observed <= q.P95
		t.Logf("%-30s observed %7.2f  p05 %7.2f  p50 %7.2f  p95 %7.2f  %v", x.Name, x.Observed, q.P05, q.P50, q.P95, ok)
		if !ok {
			t.Errorf("target %s: observed %g outside the simulated 90%% interval [%g, %g]", x.Name, x.Observed, q.P05, q.P95)
		}
	}
}
