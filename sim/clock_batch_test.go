package sim_test

import (
	"context"
	"errors"
	"testing"

	"github.com/insurgo/insurgo/sim"
)

// TestStepClockBatch runs the toy model on a step clock recorded every 5
// steps, with a whole-run window and a per-step observer.
func TestStepClockBatch(t *testing.T) {
	cal, err := sim.NewStepClock(100, 5)
	if err != nil {
		t.Fatal(err)
	}
	whole := sim.Window{Name: "all", Metric: "events", Scope: "total", Statistic: sim.Sum}
	steps := make([]int, 4)
	b := sim.Batch{Calendar: cal, Seed: 7, Count: 4, Workers: 2, Windows: []sim.Window{whole},
		OnStep: func(rep int, d sim.Day, m sim.Model) error {
			if d.Index != steps[rep] {
				t.Errorf("replicate %d: step %d observed after step %d", rep, d.Index, steps[rep]-1)
			}
			steps[rep]++ // each replicate runs on one worker, so no race
			return nil
		},
		OnReplicate: func(rep int, r *sim.Recorder) error {
			if r.Months() != 20 {
				t.Errorf("recorder has %d periods, want 20", r.Months())
			}
			var s int64
			for _, v := range r.Values("events", "total") {
				s += v
			}
			if got := whole.Eval(r, &cal); got != float64(s) {
				t.Errorf("whole-run sum %v, want %d", got, s)
			}
			return nil
		},
	}
	agg, err := b.Run(context.Background(), toyFactory(0.05))
	if err != nil {
		t.Fatal(err)
	}
	for rep, n := range steps {
		if n != 100 {
			t.Errorf("replicate %d: %d steps observed, want 100", rep, n)
		}
	}
	if agg.Months != 20 || agg.Stat(0).N() != 4 {
		t.Errorf("aggregate of %d periods and %d window values, want 20 and 4", agg.Months, agg.Stat(0).N())
	}
	from, _ := sim.ParseMonth("2021-09")
	dated := sim.Window{Name: "dated", Metric: "events", Scope: "total", From: from, Statistic: sim.Sum}
	if _, _, err := dated.Bind(&cal); !errors.Is(err, sim.ErrStat) {
		t.Errorf("a dated window on a step clock: err %v, want ErrStat", err)
	}
	stop := errors.New("stop")
	b.OnStep = func(int, sim.Day, sim.Model) error { return stop }
	b.OnReplicate = nil
	if _, err := b.Run(context.Background(), toyFactory(0.05)); !errors.Is(err, stop) {
		t.Errorf("OnStep error: got %v, want it returned", err)
	}
}

// TestWholeRunWindow checks that a window without from and to covers the
// whole calendar of dates too.
func TestWholeRunWindow(t *testing.T) {
	cal := mustCalendar(t, "2021-09-01", "2022-02-28")
	whole := sim.Window{Name: "all", Metric: "events", Scope: "total", Statistic: sim.MeanPerMonth}
	from, to, err := whole.Bind(&cal)
	if err != nil || from != 0 || to != 5 {
		t.Fatalf("Bind = %d, %d, %v; want 0, 5, nil", from, to, err)
	}
	r := sim.NewRecorder(cal.Months())
	s := r.Series("events", "total")
	for m := range 6 {
		r.Add(s, m, int64(m))
	}
	if got := whole.Eval(r, &cal); got != 15.0/6 {
		t.Errorf("mean per month %v, want %v", got, 15.0/6)
	}
}
