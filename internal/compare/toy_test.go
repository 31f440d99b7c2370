package compare_test

import (
	"testing"
	"time"

	"github.com/insurgo/insurgo/sim"
)

// toy is a small stand-in for the ISK model, enough to exercise paired
// comparison, signatures and model choice: attacks happen on a day with
// probability rate × strength × fighters/1000 (× slow while under
// pressure), where strength is a per-replicate draw (so replicates differ
// a lot and pairing has something to remove). Under pressure, fighters
// are lost at a daily share attrition and regrow toward 1000 afterwards.
type toy struct {
	rate            float64 // daily attack probability at full strength
	from, to        int     // pressure months (indices), inclusive
	slow            float64 // tempo multiplier chosen under pressure (1: none)
	attrition       float64 // daily share of fighters lost under pressure
	regrow          float64 // daily regrowth toward 1000 fighters
	suicide         float64 // suicide share of attacks
	suicidePressure float64 // suicide share under pressure
}

// slowdownToy and degradationToy are the two hypotheses in toy form.
func slowdownToy() toy {
	return toy{rate: 0.5, from: 16, to: 27, slow: 0.35, attrition: 0, regrow: 0.002, suicide: 0.1, suicidePressure: 0.3}
}

func degradationToy() toy {
	return toy{rate: 0.5, from: 16, to: 27, slow: 1, attrition: 0.004, regrow: 0.002, suicide: 0.1, suicidePressure: 0.1}
}

type toyWorld struct {
	p                  toy
	strength, fighters float64
	rec                *sim.Recorder
	attacks, suicides  sim.Series
	kp, total          sim.Series
	fight              sim.Series
	u, kind            interface{ Float64() float64 }
}

func (p toy) factory() sim.Factory {
	return func(r sim.Replicate) (sim.Model, error) {
		w := &toyWorld{p: p, fighters: 1000, rec: r.Recorder,
			u: r.Streams.Get("attacks"), kind: r.Streams.Get("kind")}
		w.strength = 0.5 + r.Streams.Get("strength").Float64()
		w.attacks = r.Recorder.Series("attacks", "total")
		w.kp = r.Recorder.Series("attacks", "group:kp")
		w.suicides = r.Recorder.Series("suicide_attacks", "total")
		w.fight = r.Recorder.Series("fighters", "total")
		return w, nil
	}
}

func (w *toyWorld) Step(d sim.Day) {
	under := d.Month >= w.p.from && d.Month <= w.p.to
	rate := w.p.rate * w.strength * w.fighters / 1000
	suicide := w.p.suicide
	if under {
		rate *= w.p.slow
		suicide = w.p.suicidePressure
		w.fighters -= w.p.attrition * w.fighters
	} else {
		w.fighters += w.p.regrow * (1000 - w.fighters)
	}
	// Draw every number every day, so the arms stay in step.
	u, k, s := w.u.Float64(), w.kind.Float64(), w.kind.Float64()
	if u < rate {
		w.rec.Add(w.attacks, d.Month, 1)
		if k < 0.2 {
			w.rec.Add(w.kp, d.Month, 1)
		}
		if s < suicide {
			w.rec.Add(w.suicides, d.Month, 1)
		}
	}
	if d.MonthEnd {
		w.rec.Set(w.fight, d.Month, int64(w.fighters+0.5))
	}
}

// toyCalendar runs from 2021-09 to 2024-12 (40 months); pressure months
// 16..27 are 2023-01..2023-12.
func toyCalendar(t testing.TB) sim.Calendar {
	t.Helper()
	c, err := sim.NewCalendar(time.Date(2021, 9, 1, 0, 0, 0, 0, time.UTC), time.Date(2024, 12, 31, 0, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func month(t testing.TB, s string) sim.Month {
	t.Helper()
	m, err := sim.ParseMonth(s)
	if err != nil {
		t.Fatal(err)
	}
	return m
}
