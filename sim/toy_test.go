package sim_test

import (
	"math"
	"testing"
	"time"

	"github.com/insurgo/insurgo/sim"
)

// toy is a small test model: a Poisson stream of events whose daily rate
// decays with the stock it depletes, with a monthly gauge. It exercises
// every recorder feature without knowing anything of the real model.
type toy struct {
	rate     float64
	stock    int64
	events   sim.Series
	regional [3]sim.Series
	level    sim.Series
	rec      *sim.Recorder
	rng      interface{ Float64() float64 }
	pick     interface{ IntN(int) int }
}

func toyFactory(rate float64) sim.Factory {
	return func(r sim.Replicate) (sim.Model, error) {
		t := &toy{rate: rate, stock: 500, rec: r.Recorder,
			rng: r.Streams.Get("events"), pick: r.Streams.Get("where")}
		t.events = r.Recorder.Series("events", "total")
		for i, name := range []string{"region:a", "region:b", "region:c"} {
			t.regional[i] = r.Recorder.Series("events", name)
		}
		r.Recorder.SetParts("total", []string{"region:a", "region:b", "region:c"})
		t.level = r.Recorder.Series("stock", "total")
		return t, nil
	}
}

func (t *toy) Step(d sim.Day) {
	p := t.rate * float64(t.stock) / 500
	if t.rng.Float64() < p {
		t.stock--
		t.rec.Add(t.events, d.Month, 1)
		i := t.pick.IntN(3)
		if i == 2 && d.Month < 2 {
			i = 1 // region c stays quiet at first, so distinct counts vary
		}
		t.rec.Add(t.regional[i], d.Month, 1)
		t.rec.Observe("size", int64(1+t.pick.IntN(20)))
		t.rec.Event(sim.Event{Day: d.Index, Kind: "event", Region: "x", Fields: []sim.Field{{Name: "size", Value: 1}}})
	}
	if d.MonthEnd {
		t.rec.Set(t.level, d.Month, t.stock)
	}
}

func mustCalendar(t testing.TB, from, to string) sim.Calendar {
	t.Helper()
	s, _ := time.Parse(time.DateOnly, from)
	e, _ := time.Parse(time.DateOnly, to)
	c, err := sim.NewCalendar(s, e)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func approx(a, b, tol float64) bool { return math.Abs(a-b) <= tol }
