package isk

import (
	"testing"
	"time"

	"github.com/BurntSushi/toml"

	"github.com/insurgo/insurgo/sim"
)

// testScenario is the slice of a scenario file the model's tests need: the
// model settings plus the run span and targets. (Package scenarios does the
// real loading, with extends and file:line errors; the model's tests must
// not import it, so they decode historical.toml themselves.)
type testScenario struct {
	Params
	Name    string       `toml:"name"`
	Desc    string       `toml:"description"`
	Extends string       `toml:"extends"`
	Start   time.Time    `toml:"start"`
	End     time.Time    `toml:"end"`
	Targets []testTarget `toml:"target"`
}

type testTarget struct {
	sim.Window
	Observed float64 `toml:"observed"`
	// Kind, ObsSD and ObsRel are decoded so that strict loading accepts
	// them; the scenarios package resolves and applies them.
	Kind   string  `toml:"kind"`
	ObsSD  float64 `toml:"obs_sd"`
	ObsRel float64 `toml:"obs_rel"`
}

// loadTestScenario decodes ../scenarios/<name>.toml on top of Default,
// strictly (unknown keys fail the test).
func loadTestScenario(t testing.TB, name string) *testScenario {
	t.Helper()
	s := &testScenario{Params: Default()}
	md, err := toml.DecodeFile("../../scenarios/"+name+".toml", s)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	if un := md.Undecoded(); len(un) > 0 {
		t.Fatalf("%s: unknown keys %v", name, un)
	}
	if ps := s.Params.Validate(); len(ps) > 0 {
		for _, p := range ps {
			t.Errorf("%s: %s", name, p)
		}
		t.FailNow()
	}
	return s
}

func (s *testScenario) calendar(t testing.TB) sim.Calendar {
	t.Helper()
	c, err := sim.NewCalendar(s.Start, s.End)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func (s *testScenario) windows(t testing.TB) []sim.Window {
	t.Helper()
	var ws []sim.Window
	for _, x := range s.Targets {
		ws = append(ws, x.Window)
	}
	return ws
}

func TestHistoricalValid(t *testing.T) {
	s := loadTestScenario(t, "historical")
	metrics := map[string]bool{}
	for _, m := range s.Params.Metrics() {
		metrics[m] = true
	}
	scopes := map[string]bool{}
	for _, sc := range s.Params.Scopes() {
		scopes[sc] = true
	}
	for _, x := range s.Targets {
		if !metrics[x.Metric] {
			t.Errorf("target %s: unknown metric %q", x.Name, x.Metric)
		}
		if !scopes[x.Scope] || (x.Of != "" && !scopes[x.Of]) {
			t.Errorf("target %s: unknown scope %q or %q", x.Name, x.Scope, x.Of)
		}
	}
	if n := len(s.Params.Regions); n < 25 {
		t.Errorf("historical has %d regions, want >= 25", n)
	}
}

// mustMonth parses a YYYY-MM month written in a test.
func mustMonth(s string) sim.Month {
	m, err := sim.ParseMonth(s)
	if err != nil {
		panic(err)
	}
	return m
}
