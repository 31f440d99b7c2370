package scenarios

import (
	"errors"
	"strings"
	"testing"
)

// targetFile returns a scenario extending historical with one extra
// [[target]] whose extra keys are given.
func targetFile(statistic, extra string) []byte {
	of := ""
	if statistic == "share" {
		of = "of = \"total\"\n"
	}
	return []byte(`extends = "historical"
name = "obs"

[[target]]
name = "extra"
metric = "claimed"
scope = "group:kabul"
` + of + `from = "2022-01"
to = "2022-06"
statistic = "` + statistic + `"
observed = 0.5
` + extra)
}

// TestObservationModel: the resolved kind and observation s.d. of a
// [[target]], from its keys or the documented defaults.
func TestObservationModel(t *testing.T) {
	for _, c := range []struct {
		statistic, extra string
		kind             string
		sd               float64
	}{
		{"sum", "", KindTarget, DefaultCountSD},
		{"mean_per_month", "", KindTarget, DefaultCountSD / 6},
		{"share", "", KindTarget, DefaultShareSD},
		{"distinct_regions", "", KindTarget, DefaultRegionsSD},
		{"end_value", "", KindTarget, 0},
		{"sum", "obs_sd = 3\n", KindTarget, 3},
		{"sum", "obs_sd = 0\n", KindTarget, 0},
		{"sum", "obs_rel = 0.5\n", KindTarget, 0.25},
		{"sum", "kind = \"check\"\n", KindCheck, DefaultCountSD},
		{"sum", "kind = \"target\"\nobs_sd = 2\n", KindTarget, 2},
	} {
		s, err := LoadBytes("obs.toml", targetFile(c.statistic, c.extra))
		if err != nil {
			t.Fatalf("%s %q: %v", c.statistic, c.extra, err)
		}
		x := s.Targets[len(s.Targets)-1]
		if x.Name != "extra" || x.Kind != c.kind || x.ObsSD != c.sd {
			t.Errorf("%s %q: got %s kind %q s.d. %g, want kind %q s.d. %g", c.statistic, c.extra, x.Name, x.Kind, x.ObsSD, c.kind, c.sd)
		}
		if x.IsCheck() != (c.kind == KindCheck) {
			t.Errorf("%s %q: IsCheck %v", c.statistic, c.extra, x.IsCheck())
		}
		// The kind and s.d. reach the report's form.
		o := s.Observed()[len(s.Targets)-1]
		if o.Kind != c.kind || o.ObsSD != c.sd {
			t.Errorf("%s %q: Observed() has kind %q s.d. %g", c.statistic, c.extra, o.Kind, o.ObsSD)
		}
	}
}

// TestObservationModelErrors: a bad kind or observation error is an
// error naming the target's key, with a hint.
func TestObservationModelErrors(t *testing.T) {
	for _, c := range []struct{ extra, key, want string }{
		{"kind = \"chek\"\n", "target.extra.kind", `unknown kind "chek"`},
		{"obs_sd = -1\n", "target.extra.obs_sd", "must be a finite number >= 0, got -1"},
		{"obs_rel = -0.1\n", "target.extra.obs_rel", "must be a finite number >= 0, got -0.1"},
		{"obs_sd = 1\nobs_rel = 0.1\n", "target.extra.obs_rel", "not both"},
		{"obs_sd = \"big\"\n", "target.extra.obs_sd", "want a number"},
	} {
		_, err := LoadBytes("obs.toml", targetFile("sum", c.extra))
		if err == nil {
			t.Errorf("%q: no error", c.extra)
			continue
		}
		if msg := err.Error(); !strings.Contains(msg, c.key) || !strings.Contains(msg, c.want) {
			t.Errorf("%q: error %q, want key %s and %q", c.extra, msg, c.key, c.want)
		}
		if !errors.Is(err, ErrRange) && !errors.Is(err, ErrType) {
			t.Errorf("%q: error wraps neither ErrRange nor ErrType: %v", c.extra, err)
		}
	}
}

// TestHistoricalTargetsHonest: the shipped historical scenario carries the
// brief's 11 training figures as targets and its two scenario inputs as
// checks, and no target derived by subtraction.
func TestHistoricalTargetsHonest(t *testing.T) {
	s, err := Load("historical")
	if err != nil {
		t.Fatal(err)
	}
	var targets, checks []string
	for _, x := range s.Targets {
		if x.IsCheck() {
			checks = append(checks, x.Name)
		} else {
			targets = append(targets, x.Name)
		}
	}
	if len(targets) != 11 {
		t.Errorf("targets %v: want the brief's 11 training figures", targets)
	}
	if strings.Join(checks, ",") != "gdi-raids-h1-2023,leaders-killed-feb-may-2023" {
		t.Errorf("checks %v, want the raids and leaders-killed inputs", checks)
	}
	for _, gone := range []string{"af-attacks-jan-aug-2022", "af-attacks-2022", "af-attacks-sep-dec-2022"} {
		for _, x := range s.Targets {
			if x.Name == gone {
				t.Errorf("%s is a difference of figures from different collections", gone)
			}
		}
	}
}
