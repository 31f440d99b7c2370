package intergroup

import (
	"testing"

	"github.com/insurgo/insurgo/sim"
)

// benchSteps steps one replicate of p through its calendar, wrapping
// around (a run of 1,000 steps is rebuilt at its end), and reports
// agent-steps per second: the agents alive at each step (citizens, jailed
// ones included, and peacekeepers), summed, over the time.
func benchSteps(b *testing.B, p Params) {
	cal, err := p.Calendar()
	if err != nil {
		b.Fatal(err)
	}
	f, err := NewFactory(&p, &cal)
	if err != nil {
		b.Fatal(err)
	}
	var w *World
	var agentSteps float64
	rep := 0
	for i := 0; b.Loop(); i++ {
		s := i % cal.Days()
		if s == 0 {
			m, err := f(sim.Replicate{Index: rep, Streams: sim.NewStreams(1, rep), Recorder: sim.NewRecorder(cal.Months()), Calendar: &cal})
			if err != nil {
				b.Fatal(err)
			}
			w, rep = m.(*World), rep+1
		}
		bl, g := w.Populations()
		agentSteps += float64(bl + g + w.Peacekeepers())
		w.Step(cal.Day(s))
	}
	b.ReportMetric(agentSteps/b.Elapsed().Seconds(), "agent-steps/s")
}

// BenchmarkStep40 is the intergroup scenario: 40 × 40, no peacekeepers
// (about 1,600 citizens once the grid has filled).
func BenchmarkStep40(b *testing.B) { benchSteps(b, Default()) }

// BenchmarkStep40Peacekeepers is intergroup-peacekeepers: 40 × 40 with
// peacekeepers on 20% of the cells.
func BenchmarkStep40Peacekeepers(b *testing.B) {
	p := Default()
	p.CopDensity = 0.2
	benchSteps(b, p)
}
