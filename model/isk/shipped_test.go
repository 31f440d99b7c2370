package isk_test

import (
	"context"
	"testing"

	"github.com/insurgo/insurgo/model/isk"
	"github.com/insurgo/insurgo/scenarios"
	"github.com/insurgo/insurgo/sim"
)

// TestShippedScenariosRun loads every shipped scenario with the real loader
// (extends resolved) and runs a few replicates of it, checking that
// attacks happen and that the run is the same whatever the number of
// workers.
func TestShippedScenariosRun(t *testing.T) {
	for _, info := range scenarios.Shipped() {
		s, err := scenarios.Load(info.Name)
		if err != nil {
			t.Errorf("%s: %v", info.Name, err)
			continue
		}
		if s.Model != scenarios.ModelISK {
			continue // another model's scenario (model/civil tests its own)
		}
		cal, err := s.Calendar()
		if err != nil {
			t.Errorf("%s: %v", info.Name, err)
			continue
		}
		f, err := isk.NewFactory(&s.Params, &cal)
		if err != nil {
			t.Errorf("%s: %v", info.Name, err)
			continue
		}
		w := sim.Window{Name: "attacks", Metric: isk.MAttacks, Scope: "total",
			From: cal.FirstMonth(), To: cal.Month(cal.Months() - 1), Statistic: sim.Sum}
		var sums [2]float64
		for i, workers := range []int{1, 2} {
			agg, err := sim.Batch{Calendar: cal, Seed: 3, Count: 8, Workers: workers, Windows: []sim.Window{w}}.Run(context.Background(), f)
			if err != nil {
				t.Fatalf("%s: %v", info.Name, err)
			}
			sums[i] = agg.Stat(0).Mean()
		}
		t.Logf("%-22s mean attacks over the run %.1f", info.Name, sums[0])
		if sums[0] <= 0 {
			t.Errorf("%s: no attacks at all", info.Name)
		}
		if sums[0] != sums[1] {
			t.Errorf("%s: 1 worker gives %v attacks, 2 workers %v", info.Name, sums[0], sums[1])
		}
	}
}
