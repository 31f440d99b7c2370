package civil_test

import (
	"runtime"
	"testing"

	"github.com/insurgo/insurgo/model/civil"
	"github.com/insurgo/insurgo/sim"
)

// TestCostBytes checks Params.Cost's memory against what a 300 × 300
// world holds once built and stepped: within a factor of 1.25 either way.
func TestCostBytes(t *testing.T) {
	p := civil.Default()
	p.Width, p.Height, p.Steps = 300, 300, 5
	cal, err := p.Calendar()
	if err != nil {
		t.Fatal(err)
	}
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	f, err := civil.NewFactory(&p, &cal)
	if err != nil {
		t.Fatal(err)
	}
	m, err := f(sim.Replicate{Streams: sim.NewStreams(1, 0), Recorder: sim.NewRecorder(cal.Months()), Calendar: &cal})
	if err != nil {
		t.Fatal(err)
	}
	for d := range cal.Days() {
		m.Step(cal.Day(d))
	}
	runtime.GC()
	runtime.ReadMemStats(&after)
	runtime.KeepAlive(m)
	got, want := float64(after.HeapAlloc)-float64(before.HeapAlloc), p.Cost().Bytes
	if got < want/1.25 || got > want*1.25 {
		t.Errorf("a 300 × 300 world holds %.0f bytes; Cost says %.0f", got, want)
	}
}
