package scenarios

import (
	"context"
	"testing"

	"github.com/insurgo/insurgo/internal/report"
	"github.com/insurgo/insurgo/sim"
)

// TestHistoricalCoverage runs 200 replicates of the shipped historical
// scenario with a fixed seed and checks that every training target is
// covered by the rule summary.json applies: the observed figure lies in
// the 90% interval of the simulated statistic plus the target's
// observation error. Checks (scenario inputs) are logged, not required.
func TestHistoricalCoverage(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the model")
	}
	s, err := Load("historical")
	if err != nil {
		t.Fatal(err)
	}
	cal, err := s.Calendar()
	if err != nil {
		t.Fatal(err)
	}
	f, err := s.Factory(&cal)
	if err != nil {
		t.Fatal(err)
	}
	obs := s.Observed()
	ws := report.Windows(obs)
	agg, err := sim.Batch{Calendar: cal, Seed: 20210901, Count: 200, Windows: ws}.Run(context.Background(), f)
	if err != nil {
		t.Fatal(err)
	}
	sum, err := report.Build(agg, &cal, obs)
	if err != nil {
		t.Fatal(err)
	}
	for _, x := range sum.Targets {
		t.Logf("%-30s %-6s observed %7.2f  p50 %7.2f  obs s.d. %5.2f  interval [%7.2f, %7.2f]  %v",
			x.Name, x.Kind, x.Observed, x.P50, x.ObsSD, x.PredP05, x.PredP95, x.Covered)
	}
	missed, targets := sum.Uncovered()
	for _, x := range missed {
		t.Errorf("target %s: observed %g outside the 90%% interval [%g, %g] of the simulated value plus observation error (s.d. %g)",
			x.Name, x.Observed, x.PredP05, x.PredP95, x.ObsSD)
	}
	if targets < 10 {
		t.Errorf("historical has %d training targets, want the brief's 11", targets)
	}
}
