package scenarios_test

import (
	"strings"
	"testing"

	"github.com/insurgo/insurgo/scenarios"
)

// TestShippedIntergroup checks that the inter-group scenarios load, run
// the intergroup model on a step clock, build their factory, and differ
// only where they should: peacekeepers, then their withdrawal.
func TestShippedIntergroup(t *testing.T) {
	got := map[string]*scenarios.Scenario{}
	for _, name := range []string{"intergroup", "intergroup-peacekeepers", "intergroup-withdrawal"} {
		sc, err := scenarios.Load(name)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if sc.Model != scenarios.ModelIntergroup || !sc.Stepped() || sc.Steps() != 1000 {
			t.Errorf("%s: model %q, %d steps; want intergroup, 1000", name, sc.Model, sc.Steps())
		}
		cal, err := sc.Calendar()
		if err != nil || !cal.Stepped() || cal.Days() != 1000 {
			t.Fatalf("%s: calendar %v stepped %v", name, err, cal.Stepped())
		}
		if _, err := sc.Factory(&cal); err != nil {
			t.Errorf("%s: %v", name, err)
		}
		if h := sc.Headline(); h.Metric != "minority" || h.Statistic != "end_value" {
			t.Errorf("%s: headline %+v, want the smaller group's end value", name, h)
		}
		got[name] = sc
	}
	base, pk, wd := got["intergroup"].Intergroup, got["intergroup-peacekeepers"].Intergroup, got["intergroup-withdrawal"].Intergroup
	if base.CopDensity != 0 || pk.CopDensity != 0.2 || pk.WithdrawAt != 0 || wd.CopDensity != 0.2 || wd.WithdrawAt != 200 {
		t.Errorf("peacekeepers: intergroup %g, peacekeepers %g (withdrawn at %d), withdrawal %g (at %d)",
			base.CopDensity, pk.CopDensity, pk.WithdrawAt, wd.CopDensity, wd.WithdrawAt)
	}
	pk.CopDensity = 0
	wd.CopDensity, wd.WithdrawAt = 0, 0
	if pk != base || wd != base {
		t.Errorf("the scenarios differ beyond peacekeepers:\n%+v\n%+v\n%+v", base, pk, wd)
	}
	sc := got["intergroup"]
	over, err := sc.With(map[string]any{"intergroup.legitimacy_green": 0.5})
	if err != nil || over.Intergroup.LegitimacyGreen != 0.5 || over.Hash == sc.Hash {
		t.Errorf("With intergroup.legitimacy_green: %v", err)
	}
}

// TestIntergroupErrors checks that an intergroup scenario's mistakes are
// reported with file, line and key, and that a civil and an intergroup
// scenario refuse each other's tables.
func TestIntergroupErrors(t *testing.T) {
	for _, c := range []struct{ doc, want string }{
		{"model = \"intergrup\"\n", "bad.toml:1: model: unknown model \"intergrup\" (did you mean \"intergroup\"?)"},
		{"model = \"intergroup\"\n[intergroup]\nlegitimacy_blue = 1.5\n", "bad.toml:3: intergroup.legitimacy_blue: must be in [0, 1], got 1.5"},
		{"model = \"intergroup\"\n[intergroup]\nlegitimacy = 0.5\n", "bad.toml:3: intergroup.legitimacy"},
		{"model = \"intergroup\"\n[intergroup]\nlifespan = 0\n", "bad.toml:3: intergroup.lifespan: must be from 1 to 1073741824 steps, got 0"},
		{"model = \"intergroup\"\nstart = 2021-09-01\n", "bad.toml:2: start: an intergroup scenario counts steps, not dates: set intergroup.steps"},
		{"model = \"intergroup\"\n[raids]\nper_month = 3\n", "bad.toml:2: raids: is a setting of the ISK model; this scenario runs model = \"intergroup\", whose settings go in [intergroup]"},
		{"model = \"intergroup\"\n[civil]\nsteps = 3\n", "bad.toml:2: civil: [civil] holds the settings of model = \"civil\"; this scenario runs model = \"intergroup\""},
		{"model = \"civil\"\n[intergroup]\nsteps = 3\n", "bad.toml:2: intergroup: [intergroup] holds the settings of model = \"intergroup\"; this scenario runs model = \"civil\""},
		{"start = 2021-09-01\nend = 2021-12-31\n[intergroup]\nsteps = 10\n", "bad.toml:3: intergroup: [intergroup] holds the settings of model = \"intergroup\"; this scenario runs the ISK model"},
		{"model = \"intergroup\"\n[[target]]\nname = \"x\"\nmetric = \"attacks\"\nscope = \"total\"\nstatistic = \"sum\"\nobserved = 1\n", "bad.toml:4: target.x.metric: unknown metric \"attacks\""},
	} {
		_, err := scenarios.LoadBytes("bad.toml", []byte(c.doc))
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%q: error %v, want it to contain %q", c.doc, err, c.want)
		}
	}
	sc, err := scenarios.LoadBytes("ok.toml", []byte("model = \"intergroup\"\n[intergroup]\nsteps = 50\n[[target]]\nname = \"survivors\"\nmetric = \"minority\"\nscope = \"total\"\nstatistic = \"end_value\"\nobserved = 10\n"))
	if err != nil || len(sc.Targets) != 1 {
		t.Fatalf("an end-value target on an intergroup scenario: %v", err)
	}
}
