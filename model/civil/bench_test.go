package civil_test

import (
	"testing"

	"github.com/insurgo/insurgo/model/civil"
	"github.com/insurgo/insurgo/sim"
)

// benchWorld builds one replicate of p and steps it once to warm up.
func benchWorld(b *testing.B, p civil.Params) *civil.World {
	b.Helper()
	cal, err := p.Calendar()
	if err != nil {
		b.Fatal(err)
	}
	f, err := civil.NewFactory(&p, &cal)
	if err != nil {
		b.Fatal(err)
	}
	m, err := f(sim.Replicate{Streams: sim.NewStreams(1, 0), Recorder: sim.NewRecorder(cal.Months()), Calendar: &cal})
	if err != nil {
		b.Fatal(err)
	}
	return m.(*civil.World)
}

// benchSteps steps w through p's calendar, wrapping around, and reports
// agent-steps (citizens, jailed ones included, plus cops) per second of
// wall-clock time and, where the platform tells, per second of the
// process's CPU time: on a shared machine the second is the one to quote,
// since the first counts the time other processes held the core.
func benchSteps(b *testing.B, p civil.Params) {
	w := benchWorld(b, p)
	cal, _ := p.Calendar()
	agents := w.Citizens() + w.Cops()
	cpu0, cpuOK := cpuTime()
	for i := 0; b.Loop(); i++ {
		w.Step(cal.Day(i % cal.Days()))
	}
	cpu1, _ := cpuTime()
	b.ReportMetric(float64(agents)*float64(b.N)/b.Elapsed().Seconds(), "agent-steps/s")
	if cpuOK && cpu1 > cpu0 {
		b.ReportMetric(float64(agents)*float64(b.N)/(cpu1-cpu0).Seconds(), "agent-steps/cpu-s")
	}
	b.ReportMetric(float64(agents), "agents")
}

// BenchmarkStep40 is Mesa's world: 40 × 40 with NetLogo Rebellion's
// values (about 1,190 agents, outbursts under way).
func BenchmarkStep40(b *testing.B) { benchSteps(b, netlogo()) }

// BenchmarkStep40Mesa is the 40 × 40 world with Mesa's defaults.
func BenchmarkStep40Mesa(b *testing.B) { benchSteps(b, civil.Default()) }

// BenchmarkStep200 is a 200 × 200 world with NetLogo's values (about
// 29,600 agents): between the two, to show how cost grows with agents.
func BenchmarkStep200(b *testing.B) {
	p := netlogo()
	p.Width, p.Height = 200, 200
	benchSteps(b, p)
}

// BenchmarkStep1000 is a 1,000 × 1,000 world with NetLogo's values:
// about 700,000 citizens and 40,000 cops.
func BenchmarkStep1000(b *testing.B) {
	p := netlogo()
	p.Width, p.Height = 1000, 1000
	benchSteps(b, p)
}

func netlogo() civil.Params {
	p := civil.Default()
	p.Legitimacy, p.MaxJailTerm, p.CopDensity = 0.82, 30, 0.04
	return p
}

// BenchmarkStep2000 is a 2,000 × 2,000 world with NetLogo's values:
// about 2.8 million citizens and 160,000 cops, four times the 1,000 ×
// 1,000 world, to show whether the cost per agent-step stays flat once
// the world has outgrown the caches.
func BenchmarkStep2000(b *testing.B) {
	p := netlogo()
	p.Width, p.Height = 2000, 2000
	benchSteps(b, p)
}
