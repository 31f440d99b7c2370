package report

import (
	"context"
	"math"
	"testing"
	"time"

	"github.com/insurgo/insurgo/sim"
)

// TestCoverageWithObservationError: the counter model gives 59 events in
// Jan-Feb in every replicate, so the predictive interval of the simulated
// value plus an N(0, s²) error is 59 ± 1.645 s: 65 is missed with no error
// and covered with s.d. 5 (59 ± 8.22), 70 missed with s.d. 5. A check is
// reported with its kind.
func TestCoverageWithObservationError(t *testing.T) {
	cal, err := sim.NewCalendar(time.Date(2022, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2022, 3, 31, 0, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	from, _ := sim.ParseMonth("2022-01")
	to, _ := sim.ParseMonth("2022-02")
	var ws []sim.Window
	var obs []Observed
	for i, c := range []struct {
		observed, sd float64
		kind         string
	}{{65, 0, ""}, {65, 5, KindTarget}, {70, 5, KindTarget}, {59, 0, KindCheck}} {
		w := sim.Window{Name: string(rune('a' + i)), Metric: "events", Scope: "region:a", From: from, To: to, Statistic: sim.Sum}
		ws = append(ws, w)
		obs = append(obs, Observed{Window: w, Observed: c.observed, ObsSD: c.sd, Kind: c.kind})
	}
	f := func(r sim.Replicate) (sim.Model, error) {
		return &counter{rec: r.Recorder, a: r.Recorder.Series("events", "region:a"), b: r.Recorder.Series("events", "region:b")}, nil
	}
	agg, err := sim.Batch{Calendar: cal, Seed: 1, Count: 5, Windows: ws}.Run(context.Background(), f)
	if err != nil {
		t.Fatal(err)
	}
	s, err := Build(agg, &cal, obs)
	if err != nil {
		t.Fatal(err)
	}
	half := 1.6448536269514722 * 5
	want := []struct {
		kind    string
		lo, hi  float64
		covered bool
	}{{KindTarget, 59, 59, false}, {KindTarget, 59 - half, 59 + half, true}, {KindTarget, 59 - half, 59 + half, false}, {KindCheck, 59, 59, true}}
	for i, x := range s.Targets {
		w := want[i]
		if x.Kind != w.kind || math.Abs(x.PredP05-w.lo) > 1e-6 || math.Abs(x.PredP95-w.hi) > 1e-6 || x.Covered != w.covered {
			t.Errorf("%s: kind %q interval [%g, %g] covered %v; want %q [%g, %g] %v",
				x.Name, x.Kind, x.PredP05, x.PredP95, x.Covered, w.kind, w.lo, w.hi, w.covered)
		}
	}
}

// TestPredictiveIntervalBounds: a figure that cannot be negative, or a
// share above 1, is read with its error censored at the bound. A count
// always 2 with s.d. 5 has the normal interval 2 ± 8.22, clipped to
// [0, 10.22]; a share always 0.95 with s.d. 0.1 has 0.95 ± 0.164, clipped
// to [0.786, 1]; a value that can be negative is not clipped.
func TestPredictiveIntervalBounds(t *testing.T) {
	z := 1.6448536269514722
	for _, c := range []struct {
		values []float64
		sd     float64
		share  bool
		lo, hi float64
	}{
		{[]float64{2}, 5, false, 0, 2 + z*5},
		{[]float64{0.95}, 0.1, true, 0.95 - z*0.1, 1},
		{[]float64{-1, 2}, 5, false, math.NaN(), math.NaN()},
	} {
		counts := make([]int64, len(c.values))
		for i := range counts {
			counts[i] = 10
		}
		lo, hi, err := predictiveInterval(c.values, counts, c.sd, 0, 0, c.share)
		if err != nil {
			t.Fatal(err)
		}
		if math.IsNaN(c.lo) {
			if lo >= 0 {
				t.Errorf("%v: lower end %g clipped at 0 although a simulated value is negative", c.values, lo)
			}
			continue
		}
		if math.Abs(lo-c.lo) > 1e-6 || math.Abs(hi-c.hi) > 1e-6 {
			t.Errorf("%v sd %g share %v: [%g, %g], want [%g, %g]", c.values, c.sd, c.share, lo, hi, c.lo, c.hi)
		}
	}
}

// Uncovered lists the training targets outside their interval and
// counts the training targets; checks are neither.
func TestUncovered(t *testing.T) {
	s := &Summary{Targets: []Target{
		{Window: sim.Window{Name: "a"}, Kind: KindTarget, Covered: true},
		{Window: sim.Window{Name: "b"}, Kind: KindTarget, Covered: false},
		{Window: sim.Window{Name: "c"}, Kind: KindCheck, Covered: false},
	}}
	missed, n := s.Uncovered()
	if n != 2 || len(missed) != 1 || missed[0].Name != "b" {
		t.Errorf("Uncovered = %v, %d; want [b], 2", missed, n)
	}
}
