package scoretable

import (
	"bytes"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/insurgo/insurgo/internal/report"
	"github.com/insurgo/insurgo/internal/score"
	"github.com/insurgo/insurgo/sim"
)

func month(t *testing.T, s string) sim.Month {
	t.Helper()
	m, err := sim.ParseMonth(s)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func TestParseRegimes(t *testing.T) {
	scopes, breaks, err := ParseRegimes("country:afghanistan=2022-09; group:kp=2022-01,2023-01;abroad=")
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(scopes, " ") != "country:afghanistan group:kp abroad" || len(breaks[0]) != 1 || len(breaks[1]) != 2 || len(breaks[2]) != 0 ||
		breaks[1][1] != month(t, "2023-01") {
		t.Errorf("got %v %v", scopes, breaks)
	}
	for _, bad := range []string{"", "kp", "kp=2022-13", "kp=2023-01,2022-01", "a=;a="} {
		if _, _, err := ParseRegimes(bad); err == nil {
			t.Errorf("%q: no error", bad)
		}
	}
}

// fixture is a calendar from Sept 2021 to Dec 2023 and streams a (breaks
// 2022-09) and b (breaks 2022-01, 2023-01) summed by "total".
func fixture(t *testing.T) (sim.Calendar, *Streams) {
	cal, err := sim.NewCalendar(time.Date(2021, 9, 1, 0, 0, 0, 0, time.UTC), time.Date(2023, 12, 31, 0, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	st := &Streams{Metric: "n", Scopes: []string{"a", "b"}, Breaks: [][]sim.Month{{month(t, "2022-09")}, {month(t, "2022-01"), month(t, "2023-01")}}, Total: "total"}
	return cal, st
}

func target(t *testing.T, name, scope, stat, from, to string, obs float64) report.Observed {
	return report.Observed{Window: sim.Window{Name: name, Metric: "n", Scope: scope, From: month(t, from), To: month(t, to), Statistic: stat}, Observed: obs, ObsSD: 0}
}

// TestExposure: months of a window in each stream and regime.
func TestExposure(t *testing.T) {
	cal, st := fixture(t)
	f, err := st.figure(target(t, "x", "total", sim.Sum, "2022-01", "2022-12", 217), &cal, true)
	if err != nil {
		t.Fatal(err)
	}
	// a: 8 months before Sept 2022, 4 after; b: 0 in 2021, 12 in 2022, 0 in 2023.
	if got := f.Exposure; len(got) != 5 || got[0] != 8 || got[1] != 4 || got[2] != 0 || got[3] != 12 || got[4] != 0 || f.Divisor != 1 {
		t.Errorf("exposure %v divisor %g", got, f.Divisor)
	}
	f, _ = st.figure(target(t, "y", "b", sim.MeanPerMonth, "2021-09", "2021-12", 1.67), &cal, false)
	if got := f.Exposure; len(got) != 2 || got[0] != 0 || got[1] != 4 || f.Divisor != 4 {
		t.Errorf("constant: exposure %v divisor %g", got, f.Divisor)
	}
	d := st.design(true)
	if got := d.Prev; len(got) != 5 || got[0] != -1 || got[1] != 0 || got[2] != -1 || got[3] != 2 || got[4] != 3 {
		t.Errorf("design %v", got)
	}
}

// TestBuild: a model whose predictive is a point mass at the observed
// figure scores 0, the baselines score each count target with a fit to
// the others (the same numbers as fitting by hand), and shares and checks
// get no baseline.
func TestBuild(t *testing.T) {
	cal, st := fixture(t)
	ts := []report.Observed{
		target(t, "a1", "a", sim.Sum, "2021-09", "2021-12", 120),
		target(t, "a2", "a", sim.Sum, "2021-09", "2022-08", 276),
		target(t, "b22", "b", sim.Sum, "2022-01", "2022-12", 48),
		target(t, "share", "b", sim.Share, "2022-01", "2022-12", 0.2),
		target(t, "b21", "b", sim.MeanPerMonth, "2021-09", "2021-12", 2),
	}
	ts[3].Window.Of = "total"
	ck := target(t, "raids", "a", sim.Sum, "2023-01", "2023-06", 35)
	ck.Kind = report.KindCheck
	ts = append(ts, ck)
	model := make([]Dist, len(ts))
	for i, x := range ts {
		model[i] = Dist{Values: []float64{x.Observed}, Counts: []int64{3}}
	}
	tb, err := Build(ts, model, &cal, st, 1)
	if err != nil {
		t.Fatal(err)
	}
	if tb.MeanRel.N != 4 || tb.MeanRel.Model != 0 {
		t.Errorf("mean over %d count targets, model %g; want 4 and 0", tb.MeanRel.N, tb.MeanRel.Model)
	}
	for _, r := range tb.Rows {
		if r.Model.CRPS != 0 {
			t.Errorf("%s: point mass at the observation scores %g", r.Name, r.Model.CRPS)
		}
		if (r.NegBin != nil) != r.Count || (r.Regime != nil) != r.Count {
			t.Errorf("%s: baselines present %v %v, count %v", r.Name, r.NegBin != nil, r.Regime != nil, r.Count)
		}
		if (r.Name == "share" || r.Name == "raids") && r.Count {
			t.Errorf("%s scored by the baselines", r.Name)
		}
	}
	// By hand: a1 left out, the regime Poisson fits a's first regime to a2
	// (276 over 12 months = 23), and predicts a1 as Poisson(92).
	figs := []score.Figure{}
	for _, j := range []int{1, 2, 4} {
		f, _ := st.figure(ts[j], &cal, true)
		figs = append(figs, f)
	}
	fit, err := score.FitPoisson(st.design(true), figs)
	if err != nil {
		t.Fatal(err)
	}
	if math.Abs(fit.Rates[0]-23) > 1e-3 {
		t.Errorf("rate %g, want 23", fit.Rates[0])
	}
	if got := tb.Rows[0].Regime.Mean; math.Abs(got-92) > 1e-2 {
		t.Errorf("a1 regime mean %g, want 92", got)
	}
	md := tb.Markdown("about")
	if !bytes.Contains(md, []byte("| a1 | target | 120 |")) || !bytes.Contains(md, []byte("over the 4 count targets")) {
		t.Errorf("markdown:\n%s", md)
	}
}

func TestReplace(t *testing.T) {
	doc := []byte("head\n" + BeginMarker + "\nold\n" + EndMarker + "\ntail\n")
	out, err := Replace(doc, []byte("new\n"))
	if err != nil {
		t.Fatal(err)
	}
	if want := "head\n" + BeginMarker + "\nnew\n" + EndMarker + "\ntail\n"; string(out) != want {
		t.Errorf("got %q", out)
	}
	if _, err := Replace([]byte("no markers"), nil); err == nil {
		t.Error("no markers: no error")
	}
}
