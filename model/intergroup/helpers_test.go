package intergroup

import (
	"testing"

	"github.com/insurgo/insurgo/sim"
)

// runWorld runs replicate rep of p under seed, calling onStep (if not
// nil) after each step with the step's index, and returns the world and
// its recorder.
func runWorld(t testing.TB, p Params, seed uint64, rep int, onStep func(s int, w *World)) (*World, *sim.Recorder) {
	t.Helper()
	cal, err := p.Calendar()
	if err != nil {
		t.Fatal(err)
	}
	f, err := NewFactory(&p, &cal)
	if err != nil {
		t.Fatal(err)
	}
	rec := sim.NewRecorder(cal.Months())
	m, err := f(sim.Replicate{Index: rep, Streams: sim.NewStreams(seed, rep), Recorder: rec, Calendar: &cal})
	if err != nil {
		t.Fatal(err)
	}
	w := m.(*World)
	for s := range cal.Days() {
		w.Step(cal.Day(s))
		if onStep != nil {
			onStep(s, w)
		}
	}
	return w, rec
}
