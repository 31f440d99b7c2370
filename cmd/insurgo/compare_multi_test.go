package main

import (
	"context"
	"encoding/csv"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/insurgo/insurgo/internal/compare"
	"github.com/insurgo/insurgo/scenarios"
)

// compare -metric a,b,c compares every metric in one call: compare.csv
// has tidy rows for each (metric, scope, window and statistic columns),
// compare.json the scenario hashes, the engine version and the further
// metrics; a misspelt metric in the list exits 2 with a hint.
func TestCompareSeveralMetrics(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "cmp")
	code, stdout, stderr := insurgo(t, context.Background(), "compare", "historical", "deplatforming", "-metric", "attacks, recruits,fighters",
		"-replicates", "6", "-no-plots", "-out", dir)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, want := range []string{"sum of attacks in country:afghanistan", "sum of recruits in country:afghanistan", "sum of fighters in country:afghanistan"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("table lacks %q", want)
		}
	}
	f, err := os.Open(filepath.Join(dir, "compare.csv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(rows[0], ",") != strings.Join(compare.CSVHeader, ",") {
		t.Errorf("header %v", rows[0])
	}
	perMetric := map[string]int{}
	for _, r := range rows[1:] {
		if r[6] == "sum" {
			perMetric[r[2]]++
			if r[3] != "country:afghanistan" || r[5] == "" {
				t.Errorf("row without scope or window: %v", r)
			}
		}
	}
	for _, m := range []string{"attacks", "recruits", "fighters"} {
		if perMetric[m] != 8 { // 2 values + 6 against historical
			t.Errorf("%d rows for %s, want 8", perMetric[m], m)
		}
	}
	var doc compareDoc
	readJSON(t, filepath.Join(dir, "compare.json"), &doc)
	if doc.Engine != Version {
		t.Errorf("engine_version %q, want %q", doc.Engine, Version)
	}
	for i, name := range []string{"historical", "deplatforming"} {
		sc, err := scenarios.Load(name)
		if err != nil {
			t.Fatal(err)
		}
		s := doc.Scenarios[i]
		if s.Hash != sc.Hash {
			t.Errorf("%s: scenario_hash %q, want %q", name, s.Hash, sc.Hash)
		}
		if len(s.More) != 2 || s.More[0].Window.Metric != "recruits" || s.More[1].Window.Metric != "fighters" {
			t.Errorf("%s: more = %+v", name, s.More)
		}
	}
	if doc.Scenarios[1].More[0].Versus == nil || doc.Scenarios[1].More[0].Versus.Against != "historical" {
		t.Error("deplatforming's recruits not compared with historical")
	}

	code, _, stderr = insurgo(t, context.Background(), "compare", "historical", "slowdown", "-metric", "attacks,recruts", "-replicates", "4", "-out", filepath.Join(t.TempDir(), "x"))
	if code != exitUsage || !strings.Contains(stderr, `did you mean "recruits"`) {
		t.Errorf("misspelt metric: exit %d: %s", code, stderr)
	}
}
