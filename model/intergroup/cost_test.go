package intergroup

import (
	"runtime"
	"testing"

	"github.com/insurgo/insurgo/sim"
)

// TestCostBytes checks Params.Cost's memory against what a 100 × 100
// world with peacekeepers holds after 200 steps, when births have filled
// the grid and killers sit in jail: within a factor of 2 either way (the
// agents' slice grows by doubling).
func TestCostBytes(t *testing.T) {
	p := Default()
	p.Width, p.Height, p.Steps, p.CopDensity = 100, 100, 200, 0.2
	cal, err := p.Calendar()
	if err != nil {
		t.Fatal(err)
	}
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	f, err := NewFactory(&p, &cal)
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
	t.Logf("holds %.0f bytes; Cost says %.0f", got, want)
	if got < want/2 || got > want*2 {
		t.Errorf("a 100 × 100 world holds %.0f bytes after 200 steps; Cost says %.0f", got, want)
	}
}
