package sweeprun

import (
	"path/filepath"
	"testing"
)

// TestExamples plans every example sweep file in examples/sweeps against
// the shipped scenarios and model, so that a renamed model key or metric
// shows up here rather than in a user's first sweep.
func TestExamples(t *testing.T) {
	files, err := filepath.Glob("../../examples/sweeps/*.toml")
	if err != nil {
		t.Fatal(err)
	}
	if len(files) < 3 {
		t.Fatalf("found %d example sweep files, want the morris, sobol and grid ones", len(files))
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			c, err := ReadConfig(f)
			if err != nil {
				t.Fatal(err)
			}
			var warnings []string
			man, err := Plan(c, ScenarioLoader, PlanOptions{Dir: filepath.Join(t.TempDir(), "sweep"), Shards: 2, Engine: "test",
				Warn: func(m string) { warnings = append(warnings, m) }})
			if err != nil {
				t.Fatal(err)
			}
			// Issue 14: the examples varied attacks.rate over [0.02, 0.045]
			// while the historical scenario uses 0.18.
			for _, w := range warnings {
				t.Errorf("example range excludes the shipped value: %s", w)
			}
			if man.Points < 1 || len(man.Params) < 1 || len(man.Outputs) < 1 {
				t.Errorf("plan of %s: %d points, %d params, %d outputs", f, man.Points, len(man.Params), len(man.Outputs))
			}
		})
	}
}
