package main

import (
	"math"
	"os"
	"path/filepath"
	"testing"

	"github.com/insurgo/insurgo/internal/compare"
	"github.com/insurgo/insurgo/internal/report"
	"github.com/insurgo/insurgo/sim"
)

func TestDrawComparePlots(t *testing.T) {
	m := func(s string) sim.Month {
		v, err := sim.ParseMonth(s)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	win := sim.Window{Name: "attacks", Metric: "attacks", Scope: "country:afghanistan", From: m("2023-01"), To: m("2023-12"), Statistic: sim.Sum}
	a := []float64{10, 12, 14, 9, 11, 13}
	b := []float64{8, 10, 11, 7, 9, 10}
	rebA := []float64{0, 1, 0, math.Inf(1), 2, 1}
	rebB := []float64{3, math.Inf(1), 5, 4, 6, math.NaN()}
	res := &compare.Result{
		Seed: 1, Replicates: 6, Window: win, Signatures: []string{"rebound after 2024-01 (months)"},
		Targets:       []report.Observed{{Window: win, Observed: 11}},
		SyntheticFrom: "a",
		Arms: []compare.ArmResult{
			{Name: "a", Values: a, Monthly: compare.Band{Months: []string{"2023-01", "2023-02"}, P05: []float64{1, 2}, P50: []float64{2, 3}, P95: []float64{3, 4}}, Signatures: []compare.Dist{compare.Summarize(rebA)}, SignatureValues: [][]float64{rebA}, TargetValues: [][]float64{a}},
			{Name: "b", Values: b, Signatures: []compare.Dist{compare.Summarize(rebB)}, SignatureValues: [][]float64{rebB}, TargetValues: [][]float64{b}},
		},
	}
	dir := t.TempDir()
	if err := drawComparePlots(res, dir, "svg"); err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{"monthly.svg", "compare.svg", "difference.svg", "signature-rebound-after-2024-01-months.svg", "target-attacks.svg"} {
		if st, err := os.Stat(filepath.Join(dir, f)); err != nil || st.Size() == 0 {
			t.Errorf("%s: %v", f, err)
		}
	}
}
