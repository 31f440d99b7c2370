package sweeprun

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestAnalyzeDesigns(t *testing.T) {
	for _, tc := range []struct {
		design string
		size   int
		files  []string
	}{
		{"sobol", 64, []string{"sobol.csv", "sobol-attacks_2022.png", "analysis.json"}},
		{"morris", 12, []string{"morris.csv", "morris-casualties_pm.png"}},
		{"grid", 3, []string{"main_effects.csv"}},
		{"lhs", 40, []string{"correlations.csv"}},
	} {
		t.Run(tc.design, func(t *testing.T) {
			c := toyConfig(t, tc.design, tc.size, 4)
			dir := planToy(t, c, 2)
			runAll(t, dir, 2, toyLoader(0))
			if _, err := Merge(dir, MergeOptions{}); err != nil {
				t.Fatal(err)
			}
			a, err := Analyze(dir, AnalyzeOptions{Resamples: 200})
			if err != nil {
				t.Fatal(err)
			}
			for _, f := range tc.files {
				if _, err := os.Stat(filepath.Join(dir, "analysis", f)); err != nil {
					t.Errorf("missing %s", f)
				}
			}
			var b strings.Builder
			a.WriteText(&b)
			t.Log(b.String())
			// The toy's attacks depend on the rate alone; "inert" does
			// nothing; casualties depend on rate and size.
			att := a.Outputs[0]
			switch tc.design {
			case "sobol":
				s := att.Sobol
				if !(s.ST[0] > 0.5) || !(s.ST[2] < 0.15) {
					t.Errorf("attacks: ST rate %.3f (want > 0.5), inert %.3f (want < 0.15)", s.ST[0], s.ST[2])
				}
			case "morris":
				m := att.Morris
				if !(m.MuStar[0] > 5*m.MuStar[2]) || !(m.MuStar[0] > 5*m.MuStar[1]) {
					t.Errorf("attacks: mu* %v: rate should dominate", m.MuStar)
				}
			case "lhs":
				if !(att.Spearman[0] > 0.8) || !(abs(att.Spearman[2]) < 0.4) {
					t.Errorf("attacks: spearman %v", att.Spearman)
				}
			case "grid":
				me := att.MainEffects[0]
				if !(me[len(me)-1].Mean > me[0].Mean) {
					t.Errorf("attacks main effect of rate not increasing: %v", me)
				}
			}
		})
	}
}

func TestGridHeatmap(t *testing.T) {
	c := toyConfig(t, "grid", 4, 2)
	c.Params = c.Params[:2]
	dir := planToy(t, c, 1)
	runAll(t, dir, 1, toyLoader(0))
	if _, err := Merge(dir, MergeOptions{}); err != nil {
		t.Fatal(err)
	}
	if _, err := Analyze(dir, AnalyzeOptions{}); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dir, "analysis", "heatmap-casualties_pm.png")); err != nil {
		t.Error(err)
	}
}

func TestAnalyzeNeedsMerge(t *testing.T) {
	c := toyConfig(t, "lhs", 5, 1)
	dir := planToy(t, c, 1)
	if _, err := Analyze(dir, AnalyzeOptions{}); err == nil || !strings.Contains(err.Error(), "sweep merge") {
		t.Errorf("analyze before merge: %v", err)
	}
}

func abs(x float64) float64 {
	if x < 0 {
		return -x
	}
	return x
}

func TestAnalyzeConstantOutput(t *testing.T) {
	for _, design := range []string{"sobol", "morris", "lhs", "grid"} {
		c := toyConfig(t, design, 4, 2)
		// The toy's fighters gauge is 100 × size: constant once size is fixed.
		c.Params = c.Params[:1]
		c.Outputs[1].Metric, c.Outputs[1].Statistic = "fighters", "end_value"
		c.Outputs[1].From = c.Outputs[1].To
		dir := planToy(t, c, 1)
		runAll(t, dir, 1, toyLoader(0))
		if _, err := Merge(dir, MergeOptions{}); err != nil {
			t.Fatal(err)
		}
		a, err := Analyze(dir, AnalyzeOptions{Resamples: 100, NoFigures: true})
		if err != nil {
			t.Fatalf("%s: %v", design, err)
		}
		if w := a.Outputs[1].Warnings; len(w) != 1 || !strings.Contains(w[0], "does not vary") {
			t.Errorf("%s: constant output warnings %v", design, w)
		}
	}
}
