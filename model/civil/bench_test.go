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
// agent-steps per second (citizens, jailed ones included, plus cops).
func benchSteps(b *testing.B, p civil.Params) {
	w := benchWorld(b, p)
	cal, _ := p.Calendar()
	agents := w.Citizens() + w.Cops()
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		w.Step(cal.Day(i % cal.Days()))
	}
	b.ReportMetric(float64(agents)*float64(b.N)/b.Elapsed().Seconds(), "agent-steps/s")
	b.ReportMetric(float64(agents), "agents")
}

// BenchmarkStep40 is Mesa's world: 40 × 40 with NetLogo Rebellion's
// values (about 1,190 agents, outbursts under way).
func BenchmarkStep40(b *testing.B) { benchSteps(b, netlogo()) }

// BenchmarkStep40Mesa is the 40 × 40 world with Mesa's defaults.
func BenchmarkStep40Mesa(b *testing.B) { benchSteps(b, civil.Default()) }

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
