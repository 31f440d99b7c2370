package isk

import (
	"math"
	"testing"

	"github.com/insurgo/insurgo/sim"
)

// startFighters builds replicate 0 of p and returns its initial fighters
// per group.
func startFighters(t *testing.T, p *Params, cal sim.Calendar) map[string]float64 {
	t.Helper()
	f, err := NewFactory(p, &cal)
	if err != nil {
		t.Fatal(err)
	}
	m, err := f(sim.Replicate{Index: 0, Streams: sim.NewStreams(1, 0), Recorder: sim.NewRecorder(cal.Months()), Calendar: &cal})
	if err != nil {
		t.Fatal(err)
	}
	w := m.(*World)
	out := map[string]float64{}
	for _, cl := range w.cells {
		out[w.c.regions[cl.region].name] += float64(cl.fighters)
		out["group:"+Groups[w.c.regions[cl.region].group]] += float64(cl.fighters)
	}
	return out
}

// isk.start_strength places the start by its shares: of 4,000 fighters,
// start_core 0.6 in east and kabul (start_east 0.75 of them in the east),
// start_kp 0.1 in KP, the rest in the north and other Afghan regions;
// within the east, Nangarhar and Kunar share by opportunity (Poisson
// cell sizes: within 10%).
func TestStartPlacement(t *testing.T) {
	s := loadTestScenario(t, "historical")
	cal := s.calendar(t)
	p := clone(s.Params)
	p.ISK.StartStrength, p.ISK.StartCore, p.ISK.StartEast, p.ISK.StartKP = 4000, 0.6, 0.75, 0.1
	got := startFighters(t, &p, cal)
	want := map[string]float64{
		"group:east":  4000 * 0.6 * 0.75,
		"group:kabul": 4000 * 0.6 * 0.25,
		"group:kp":    4000 * 0.1,
		"group:north": -1, // with other: 4000 * 0.3
	}
	for g, w := range want {
		if w < 0 {
			continue
		}
		t.Logf("%s: %.0f fighters (want about %.0f)", g, got[g], w)
		if math.Abs(got[g]-w) > 0.1*w {
			t.Errorf("%s: %.0f fighters, want %.0f within 10%%", g, got[g], w)
		}
	}
	rest := got["group:north"] + got["group:other"]
	if math.Abs(rest-1200) > 120 {
		t.Errorf("north and other: %.0f fighters, want 1200 within 10%%", rest)
	}
	if got["group:abroad"] != 0 {
		t.Errorf("%.0f fighters start abroad", got["group:abroad"])
	}
	c, err := compile(&p, &cal)
	if err != nil {
		t.Fatal(err)
	}
	var nan, kun float64
	for _, r := range c.regions {
		switch r.name {
		case "Nangarhar":
			nan = r.opp
		case "Kunar":
			kun = r.opp
		}
	}
	share := got["Nangarhar"] / (got["Nangarhar"] + got["Kunar"])
	t.Logf("Nangarhar's share of the east %.3f, by opportunity %.3f", share, nan/(nan+kun))
	if math.Abs(share-nan/(nan+kun)) > 0.1 {
		t.Errorf("Nangarhar's share of the east %.3f, want its opportunity share %.3f", share, nan/(nan+kun))
	}
}
