package main

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// runPosteriorSummary runs insurgo run with args into a fresh directory and
// returns its stdout and summary.json's posterior fields and hash.
func runPosteriorSummary(t *testing.T, args ...string) (string, map[string]any) {
	t.Helper()
	out := filepath.Join(t.TempDir(), "out")
	code, stdout, stderr := insurgo(t, context.Background(), append([]string{"run", "-replicates", "8", "-no-plots", "-out", out}, args...)...)
	if code != 0 {
		t.Fatalf("run %v: exit %d\n%s", args, code, stderr)
	}
	raw, err := os.ReadFile(filepath.Join(out, "summary.json"))
	if err != nil {
		t.Fatal(err)
	}
	var s map[string]any
	if err := json.Unmarshal(raw, &s); err != nil {
		t.Fatal(err)
	}
	return stdout, s
}

// historical runs under its shipped posterior by default (each
// replicate's settings drawn from it); -point runs the posterior median
// as one point, -posterior none the file's own settings; -point on a
// scenario without a posterior is a usage error.
func TestRunShippedPosterior(t *testing.T) {
	out, s := runPosteriorSummary(t)
	if s["posterior"] != "historical" || s["posterior_hash"] == nil {
		t.Errorf("default run: posterior %v, hash %v; want the shipped historical posterior", s["posterior"], s["posterior_hash"])
	}
	if !strings.Contains(out, "include parameter uncertainty") {
		t.Errorf("default run does not say its intervals include parameter uncertainty:\n%s", out)
	}
	own, sOwn := runPosteriorSummary(t, "-posterior", "none")
	if sOwn["posterior"] != nil || strings.Contains(own, "posterior") {
		t.Errorf("-posterior none: posterior %v in summary, output %q", sOwn["posterior"], own)
	}
	pt, sPt := runPosteriorSummary(t, "-point")
	if !strings.Contains(pt, "posterior median") {
		t.Errorf("-point does not say it runs the posterior median:\n%s", pt)
	}
	if sPt["scenario_hash"] == sOwn["scenario_hash"] {
		t.Error("-point runs the same settings as the file: the median was not applied")
	}
	// resolved.toml with the same posterior reproduces the default run.
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a"), filepath.Join(dir, "b")
	if code, _, stderr := insurgo(t, context.Background(), "run", "-replicates", "6", "-no-plots", "-out", a); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if code, _, stderr := insurgo(t, context.Background(), "run", filepath.Join(a, "resolved.toml"), "-posterior", "historical", "-replicates", "6", "-no-plots", "-out", b); code != 0 {
		t.Fatalf("resolved.toml -posterior historical: exit %d: %s", code, stderr)
	}
	x, _ := os.ReadFile(filepath.Join(a, "summary.json"))
	y, _ := os.ReadFile(filepath.Join(b, "summary.json"))
	if len(x) == 0 || string(x) != string(y) {
		t.Error("resolved.toml -posterior historical does not reproduce the default run's summary.json")
	}
	// A -set of a drawn setting fixes it (the others are still drawn),
	// and the manifest says so; a -set of another is not recorded there.
	if fixed := runFixed(t, filepath.Join(dir, "c"), "run", "-set", "attacks.rate=0.1"); strings.Join(fixed, ",") != "attacks.rate" {
		t.Errorf("-set attacks.rate: posterior_fixed %v, want [attacks.rate]", fixed)
	}
	if fixed := runFixed(t, filepath.Join(dir, "d"), "run", "-set", "raids.per_month=1"); len(fixed) != 0 {
		t.Errorf("-set raids.per_month: posterior_fixed %v, want none", fixed)
	}
	// slowdown extends historical: it inherits the posterior and keeps
	// the posture it sets (choice 1, the same value as historical's own
	// file: what counts is that slowdown sets it).
	if fixed := runFixed(t, filepath.Join(dir, "e"), "run", "slowdown"); strings.Join(fixed, ",") != "posture.choice" {
		t.Errorf("slowdown: posterior_fixed %v, want [posture.choice]", fixed)
	}
	code, stdout, stderr := insurgo(t, context.Background(), "run", "slowdown", "-point", "-replicates", "2", "-no-plots", "-out", filepath.Join(t.TempDir(), "o"))
	if code != 0 || !strings.Contains(stdout, "posterior median") {
		t.Errorf("-point on slowdown: exit %d, %q %q; want the inherited posterior's median", code, stdout, stderr)
	}
	code, _, stderr = insurgo(t, context.Background(), "run", "civil-violence", "-point", "-replicates", "2", "-no-plots", "-out", filepath.Join(t.TempDir(), "o"))
	if code != exitUsage || !strings.Contains(stderr, "no posterior") {
		t.Errorf("-point on civil-violence: exit %d, %q; want 2 naming the missing posterior", code, stderr)
	}
}

// runFixed runs args (2 replicates, into out) and returns manifest.json's
// posterior_fixed.
func runFixed(t *testing.T, out string, args ...string) []string {
	t.Helper()
	code, _, stderr := insurgo(t, context.Background(), append(args, "-replicates", "2", "-no-plots", "-out", out)...)
	if code != 0 {
		t.Fatalf("%v: exit %d: %s", args, code, stderr)
	}
	raw, err := os.ReadFile(filepath.Join(out, "manifest.json"))
	if err != nil {
		t.Fatal(err)
	}
	var m struct {
		Fixed []string `json:"posterior_fixed"`
	}
	if err := json.Unmarshal(raw, &m); err != nil {
		t.Fatal(err)
	}
	return m.Fixed
}

// compare draws the scenarios' settings from the posterior they inherit
// (historical's, for slowdown and degradation), each keeping the
// calibrated settings it sets itself; -posterior none runs their own.
func TestCompareInheritedPosterior(t *testing.T) {
	manifest := func(args ...string) (string, [][]string) {
		t.Helper()
		out := filepath.Join(t.TempDir(), "out")
		code, _, stderr := insurgo(t, context.Background(), append([]string{"compare", "slowdown", "degradation", "-replicates", "4", "-no-plots", "-out", out}, args...)...)
		if code != 0 {
			t.Fatalf("compare %v: exit %d: %s", args, code, stderr)
		}
		raw, err := os.ReadFile(filepath.Join(out, "manifest.json"))
		if err != nil {
			t.Fatal(err)
		}
		var m struct {
			Hash      string `json:"posterior_hash"`
			Scenarios []struct {
				Fixed []string `json:"posterior_fixed"`
			} `json:"scenarios"`
		}
		if err := json.Unmarshal(raw, &m); err != nil {
			t.Fatal(err)
		}
		var fixed [][]string
		for _, s := range m.Scenarios {
			fixed = append(fixed, s.Fixed)
		}
		return m.Hash, fixed
	}
	hash, fixed := manifest()
	if hash == "" {
		t.Error("compare slowdown degradation: no posterior drawn from by default")
	}
	for i, f := range fixed {
		if strings.Join(f, ",") != "posture.choice" {
			t.Errorf("scenario %d: posterior_fixed %v, want [posture.choice]", i, f)
		}
	}
	if hash, _ := manifest("-posterior", "none"); hash != "" {
		t.Errorf("-posterior none: posterior hash %q recorded", hash)
	}
}

// Two scenarios of the same name keep their own fixed settings: the
// settings a scenario fixes belong to it, not to its name.
func TestFixedPerScenarioNotName(t *testing.T) {
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a.toml"), filepath.Join(dir, "b.toml")
	if err := os.WriteFile(a, []byte("name = \"x\"\nextends = \"historical\"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(b, []byte("name = \"x\"\nextends = \"slowdown\"\nend = 2023-12-31\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "out")
	if code, _, stderr := insurgo(t, context.Background(), "compare", a, b, "-replicates", "2", "-no-plots", "-out", out); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	raw, err := os.ReadFile(filepath.Join(out, "manifest.json"))
	if err != nil {
		t.Fatal(err)
	}
	var m struct {
		Scenarios []struct {
			Fixed []string `json:"posterior_fixed"`
		} `json:"scenarios"`
	}
	if err := json.Unmarshal(raw, &m); err != nil {
		t.Fatal(err)
	}
	if len(m.Scenarios) != 2 || len(m.Scenarios[0].Fixed) != 0 || strings.Join(m.Scenarios[1].Fixed, ",") != "posture.choice" {
		t.Errorf("fixed per scenario %+v; want none for a.toml and [posture.choice] for b.toml", m.Scenarios)
	}
}
