package plots

import (
	"bytes"
	"strings"
	"testing"

	"github.com/insurgo/insurgo/sim"
)

// A violin of 97 of 1,000 replicates is drawn about a tenth as wide as a
// whole one, and its label says so.
func TestViolinWidthFollowsShare(t *testing.T) {
	whole := Dist{Name: "a", Values: []float64{1, 2, 3}, Counts: []int64{300, 400, 300}, Of: 1000}
	part := Dist{Name: "b", Values: []float64{1, 2}, Counts: []int64{50, 47}, Of: 1000}
	vw, err := newViolin(whole, 0, Orange)
	if err != nil {
		t.Fatal(err)
	}
	vp, err := newViolin(part, 1, Orange)
	if err != nil {
		t.Fatal(err)
	}
	if r := vp.half / vw.half; r < 0.096 || r > 0.098 {
		t.Errorf("width ratio %.4f, want 97/1000", r)
	}
	p, err := Violins("t", "y", []Dist{whole, part})
	if err != nil {
		t.Fatal(err)
	}
	ticks := p.X.Tick.Marker.Ticks(p.X.Min, p.X.Max)
	found := false
	for _, tk := range ticks {
		found = found || tk.Label == "b\n(97 of 1000)"
	}
	if !found {
		t.Errorf("no label says 97 of 1000: %+v", ticks)
	}
	if err := AddReference(p, 1, 2); err != nil {
		t.Fatal(err)
	}
}

// Titles say window statistics in words, not raw ids.
func TestWindowTitle(t *testing.T) {
	m := func(s string) sim.Month {
		x, err := sim.ParseMonth(s)
		if err != nil {
			t.Fatal(err)
		}
		return x
	}
	for _, c := range []struct {
		w    sim.Window
		want string
	}{
		{sim.Window{Metric: "attacks", Scope: "country:afghanistan", From: m("2024-01"), To: m("2024-12"), Statistic: sim.Sum}, "Attacks in Afghanistan, summed over 2024-01 to 2024-12"},
		{sim.Window{Metric: "claimed", Scope: "group:kp", Of: "total", From: m("2022-01"), To: m("2022-12"), Statistic: sim.Share}, "Share of claimed attacks in group kp among total, 2022-01 to 2022-12"},
		{sim.Window{Metric: "leaders_killed", Scope: "total", From: m("2023-02"), To: m("2023-05"), Statistic: sim.MeanPerMonth}, "Leaders killed in all places, mean per month over 2023-02 to 2023-05"},
		// A run counted in steps has no months: its window is the whole run.
		{sim.Window{Metric: "active", Scope: "total", Statistic: sim.MeanPerMonth}, "Active in all places, mean per recorded step over the whole run"},
	} {
		if got := WindowTitle(c.w); got != c.want {
			t.Errorf("WindowTitle = %q, want %q", got, c.want)
		}
	}
}

// A sparse count (leaders killed: never above 3 in 95% of replicates) is
// drawn as its mean per month, not as a fan of whole-unit steps; target
// names are in words in the legend, not raw ids over the data.
func TestSparseSeriesNotAFan(t *testing.T) {
	s := fixture(t)
	se := s.Find("attacks", "country:afghanistan")
	sparse := *se
	sparse.Metric = "leaders_killed"
	n := len(sparse.P95)
	sparse.P05, sparse.P25, sparse.P50, sparse.P75 = make([]float64, n), make([]float64, n), make([]float64, n), make([]float64, n)
	sparse.P95, sparse.Mean = make([]float64, n), make([]float64, n)
	for i := range sparse.P95 {
		sparse.P95[i] = float64(i % 3)
		sparse.Mean[i] = 0.1 * float64(i%4)
	}
	s.Series = append(s.Series, sparse)
	p, err := Fan(s, "leaders_killed", "country:afghanistan")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(p.Title.Text, "mean per month") {
		t.Errorf("sparse series title %q", p.Title.Text)
	}
	if !isSparse(&sparse) || isSparse(se) {
		t.Error("isSparse wrong")
	}
	p, err = Fan(fixture(t), "attacks", "country:afghanistan")
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := Render(&buf, "svg", p); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(buf.String(), "afg_") || !strings.Contains(buf.String(), "observed Sep 2021") {
		t.Error("fan chart labels targets by raw id, or not in words")
	}
}
