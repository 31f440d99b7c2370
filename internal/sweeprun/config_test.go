package sweeprun

import (
	"errors"
	"strings"
	"testing"
)

func TestParseConfig(t *testing.T) {
	c := toyConfig(t, "morris", 5, 3)
	if c.Name != "toy" || c.Base != "toy" || c.Design != "morris" || c.Size != 5 || c.Replicates != 3 || c.Seed != 7 {
		t.Errorf("config %+v", c)
	}
	if len(c.Params) != 3 || c.Params[1].Dist != "loguniform" || c.Params[1].Min != 1 || c.Params[1].Max != 20 {
		t.Errorf("params %+v", c.Params)
	}
	if len(c.Outputs) != 2 || c.Outputs[1].Scope != "total" || c.Outputs[0].From.String() != "2022-01" {
		t.Errorf("outputs %+v", c.Outputs)
	}
}

func TestParseConfigErrors(t *testing.T) {
	head := "[sweep]\nextends = \"toy\"\ndesign = \"lhs\"\nsize = 4\n"
	param := "\n[[sweep.param]]\nkey = \"attacks.rate\"\nrange = [1.0, 2.0]\n"
	output := "\n[[sweep.output]]\nname = \"a\"\nmetric = \"attacks\"\nfrom = \"2022-01\"\nto = \"2022-12\"\nstatistic = \"sum\"\n"
	for _, tc := range []struct {
		name, src string
		want      []string // substrings, "file:line" included
	}{
		{"syntax", "[sweep\n", []string{"bad.toml:2", "table name"}},
		{"no sweep", "x = 1\n", []string{"missing [sweep]"}},
		{"unknown key", head + "replicate = 3\n" + param + output, []string{"bad.toml:5: sweep.replicate: unknown key"}},
		{"design", strings.Replace(head, "lhs", "halton", 1) + param + output, []string{"bad.toml:3: sweep.design", "halton"}},
		{"size", strings.Replace(head, "size = 4", "size = 0", 1) + param + output, []string{"bad.toml:4: sweep.size: must be >= 1"}},
		{"no params", head + output, []string{"no [[sweep.param]]"}},
		{"no outputs", head + param, []string{"no [[sweep.output]]"}},
		{"range order", head + strings.Replace(param, "[1.0, 2.0]", "[2.0, 1.0]", 1) + output, []string{"bad.toml:6: sweep.param[1] attacks.rate", "min < max"}},
		{"range and levels", head + strings.Replace(param, "range", "levels = [1.0]\nrange", 1) + output, []string{"exclusive"}},
		{"twice", head + param + param + output, []string{"bad.toml:10: sweep.param[2] attacks.rate: varied twice"}},
		{"reserved", head + strings.Replace(param, "attacks.rate", "point", 1) + output, []string{"column of the results table"}},
		{"dist", head + param + "dist = \"cauchy\"\n" + output, []string{"unknown distribution"}},
		{"triangular mode", head + param + "dist = \"triangular\"\n" + output, []string{"needs mode"}},
		{"mode not triangular", head + param + "mode = nan\n" + output, []string{"bad.toml:6: sweep.param[1] attacks.rate: mode is only for dist = \"triangular\""}},
		{"triangular nan mode", head + param + "dist = \"triangular\"\nmode = nan\n" + output, []string{"mode must be in"}},
		{"nan level", head + strings.Replace(param, "range = [1.0, 2.0]", "levels = [1.0, nan]", 1) + output, []string{"level 2 is NaN"}},
		{"inf range", head + strings.Replace(param, "[1.0, 2.0]", "[1.0, inf]", 1) + output, []string{"finite min < max"}},
		{"normal", head + param + "dist = \"normal\"\nmean = 1.5\n" + output, []string{"needs mean and sd"}},
		{"loguniform", head + strings.Replace(param, "[1.0, 2.0]", "[0.0, 2.0]", 1) + "dist = \"loguniform\"\n" + output, []string{"min > 0"}},
		{"statistic", head + param + strings.Replace(output, "\"sum\"", "\"median\"", 1), []string{"bad.toml:10: sweep.output[1] a: statistic"}},
		{"month", head + param + strings.Replace(output, "2022-12", "2022-13", 1), []string{"sweep.output.to: want a month YYYY-MM"}},
		{"output name clash", head + param + strings.Replace(output, "\"a\"", "\"attacks.rate\"", 1), []string{"already a column"}},
		{"too big", strings.Replace(strings.Replace(head, "lhs", "grid", 1), "size = 4", "size = 100000", 1) + param + strings.Replace(param, "rate", "size", 1) + output, []string{"more than"}},
	} {
		_, err := ParseConfig("bad.toml", []byte(tc.src))
		if err == nil {
			t.Errorf("%s: no error", tc.name)
			continue
		}
		if !errors.Is(err, ErrSweepFile) {
			t.Errorf("%s: %v does not wrap ErrSweepFile", tc.name, err)
		}
		for _, w := range tc.want {
			if !strings.Contains(err.Error(), w) {
				t.Errorf("%s: error lacks %q:\n%v", tc.name, w, err)
			}
		}
	}
}

func TestPlanChecksAgainstBase(t *testing.T) {
	c := toyConfig(t, "lhs", 4, 1)
	c.Params[0].Name = "attacks.ratio"
	c.Outputs[0].Metric = "raids"
	_, err := Plan(c, toyLoader(0), PlanOptions{Dir: t.TempDir(), Shards: 1, Engine: "test"})
	if err == nil {
		t.Fatal("no error")
	}
	for _, w := range []string{"toy.toml:10: sweep.param[1] attacks.ratio: unknown key", "toy.toml:23: sweep.output[1] attacks_2022: unknown metric"} {
		if !strings.Contains(err.Error(), w) {
			t.Errorf("error lacks %q:\n%v", w, err)
		}
	}
}

func TestPlanRefusesAnotherPlan(t *testing.T) {
	c := toyConfig(t, "lhs", 4, 1)
	dir := planToy(t, c, 2)
	// The same plan again: fine.
	if _, err := Plan(c, toyLoader(0), PlanOptions{Dir: dir, Shards: 2, Engine: "test"}); err != nil {
		t.Errorf("replanning the same sweep: %v", err)
	}
	c.Seed = 8
	if _, err := Plan(c, toyLoader(0), PlanOptions{Dir: dir, Shards: 2, Engine: "test"}); err == nil || !strings.Contains(err.Error(), "-force") {
		t.Errorf("planning another sweep over a plan: %v", err)
	}
	if _, err := Plan(c, toyLoader(0), PlanOptions{Dir: dir, Shards: 2, Engine: "test", Force: true}); err != nil {
		t.Errorf("-force: %v", err)
	}
}
