package calibrate

import (
	"context"
	"errors"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// base is a valid calibration file; the bad-input cases edit it.
const base = `[calibrate]
extends = "historical"
population = 20
max_generations = 2
budget = 200
seed = 3
targets = ["af-attacks-sep-dec-2021", "kp-attacks-2022"]

[[calibrate.param]]
key = "attacks.rate"
prior = "log_uniform"
range = [0.06, 0.5]

[[calibrate.param]]
key = "raid_phase.routine-2022.per_month"
prior = "uniform"
range = [1, 12]
integer = true
`

func TestParseAndBindExample(t *testing.T) {
	c, err := ReadConfig("../../examples/calibration/quick.toml")
	if err != nil {
		t.Fatal(err)
	}
	p, err := Bind(c)
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Targets) != 11 || len(c.Params) != 3 || c.Population != 200 {
		t.Errorf("got %d targets, %d params, population %d", len(p.Targets), len(c.Params), c.Population)
	}
}

func TestParseDefaults(t *testing.T) {
	c, err := ParseConfig("t.toml", []byte(base))
	if err != nil {
		t.Fatal(err)
	}
	if c.Quantile != DefaultQuantile || c.Kernel != "mvn" || c.Seed != 3 || c.Name != "t" || c.Models[0].Base != "historical" {
		t.Errorf("defaults: %+v", c)
	}
	if got := c.Params[0].Prior.String(); got != "log_uniform(0.06, 0.5)" {
		t.Errorf("prior string %q", got)
	}
}

// TestBadInput: each mistake is reported with the file, the line where
// one sets the key, the key and what was wrong; several at once.
func TestBadInput(t *testing.T) {
	cases := []struct {
		name, from, to string
		want           []string // substrings of the error
	}{
		{"unknown key", "population = 20", "populaton = 20",
			[]string{"t.toml:3: calibrate.populaton: unknown key (did you mean \"population\"?)", "calibrate.population: missing"}},
		{"unknown param key", "prior = \"uniform\"", "prior = \"uniform\"\nrnage = [1, 2]",
			[]string{"calibrate.param.rnage: unknown key (did you mean \"range\"?)"}},
		{"reversed bounds", "range = [1, 12]", "range = [12, 1]",
			[]string{"t.toml:17: calibrate.param.raid_phase.routine-2022.per_month.range: range [12, 1] is reversed"}},
		{"nan", "range = [0.06, 0.5]", "range = [nan, 0.5]",
			[]string{"t.toml:12: calibrate.param.attacks.rate.range: range must be finite numbers"}},
		{"nan scalar", "seed = 3", "seed = 3\nmin_acceptance = nan",
			[]string{"t.toml:7: calibrate.min_acceptance: must be in [0, 1], got NaN"}},
		{"population 0", "population = 20", "population = 0",
			[]string{"t.toml:3: calibrate.population: must be >= 1, got 0"}},
		{"budget below a generation", "budget = 200", "budget = 10",
			[]string{"t.toml:5: calibrate.budget: 10 simulations is below one generation (population 20)"}},
		{"unknown prior", "\"log_uniform\"", "\"loguniform\"",
			[]string{"calibrate.param.attacks.rate.prior: want one of", "(did you mean \"log_uniform\"?)"}},
		{"several at once", "population = 20", "population = -1\nkernel = \"mvm\"",
			[]string{"calibrate.population: must be >= 1", "calibrate.kernel: want one of [mvn olcm], got \"mvm\" (did you mean \"mvn\"?)"}},
		{"syntax", "seed = 3", "seed = = 3", []string{"t.toml:6"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			src := strings.Replace(base, tc.from, tc.to, 1)
			if src == base {
				t.Fatalf("case does not change the file")
			}
			_, err := ParseConfig("t.toml", []byte(src))
			if err == nil {
				t.Fatal("no error")
			}
			if !errors.Is(err, ErrFile) {
				t.Errorf("error does not wrap ErrFile: %v", err)
			}
			for _, w := range tc.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error\n%v\ndoes not contain\n%s", err, w)
				}
			}
		})
	}
}

// TestBindBadInput: problems found against the base scenario.
func TestBindBadInput(t *testing.T) {
	cases := []struct {
		name, from, to string
		want           []string
	}{
		{"key that does not exist", "key = \"attacks.rate\"", "key = \"attacks.rat\"",
			[]string{"t.toml:10: calibrate.param.attacks.rat: at 0.06 (an end of the prior log_uniform(0.06, 0.5)): unknown key (did you mean \"rate\"?)"}},
		{"element that does not exist", "routine-2022", "routine-2023",
			[]string{"t.toml:15: calibrate.param.raid_phase.routine-2023.per_month:", "no [[raid_phase]] named \"routine-2023\" (did you mean \"routine-2022\"?)"}},
		{"prior outside the setting's range", "range = [1, 12]", "range = [-2, 12]",
			[]string{"calibrate.param.raid_phase.routine-2022.per_month: at -2", "must be >= 0"}},
		{"target not in the scenario", "\"kp-attacks-2022\"", "\"kp-attack-2022\"",
			[]string{"t.toml:7: calibrate.targets: no target \"kp-attack-2022\" in historical (did you mean \"kp-attacks-2022\"?)"}},
		{"a check named as a target", "\"kp-attacks-2022\"", "\"gdi-raids-h1-2023\"",
			[]string{"t.toml:7: calibrate.targets: \"gdi-raids-h1-2023\" is a check in historical", "checks never enter the distance"}},
		{"unknown base", "extends = \"historical\"", "extends = \"histrical\"",
			[]string{"t.toml:2: calibrate.extends: no such file, and no shipped scenario of that name (did you mean \"historical\"?)"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			src := strings.Replace(base, tc.from, tc.to, 1)
			if src == base {
				t.Fatalf("case does not change the file")
			}
			c, err := ParseConfig("t.toml", []byte(src))
			if err != nil {
				t.Fatal(err)
			}
			_, err = Bind(c)
			if err == nil {
				t.Fatal("no error")
			}
			for _, w := range tc.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error\n%v\ndoes not contain\n%s", err, w)
				}
			}
		})
	}
}

// TestFastPathEqualsWith: the setter gives the settings With gives, and
// the same simulated statistics.
func TestFastPathEqualsWith(t *testing.T) {
	c, err := ParseConfig("t.toml", []byte(base))
	if err != nil {
		t.Fatal(err)
	}
	p, err := Bind(c)
	if err != nil {
		t.Fatal(err)
	}
	r := newRunner(p, 0, []float64{0.1, 5})
	if r.fast == nil {
		t.Fatal("the fast setter was not used for plain numeric keys")
	}
	theta := []float64{0.2, 7}
	got, err := r.simulate(context.Background(), theta, 11)
	if err != nil {
		t.Fatal(err)
	}
	r.fast = nil
	want, err := r.simulate(context.Background(), theta, 11)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(got, want) {
		t.Errorf("fast %v, With %v", got, want)
	}
}

// TestExamples: every example calibration file parses and binds.
func TestExamples(t *testing.T) {
	files, err := filepath.Glob("../../examples/calibration/*.toml")
	if err != nil || len(files) < 3 {
		t.Fatalf("want at least 3 example calibrations, found %d (%v)", len(files), err)
	}
	for _, f := range files {
		c, err := ReadConfig(f)
		if err != nil {
			t.Errorf("%s: %v", f, err)
			continue
		}
		if _, err := Bind(c); err != nil {
			t.Errorf("%s: %v", f, err)
		}
	}
}
