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
	// A -set of a drawn setting is refused; of another, allowed.
	code, _, stderr := insurgo(t, context.Background(), "run", "-set", "attacks.rate=0.1", "-replicates", "2", "-no-plots", "-out", filepath.Join(dir, "c"))
	if code != exitUsage || !strings.Contains(stderr, "drawn from the posterior") {
		t.Errorf("-set of a drawn setting: exit %d, %q; want 2", code, stderr)
	}
	if code, _, stderr := insurgo(t, context.Background(), "run", "-set", "raids.per_month=1", "-replicates", "2", "-no-plots", "-out", filepath.Join(dir, "d")); code != 0 {
		t.Errorf("-set of a setting not drawn: exit %d, %s", code, stderr)
	}
	code, _, stderr = insurgo(t, context.Background(), "run", "slowdown", "-point", "-replicates", "2", "-no-plots", "-out", filepath.Join(t.TempDir(), "o"))
	if code != exitUsage || !strings.Contains(stderr, "no posterior") {
		t.Errorf("-point on slowdown: exit %d, %q; want 2 naming the missing posterior", code, stderr)
	}
}
