package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// calFile is a small calibration file for the command's tests.
const calFile = `[calibrate]
extends = "historical"
population = 16
max_generations = 3
seed = 2
targets = ["af-attacks-sep-dec-2021", "kp-attacks-2022"]

[[calibrate.param]]
key = "attacks.rate"
prior = "log_uniform"
range = [0.06, 0.5]

[[calibrate.param]]
key = "attacks.theatre_ceiling"
prior = "uniform"
range = [0.9, 3.0]
`

func writeCal(t *testing.T, text string) string {
	t.Helper()
	f := filepath.Join(t.TempDir(), "cal.toml")
	if err := os.WriteFile(f, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return f
}

// TestCalibrateBadInputExitsTwo: each mistake exits 2 with a message
// naming the file and key, and writes nothing.
func TestCalibrateBadInputExitsTwo(t *testing.T) {
	cases := []struct{ name, from, to, want string }{
		{"unknown key", "seed = 2", "sed = 2", `cal.toml:5: calibrate.sed: unknown key (did you mean "seed"?)`},
		{"reversed bounds", "[0.9, 3.0]", "[3.0, 0.9]", "calibrate.param.attacks.theatre_ceiling.range: range [3, 0.9] is reversed"},
		{"nan", "[0.9, 3.0]", "[nan, 3.0]", "calibrate.param.attacks.theatre_ceiling.range: range must be finite"},
		{"population 0", "population = 16", "population = 0", "calibrate.population: must be >= 1, got 0"},
		{"key that does not exist", `"attacks.rate"`, `"attacks.rates"`, "calibrate.param.attacks.rates:"},
		{"target not in the scenario", `"kp-attacks-2022"`, `"kp-attacks-2029"`, `calibrate.targets: no target "kp-attacks-2029" in historical`},
		{"budget below one generation", "seed = 2", "seed = 2\nbudget = 5", "calibrate.budget: 5 simulations is below one generation"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			f := writeCal(t, strings.Replace(calFile, tc.from, tc.to, 1))
			out := filepath.Join(t.TempDir(), "out")
			code, stdout, stderr := insurgo(t, context.Background(), "calibrate", f, "-out", out)
			if code != exitUsage {
				t.Errorf("exit %d, want %d; stderr:\n%s", code, exitUsage, stderr)
			}
			if !strings.Contains(stderr, tc.want) {
				t.Errorf("stderr\n%s\ndoes not contain\n%s", stderr, tc.want)
			}
			if stdout != "" {
				t.Errorf("printed results: %s", stdout)
			}
			if _, err := os.Stat(out); !os.IsNotExist(err) {
				t.Errorf("output directory created for bad input")
			}
		})
	}
}

// TestCalibrateResume: a calibration stopped after its first generation
// and resumed with 'insurgo calibrate DIR' ends with the same bytes as an
// uninterrupted one, on other workers; run -posterior then draws from it.
func TestCalibrateResume(t *testing.T) {
	f := writeCal(t, calFile)
	whole, part := filepath.Join(t.TempDir(), "whole"), filepath.Join(t.TempDir(), "part")
	ctx := context.Background()
	if code, _, stderr := insurgo(t, ctx, "calibrate", f, "-out", whole, "-workers", "1", "-no-plots"); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	code, _, stderr := insurgo(t, ctx, "calibrate", f, "-out", part, "-workers", "2", "-no-plots", "-stop-after", "1")
	if code == 0 || !strings.Contains(stderr, "generation 0/2") {
		t.Fatalf("stop after 1: exit %d: %s", code, stderr)
	}
	if _, err := os.Stat(filepath.Join(part, "summary.json")); err == nil {
		t.Fatal("summary.json written by a stopped calibration")
	}
	code, stdout, stderr := insurgo(t, ctx, "calibrate", part, "-workers", "3", "-no-plots")
	if code != 0 {
		t.Fatalf("resume: exit %d: %s", code, stderr)
	}
	if !strings.Contains(stderr, "resuming") || strings.Contains(stderr, "generation 0/") || !strings.Contains(stdout, "90% credible interval") {
		t.Errorf("resume output:\n%s\n%s", stderr, stdout)
	}
	if _, err := os.Stat(filepath.Join(part, "report.html")); err != nil {
		t.Errorf("no report.html: %v", err)
	}
	for _, n := range []string{"posterior.csv", "posterior.parquet", "generations.csv", "summary.json", "calibration.toml"} {
		a, err1 := os.ReadFile(filepath.Join(whole, n))
		b, err2 := os.ReadFile(filepath.Join(part, n))
		if err1 != nil || err2 != nil || !bytes.Equal(a, b) {
			t.Errorf("%s differs after resume (%v, %v)", n, err1, err2)
		}
	}

	// insurgo report reads a calibration directory.
	rep := filepath.Join(t.TempDir(), "cal.html")
	if code, _, stderr := insurgo(t, ctx, "report", whole, "-out", rep); code != 0 {
		t.Errorf("report of a calibration: exit %d: %s", code, stderr)
	} else if b, _ := os.ReadFile(rep); !bytes.Contains(b, []byte("90% credible interval")) {
		t.Errorf("report of a calibration lacks the posterior table")
	}

	// The posterior feeds run: same bytes for any workers, hash recorded.
	r1, r2 := filepath.Join(t.TempDir(), "r1"), filepath.Join(t.TempDir(), "r2")
	code, stdout, stderr = insurgo(t, ctx, "run", "-posterior", whole, "-replicates", "20", "-workers", "1", "-out", r1, "-no-plots")
	if code != 0 {
		t.Fatalf("run -posterior: exit %d: %s", code, stderr)
	}
	if !strings.Contains(stdout, "include parameter uncertainty") {
		t.Errorf("run -posterior does not say its intervals include parameter uncertainty:\n%s", stdout)
	}
	if code, _, stderr := insurgo(t, ctx, "run", "-posterior", whole, "-replicates", "20", "-workers", "2", "-out", r2, "-no-plots"); code != 0 {
		t.Fatalf("run -posterior: exit %d: %s", code, stderr)
	}
	a, _ := os.ReadFile(filepath.Join(r1, "summary.json"))
	b, _ := os.ReadFile(filepath.Join(r2, "summary.json"))
	if !bytes.Equal(a, b) || !bytes.Contains(a, []byte(`"posterior_hash"`)) {
		t.Errorf("run -posterior: summary.json differs between workers or lacks the posterior hash")
	}

	// compare: replicate i draws the same particle in every scenario, so a
	// scenario compared with itself differs in no replicate, while the
	// replicates do differ (their settings and noise vary).
	cmpDir := filepath.Join(t.TempDir(), "cmp")
	code, _, stderr = insurgo(t, ctx, "compare", "-posterior", whole, "historical", "historical", "-replicates", "12", "-out", cmpDir, "-no-plots")
	if code != 0 {
		t.Fatalf("compare -posterior: exit %d: %s", code, stderr)
	}
	var cj struct {
		PosteriorHash string `json:"posterior_hash"`
		Scenarios     []struct {
			Values []float64 `json:"values"`
		} `json:"scenarios"`
	}
	data, err := os.ReadFile(filepath.Join(cmpDir, "compare.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(data, &cj); err != nil {
		t.Fatal(err)
	}
	if len(cj.Scenarios) != 2 || !slices.Equal(cj.Scenarios[0].Values, cj.Scenarios[1].Values) {
		t.Errorf("compare -posterior: the same scenario gave different replicates: %v", cj.Scenarios)
	}
	if slices.Min(cj.Scenarios[0].Values) == slices.Max(cj.Scenarios[0].Values) || cj.PosteriorHash == "" {
		t.Errorf("compare -posterior: replicates all equal (%v) or no posterior hash (%q)", cj.Scenarios[0].Values, cj.PosteriorHash)
	}
	if code, _, stderr := insurgo(t, ctx, "run", "-posterior", filepath.Join(t.TempDir(), "none"), "-out", filepath.Join(t.TempDir(), "r3")); code != exitUsage {
		t.Errorf("missing posterior: exit %d: %s", code, stderr)
	}
}
