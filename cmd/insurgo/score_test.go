package main

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/insurgo/insurgo/internal/scoretable"
)

// TestScore: insurgo score prints a row per target, rewrites the block
// between the markers of a Markdown file (and nothing else), writes the
// JSON, and is reproducible.
func TestScore(t *testing.T) {
	dir := t.TempDir()
	md := filepath.Join(dir, "cal.md")
	js := filepath.Join(dir, "scores.json")
	doc := "# head\n\n" + scoretable.BeginMarker + "\nold table\n" + scoretable.EndMarker + "\n\ntail\n"
	if err := os.WriteFile(md, []byte(doc), 0o644); err != nil {
		t.Fatal(err)
	}
	code, stdout, stderr := insurgo(t, context.Background(), "score", "-replicates", "40", "-seed", "3", "-md", md, "-json", js)
	if code != exitOK {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	for _, want := range []string{"| af-attacks-sep-dec-2021 | target | 119 |", "| leaders-killed-feb-may-2023 | check |", "Mean CRPS/observed over the 5 count targets"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("output lacks %q:\n%s", want, stdout)
		}
	}
	got, _ := os.ReadFile(md)
	if !strings.HasPrefix(string(got), "# head\n\n"+scoretable.BeginMarker+"\n`insurgo score") || !strings.HasSuffix(string(got), scoretable.EndMarker+"\n\ntail\n") ||
		strings.Contains(string(got), "old table") {
		t.Errorf("markdown file:\n%s", got)
	}
	var tb scoretable.Table
	b, _ := os.ReadFile(js)
	if err := json.Unmarshal(b, &tb); err != nil || len(tb.Rows) != 13 || tb.MeanRel.N != 5 {
		t.Errorf("json: %v, %d rows, %d count targets", err, len(tb.Rows), tb.MeanRel.N)
	}
	_, again, _ := insurgo(t, context.Background(), "score", "-replicates", "40", "-seed", "3", "-workers", "1")
	// The first line names the command line, which differs.
	_, t1, _ := strings.Cut(stdout, "\n")
	_, t2, _ := strings.Cut(again, "\n")
	if t1 != t2 || !strings.Contains(t1, "| af-attacks-sep-dec-2021 |") {
		t.Error("a second run with 1 worker prints a different table")
	}
}

func TestScoreUsage(t *testing.T) {
	for _, args := range [][]string{
		{"score", "-replicates", "1"},
		{"score", "-regimes", "kp=2022-13"},
		{"score", "-regimes", "group:nowhere=2022-01"},
		{"score", "-md", filepath.Join(t.TempDir(), "missing.md"), "-replicates", "4"},
		{"score", "a", "b"},
	} {
		if code, _, stderr := insurgo(t, context.Background(), args...); code != exitUsage {
			t.Errorf("%v: exit %d, want %d\n%s", args, code, exitUsage, stderr)
		}
	}
}

// TestScoreLOTO: with -loto, each target the calibration fits is scored
// under a calibration without it (kept in -loto-dir), the others under
// one with every fitted target, each with -loto-seed's seed; a
// calibration of another scenario, or
// -loto with -posterior, is a usage error.
func TestScoreLOTO(t *testing.T) {
	if testing.Short() {
		t.Skip("calibrates five times")
	}
	dir := filepath.Join(t.TempDir(), "loto")
	code, stdout, stderr := insurgo(t, context.Background(), "score", "-loto", "../../examples/calibration/quick.toml", "-loto-dir", dir,
		"-loto-population", "12", "-loto-budget", "40", "-loto-generations", "2", "-loto-seed", "7", "-replicates", "12", "-workers", "2")
	if code != exitOK {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	for _, n := range []string{"af-attacks-sep-dec-2021", "af-attacks-first-year", "attacks-2022", "kp-attacks-2022"} {
		if !strings.Contains(stderr, "calibrated without "+n+":") {
			t.Errorf("no calibration without %s:\n%s", n, stderr)
		}
		b, err := os.ReadFile(filepath.Join(dir, n, "calibration.toml"))
		if err != nil {
			t.Errorf("%s: %v", n, err)
			continue
		}
		if strings.Contains(string(b), `"`+n+`"`) {
			t.Errorf("the calibration without %s fits it:\n%s", n, b)
		}
		if !strings.Contains(string(b), "seed = 7\n") {
			t.Errorf("the calibration without %s does not take -loto-seed 7:\n%s", n, b)
		}
	}
	if !strings.Contains(stderr, "calibrated with every fitted target:") || !strings.Contains(stdout, "leave one target out") {
		t.Errorf("stdout:\n%s\nstderr:\n%s", stdout, stderr)
	}
	for _, args := range [][]string{
		{"score", "slowdown", "-loto", "../../examples/calibration/quick.toml"},
		{"score", "-loto", "../../examples/calibration/quick.toml", "-posterior", dir},
		{"score", "-loto", "no-such.toml"},
	} {
		if code, _, stderr := insurgo(t, context.Background(), args...); code != exitUsage {
			t.Errorf("%v: exit %d, want %d\n%s", args, code, exitUsage, stderr)
		}
	}
}
