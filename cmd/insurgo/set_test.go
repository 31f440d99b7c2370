package main

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/insurgo/insurgo/internal/report"
	"github.com/insurgo/insurgo/scenarios"
)

// run -set changes the setting (the hash moves and the manifest records
// it), and resolved.toml run as it is reproduces the run byte for byte.
// The file's own settings (-posterior none): attacks.rate is one the
// shipped posterior draws (TestRunShippedPosterior covers that case).
func TestRunSetAndResolved(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	a := filepath.Join(dir, "a")
	args := []string{"run", "historical", "-replicates", "4", "-seed", "3", "-no-plots", "-set", "attacks.rate=0.05", "-set", "raids.per_month=2", "-posterior", "none", "-out", a}
	if code, _, stderr := insurgo(t, ctx, args...); code != exitOK {
		t.Fatalf("run -set: exit %d: %s", code, stderr)
	}
	var m manifest
	readJSON(t, filepath.Join(a, "manifest.json"), &m)
	if strings.Join(m.Set, " ") != "attacks.rate=0.05 raids.per_month=2" {
		t.Errorf("manifest set = %q", m.Set)
	}
	base, err := scenarios.Load("historical")
	if err != nil {
		t.Fatal(err)
	}
	if m.ScenarioHash == base.Hash {
		t.Error("-set left the scenario hash unchanged")
	}
	want, err := base.With(map[string]any{"attacks.rate": 0.05, "raids.per_month": int64(2)})
	if err != nil {
		t.Fatal(err)
	}
	if m.ScenarioHash != want.Hash {
		t.Errorf("manifest hash %s, want the hash of historical with the overrides, %s", m.ScenarioHash, want.Hash)
	}
	res, err := scenarios.Load(filepath.Join(a, "resolved.toml"))
	if err != nil {
		t.Fatalf("resolved.toml does not load: %v", err)
	}
	if res.Hash != m.ScenarioHash {
		t.Errorf("resolved.toml hash %s, run's %s", res.Hash, m.ScenarioHash)
	}
	b := filepath.Join(dir, "b")
	if code, _, stderr := insurgo(t, ctx, "run", filepath.Join(a, "resolved.toml"), "-replicates", "4", "-seed", "3", "-no-plots", "-out", b); code != exitOK {
		t.Fatalf("run resolved.toml: exit %d: %s", code, stderr)
	}
	sa, err := report.ReadSummary(filepath.Join(a, "summary.json"))
	if err != nil {
		t.Fatal(err)
	}
	sb, err := report.ReadSummary(filepath.Join(b, "summary.json"))
	if err != nil {
		t.Fatal(err)
	}
	if sa.ScenarioHash != sb.ScenarioHash {
		t.Errorf("summary hashes differ: %s vs %s", sa.ScenarioHash, sb.ScenarioHash)
	}
	for _, f := range []string{"summary.json", "monthly.csv"} {
		x, _ := os.ReadFile(filepath.Join(a, f))
		y, _ := os.ReadFile(filepath.Join(b, f))
		if string(x) != string(y) || len(x) == 0 {
			t.Errorf("%s differs between the run and the run of its resolved.toml", f)
		}
	}
}

// A bad -set names the key and exits 2, writing nothing.
func TestRunSetErrors(t *testing.T) {
	for _, set := range []string{"attacks.rat=0.1", "attacks.rate=abc", "noequals"} {
		out := filepath.Join(t.TempDir(), "o")
		code, _, stderr := insurgo(t, context.Background(), "run", "-replicates", "2", "-set", set, "-out", out)
		if code != exitUsage {
			t.Errorf("-set %s: exit %d, want 2; %s", set, code, stderr)
		}
		k, _, _ := strings.Cut(set, "=")
		if !strings.Contains(stderr, k) {
			t.Errorf("-set %s: message does not name %q: %s", set, k, stderr)
		}
		if _, err := os.Stat(out); !os.IsNotExist(err) {
			t.Errorf("-set %s: output directory created", set)
		}
	}
}

// show prints the resolved scenario; with -set, the override is in it.
func TestShow(t *testing.T) {
	code, stdout, stderr := insurgo(t, context.Background(), "show", "slowdown", "-set", "attacks.rate=0.0731")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if strings.Contains(stdout, "\nextends") || !strings.Contains(stdout, "rate = 0.0731") || !strings.Contains(stdout, `name = "slowdown"`) {
		t.Errorf("show output:\n%.600s", stdout)
	}
}

// version names the version and the Go toolchain.
func TestVersion(t *testing.T) {
	code, stdout, _ := insurgo(t, context.Background(), "version")
	if code != exitOK || !strings.Contains(stdout, "insurgo "+Version) || !strings.Contains(stdout, "go       go1.") {
		t.Errorf("version: exit %d:\n%s", code, stdout)
	}
}

func readJSON(t *testing.T, path string, v any) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, v); err != nil {
		t.Fatal(err)
	}
}
