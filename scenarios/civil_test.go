package scenarios_test

import (
	"strings"
	"testing"

	"github.com/insurgo/insurgo/scenarios"
)

func TestShippedCivil(t *testing.T) {
	for _, name := range []string{"civil-violence", "civil-violence-mesa", "civil-legitimacy-gradual", "civil-legitimacy-sudden"} {
		sc, err := scenarios.Load(name)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if sc.Model != scenarios.ModelCivil || sc.Civil.Steps != 1000 {
			t.Errorf("%s: model %q, %d steps; want civil, 1000", name, sc.Model, sc.Civil.Steps)
		}
		cal, err := sc.Calendar()
		if err != nil || !cal.Stepped() || cal.Days() != 1000 {
			t.Fatalf("%s: calendar %v stepped %v", name, err, cal.Stepped())
		}
		if _, err := sc.Factory(&cal); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
	nl, _ := scenarios.Load("civil-violence")
	if nl.Civil.Legitimacy != 0.82 || nl.Civil.MaxJailTerm != 30 || nl.Civil.CopDensity != 0.04 {
		t.Errorf("civil-violence is not NetLogo's values: %+v", nl.Civil)
	}
	s, _ := scenarios.Load("civil-legitimacy-sudden")
	g, _ := scenarios.Load("civil-legitimacy-gradual")
	if s.Civil.LegitimacyChange.Over != 0 || g.Civil.LegitimacyChange.Over != 500 || s.Civil.LegitimacyChange.To != 0.7 || s.Hash == g.Hash {
		t.Errorf("legitimacy changes: sudden %+v, gradual %+v", s.Civil.LegitimacyChange, g.Civil.LegitimacyChange)
	}
	over, err := nl.With(map[string]any{"civil.legitimacy": 0.7})
	if err != nil || over.Civil.Legitimacy != 0.7 || over.Hash == nl.Hash {
		t.Errorf("With civil.legitimacy: %v", err)
	}
}

// TestCivilErrors checks that a civil scenario's mistakes are reported
// with file, line and key.
func TestCivilErrors(t *testing.T) {
	for _, c := range []struct{ doc, want string }{
		{"model = \"civl\"\n", "bad.toml:1: model: unknown model \"civl\" (did you mean \"civil\"?)"},
		{"model = \"civil\"\n[civil]\nlegitimacy = 1.5\n", "bad.toml:3: civil.legitimacy: must be in [0, 1], got 1.5"},
		{"model = \"civil\"\n[civil]\nvison = 3\n", "bad.toml:3: civil.vison"},
		{"model = \"civil\"\nstart = 2021-09-01\n", "bad.toml:2: start: a civil scenario counts steps"},
		{"model = \"civil\"\n[raids]\nper_month = 3\n", "bad.toml:2: raids: is a setting of the ISK model"},
		{"model = \"civil\"\n[civil.legitimacy_change]\nstart = 10\nto = 2.0\n", "civil.legitimacy_change.to: must be in [0, 1], got 2"},
		{"start = 2021-09-01\nend = 2021-12-31\n[civil]\nsteps = 10\n", "bad.toml:3: civil: [civil] holds the settings of model = \"civil\""},
		{"model = \"civil\"\n[[target]]\nname = \"x\"\nmetric = \"attacks\"\nscope = \"total\"\nstatistic = \"sum\"\nobserved = 1\n", "bad.toml:4: target.x.metric: unknown metric \"attacks\""},
	} {
		_, err := scenarios.LoadBytes("bad.toml", []byte(c.doc))
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%q: error %v, want it to contain %q", c.doc, err, c.want)
		}
	}
	sc, err := scenarios.LoadBytes("ok.toml", []byte("model = \"civil\"\n[civil]\nsteps = 50\n[[target]]\nname = \"mean_active\"\nmetric = \"active\"\nscope = \"total\"\nstatistic = \"mean_per_month\"\nobserved = 10\n"))
	if err != nil || len(sc.Targets) != 1 {
		t.Fatalf("a whole-run target on a civil scenario: %v", err)
	}
}
