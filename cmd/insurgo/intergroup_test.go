package main

import (
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// run on an intergroup scenario works end to end: its summary (groups at
// the end, extinctions, killings), its two figures and report.html.
func TestRunIntergroup(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "out")
	code, out, errs := insurgo(t, context.Background(), "run", "intergroup", "-replicates", "4", "-set", "intergroup.steps=150", "-per-replicate", "-out", dir)
	if code != 0 {
		t.Fatalf("exit %d: %s%s", code, out, errs)
	}
	for _, want := range []string{"intergroup: 4 replicates, seed 1, step 1 to step 150", "Citizens at the end, mean over replicates: blue", "A group wiped out in ", "citizens killed"} {
		if !strings.Contains(out, want) {
			t.Errorf("summary lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(errs, "figure skipped") || strings.Contains(out, "Outbursts") {
		t.Errorf("an intergroup run drew or printed the civil model's figures:\n%s%s", out, errs)
	}
	for _, f := range []string{"plots/intergroup-population.png", "plots/intergroup-violence.png", "report.html", "summary.json"} {
		if _, err := os.Stat(filepath.Join(dir, f)); err != nil {
			t.Errorf("no %s: %v", f, err)
		}
	}
	// Each replicate's extinction is an event on its step (from 1), not
	// on a date.
	ev := readCSV(t, filepath.Join(dir, "events.csv"))
	if len(ev) < 2 || strings.Join(ev[0], ",") != "replicate,date,kind,type,region,group,survivors" {
		t.Fatalf("events.csv: %v", ev)
	}
	for _, row := range ev[1:] {
		if step, err := strconv.Atoi(row[1]); err != nil || step < 1 || step > 150 || row[2] != "extinction" {
			t.Errorf("event row %v: want an extinction on a step 1 to 150", row)
		}
	}
}

// compare on two intergroup scenarios reports by default the smaller
// group's citizens at the end, and refuses a scenario of another model.
func TestCompareIntergroup(t *testing.T) {
	code, out, _ := runCompareCLI(t, "intergroup", "intergroup-peacekeepers", "-replicates", "4", "-set", "intergroup.steps=150")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, out)
	}
	if !strings.Contains(out, "end value of minority in total, whole run; 4 replicates") {
		t.Errorf("heading is not the intergroup model's headline:\n%s", out)
	}
	code, out, _ = runCompareCLI(t, "intergroup", "civil-violence", "-replicates", "2")
	if code != exitUsage || !strings.Contains(out, "intergroup runs the intergroup model and civil-violence the civil model") {
		t.Errorf("intergroup against civil: exit %d, %q; want 2 naming both models", code, out)
	}
}
