package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// insurgo plot refuses to pool runs of different spans into one figure.
func TestPlotRefusesDifferentSpans(t *testing.T) {
	dir := t.TempDir()
	a, b, c := filepath.Join(dir, "a"), filepath.Join(dir, "b"), filepath.Join(dir, "c")
	for _, r := range []struct {
		out  string
		args []string
	}{
		{a, nil}, {b, []string{"-set", "end=2024-12-31"}}, {c, nil},
	} {
		args := append([]string{"run", "historical", "-replicates", "3", "-no-plots", "-out", r.out}, r.args...)
		if code, _, stderr := insurgo(t, context.Background(), args...); code != exitOK {
			t.Fatalf("run: %s", stderr)
		}
	}
	out := filepath.Join(dir, "figs")
	code, _, stderr := insurgo(t, context.Background(), "plot", a, b, "-out", out)
	if code != exitUsage || !strings.Contains(stderr, "2024-12-31") || !strings.Contains(stderr, "2023-12-31") {
		t.Errorf("different spans: exit %d: %s", code, stderr)
	}
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Error("figures written for runs of different spans")
	}
	if code, _, stderr := insurgo(t, context.Background(), "plot", a, c, "-out", out, "-format", "svg"); code != exitOK {
		t.Errorf("same spans: exit %d: %s", code, stderr)
	}
}

// With three scenarios or more, difference labels break into lines of at
// most 11 characters, so neighbours do not overlap.
func TestShortNameFitsCrowdedAxis(t *testing.T) {
	for _, name := range []string{"regional-cooperation", "sustained-pressure", "degradation-fitted", "averyveryverylongname"} {
		got := shortName(name, 4)
		for _, line := range strings.Split(got, "\n") {
			if n := len([]rune(line)); n > 11 {
				t.Errorf("shortName(%q) line %q is %d characters", name, line, n)
			}
		}
	}
	if shortName("regional-cooperation", 2) != "regional-cooperation" {
		t.Error("two scenarios: name changed")
	}
}
