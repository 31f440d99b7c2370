package main

import (
	"context"
	"encoding/base64"
	"html"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

func TestSweepCommands(t *testing.T) {
	ctx := context.Background()
	dir := filepath.Join(t.TempDir(), "grid.sweep")
	file := "../../examples/sweeps/historical-grid.toml"
	code, out, errs := insurgo(t, ctx, "sweep", "plan", file, "-shards", "2", "-out", dir)
	if code != exitOK {
		t.Fatalf("plan: exit %d\n%s%s", code, out, errs)
	}
	if !strings.Contains(out, "9 points × 2 replicates") {
		t.Errorf("plan output:\n%s", out)
	}
	// Merging before running names the missing shards, and fails.
	code, _, errs = insurgo(t, ctx, "sweep", "merge", dir)
	if code != exitFailure || !strings.Contains(errs, "2 of 2 shards missing: 0, 1") {
		t.Errorf("merge before run: exit %d\n%s", code, errs)
	}
	for _, s := range []string{"0/2", "1/2"} {
		if code, out, errs := insurgo(t, ctx, "sweep", "run", dir, "-shard", s, "-workers", "2"); code != exitOK {
			t.Fatalf("run %s: exit %d\n%s%s", s, code, out, errs)
		}
	}
	if code, out, errs := insurgo(t, ctx, "sweep", "run", dir); code != exitOK || !strings.Contains(out, "nothing to do") {
		t.Errorf("rerun of complete shards: exit %d\n%s%s", code, out, errs)
	}
	if code, out, errs := insurgo(t, ctx, "sweep", "merge", dir, "-csv"); code != exitOK {
		t.Fatalf("merge: exit %d\n%s%s", code, out, errs)
	}
	code, out, errs = insurgo(t, ctx, "sweep", "analyze", dir)
	if code != exitOK || !strings.Contains(out, "af_attacks_2023") {
		t.Fatalf("analyze: exit %d\n%s%s", code, out, errs)
	}
	if _, err := os.Stat(filepath.Join(dir, "analysis", "heatmap-af_attacks_2023.png")); err != nil {
		t.Error(err)
	}
	// report.html carries the figures inside it, freshly drawn as SVG
	// (the PNG files of analysis/ are for the user), and so does the
	// report insurgo report writes of the sweep directory.
	checkSweepReportSVG(t, filepath.Join(dir, "report.html"))
	again := filepath.Join(t.TempDir(), "again.html")
	if code, out, errs := insurgo(t, ctx, "report", dir, "-out", again); code != exitOK {
		t.Fatalf("report: exit %d\n%s%s", code, out, errs)
	}
	checkSweepReportSVG(t, again)
	code, out, errs = insurgo(t, ctx, "sweep", "slurm", dir, "-tasks", "2", "-partition", "debug", "-time", "30:00", "-cpus", "2")
	if code != exitOK || !strings.Contains(out, "sbatch") {
		t.Fatalf("slurm: exit %d\n%s%s", code, out, errs)
	}
	arr, err := os.ReadFile(filepath.Join(dir, "slurm", "array.sbatch"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"#SBATCH --array=0-1", "#SBATCH --partition=debug", "#SBATCH --time=30:00", "#SBATCH --cpus-per-task=2", "sweep run"} {
		if !strings.Contains(string(arr), want) {
			t.Errorf("array.sbatch lacks %q:\n%s", want, arr)
		}
	}
	sub, _ := os.ReadFile(filepath.Join(dir, "slurm", "submit.sh"))
	if !strings.Contains(string(sub), "--dependency=afterok:") {
		t.Errorf("submit.sh does not chain the merge with afterok:\n%s", sub)
	}
}

// checkSweepReportSVG checks that the report of a two-parameter grid
// sweep holds its heat maps as inline SVG, captioned in words, and no
// PNG or path of a figure file.
func checkSweepReportSVG(t *testing.T, path string) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	page := html.UnescapeString(string(b))
	uris := regexp.MustCompile(`src="data:([a-z/+]+);base64,([A-Za-z0-9+/=]+)"`).FindAllStringSubmatch(page, -1)
	if len(uris) != 1 {
		t.Fatalf("%s: %d inline figures, want the one output's heat map", path, len(uris))
	}
	for _, u := range uris {
		if u[1] != "image/svg+xml" {
			t.Errorf("%s: a figure of type %s, want image/svg+xml", path, u[1])
			continue
		}
		svg, err := base64.StdEncoding.DecodeString(u[2])
		if err != nil || !strings.Contains(string(svg), "<svg") {
			t.Errorf("%s: an inline figure is not SVG (%v)", path, err)
		}
	}
	for _, bad := range []string{".png", "heatmap-af_attacks_2023"} {
		if strings.Contains(page, bad) {
			t.Errorf("%s names %q: the figures should be inside, not pointed at", path, bad)
		}
	}
	if !strings.Contains(page, "af_attacks_2023: mean over replicates at each point of the grid") {
		t.Errorf("%s: no caption in words for the heat map", path)
	}
}

func TestSweepUsageErrors(t *testing.T) {
	ctx := context.Background()
	tmp := t.TempDir()
	bad := filepath.Join(tmp, "bad.toml")
	os.WriteFile(bad, []byte("[sweep]\nextends = \"historical\"\ndesign = \"lhs\"\nsize = 4\n\n[[sweep.param]]\nkey = \"raids.per_mont\"\nrange = [1.0, 2.0]\n\n[[sweep.output]]\nname = \"a\"\nmetric = \"attacks\"\nfrom = \"2022-01\"\nto = \"2022-12\"\nstatistic = \"sum\"\n"), 0o644)
	badRange := filepath.Join(tmp, "range.toml")
	os.WriteFile(badRange, []byte("[sweep]\nextends = \"historical\"\ndesign = \"lhs\"\nsize = 4\n\n[[sweep.param]]\nkey = \"raids.quality\"\nrange = [0.5, 1.5]\n\n[[sweep.output]]\nname = \"a\"\nmetric = \"attackz\"\nfrom = \"2022-01\"\nto = \"2022-12\"\nstatistic = \"sum\"\n"), 0o644)
	for _, tc := range []struct {
		args []string
		want []string
	}{
		{[]string{"sweep"}, []string{"subcommand"}},
		{[]string{"sweep", "frob"}, []string{"unknown subcommand"}},
		{[]string{"sweep", "plan"}, []string{"want one sweep file"}},
		{[]string{"sweep", "plan", filepath.Join(tmp, "none.toml")}, []string{"none.toml"}},
		{[]string{"sweep", "plan", bad, "-out", filepath.Join(tmp, "o1")}, []string{"bad.toml:6", "raids.per_mont", "per_month"}},
		{[]string{"sweep", "plan", badRange, "-out", filepath.Join(tmp, "o2")}, []string{"range.toml:6", "raids.quality", "range.toml:10", "attackz"}},
		{[]string{"sweep", "run", tmp, "-shard", "3/2"}, []string{"-shard"}},
		{[]string{"sweep", "run", tmp}, []string{"no manifest.json"}},
		{[]string{"sweep", "plan", bad, "-shards", "0"}, []string{"-shards"}},
	} {
		code, _, errs := insurgo(t, ctx, tc.args...)
		if code != exitUsage {
			t.Errorf("%v: exit %d, want %d\n%s", tc.args, code, exitUsage, errs)
		}
		for _, w := range tc.want {
			if !strings.Contains(errs, w) {
				t.Errorf("%v: message lacks %q:\n%s", tc.args, w, errs)
			}
		}
	}
}
