package civil_test

import (
	"context"
	"slices"
	"testing"

	"github.com/insurgo/insurgo/model/civil"
	"github.com/insurgo/insurgo/sim"
)

// series runs n replicates of p under seed 1 and returns each one's
// per-step active citizens.
func activeSeries(t *testing.T, p civil.Params, n int) [][]int64 {
	t.Helper()
	cal, err := p.Calendar()
	if err != nil {
		t.Fatal(err)
	}
	f, err := civil.NewFactory(&p, &cal)
	if err != nil {
		t.Fatal(err)
	}
	out := make([][]int64, n)
	b := sim.Batch{Calendar: cal, Seed: 1, Count: n, OnReplicate: func(rep int, r *sim.Recorder) error {
		out[rep] = slices.Clone(r.Values(civil.MActive, civil.Scope))
		return nil
	}}
	if _, err := b.Run(context.Background(), f); err != nil {
		t.Fatal(err)
	}
	return out
}

func medianOf(xs []float64) float64 { return civil.Median(slices.Clone(xs)) }

// TestPunctuatedEquilibrium checks Epstein's (2002) first result under the
// paper's floor rule, with NetLogo Rebellion's values: long quiet spells
// punctuated by short outbursts. In every run most steps have few active
// citizens (the median step under half the outburst threshold),
// outbursts (>= 50 active) recur, they are over in a few steps
// and the waits between them are several times longer than they last. It
// also checks what the floor rule changes against Mesa's rounding: C/A
// floors to 0 as soon as actives outnumber the cops in view, so outbursts
// feed on themselves and grow larger (1.5 times at least; about twice,
// measured).
func TestPunctuatedEquilibrium(t *testing.T) {
	if testing.Short() {
		t.Skip("runs 20 replicates of 1,000 steps")
	}
	floor := netlogo()
	floor.ArrestRule = civil.RuleFloor
	var floorMax, roundMax []float64
	for rep, a := range activeSeries(t, floor, 10) {
		obs := civil.Outbursts(a, 50)
		inBurst := 0
		var durs, gaps []float64
		for i, o := range obs {
			inBurst += o.End - o.Start
			durs = append(durs, float64(o.End-o.Start))
			if i > 0 {
				gaps = append(gaps, float64(o.Start-obs[i-1].Start))
			}
		}
		quiet := medianOf(int64s(a))
		t.Logf("floor run %d: %d outbursts, %.0f%% of steps in one, median duration %g, median interval %g, median active %g, max %d",
			rep, len(obs), 100*float64(inBurst)/float64(len(a)), medianOf(durs), medianOf(gaps), quiet, slices.Max(a))
		switch {
		case len(obs) < 10:
			t.Errorf("floor run %d: %d outbursts in 1,000 steps, want recurring ones (>= 10)", rep, len(obs))
		case float64(inBurst) > 0.25*float64(len(a)):
			t.Errorf("floor run %d: %d of %d steps in outbursts, want mostly quiet (<= 25%%)", rep, inBurst, len(a))
		case medianOf(gaps) < 3*medianOf(durs):
			t.Errorf("floor run %d: median interval %g not 3 times the median duration %g", rep, medianOf(gaps), medianOf(durs))
		case quiet >= 25:
			t.Errorf("floor run %d: median active %g, want quiet spells (under half the outburst threshold, 25)", rep, quiet)
		}
		floorMax = append(floorMax, float64(slices.Max(a)))
	}
	for _, a := range activeSeries(t, netlogo(), 10) {
		roundMax = append(roundMax, float64(slices.Max(a)))
	}
	if f, r := medianOf(floorMax), medianOf(roundMax); f < 1.5*r {
		t.Errorf("median largest outburst %g under the floor rule, %g under rounding: want at least 1.5 times as large", f, r)
	} else {
		t.Logf("median largest outburst: %g under the floor rule, %g under Mesa's rounding", f, r)
	}
}

func int64s(a []int64) []float64 {
	out := make([]float64, len(a))
	for i, v := range a {
		out[i] = float64(v)
	}
	return out
}

// TestLegitimacyShock checks Epstein's (2002) contrast between a gradual
// and a sudden loss of legitimacy: the same fall, from 0.9 to 0.7, spread
// over 500 steps or made at once at step 100 (NetLogo's other values, the
// shipped civil-legitimacy-gradual and civil-legitimacy-sudden scenarios).
// Spread out, each small loss brings out a few citizens whom the cops
// pick off; made at once, it brings out many together, too many for the
// cops in view, and the largest outburst is far larger.
func TestLegitimacyShock(t *testing.T) {
	if testing.Short() {
		t.Skip("runs 16 replicates of 1,000 steps")
	}
	g := netlogo()
	g.Legitimacy = 0.9
	g.LegitimacyChange = civil.LegitimacyChange{Start: 100, Over: 500, To: 0.7}
	s := g
	s.LegitimacyChange.Over = 0
	peak := func(p civil.Params) []float64 {
		var out []float64
		for _, a := range activeSeries(t, p, 8) {
			out = append(out, float64(slices.Max(a)))
		}
		return out
	}
	gp, sp := peak(g), peak(s)
	t.Logf("largest outburst per run: gradual %v, sudden %v", gp, sp)
	if slices.Max(gp) >= slices.Min(sp) {
		t.Errorf("a gradual fall's largest outburst (up to %g) reaches a sudden fall's (from %g): want every sudden run above every gradual one", slices.Max(gp), slices.Min(sp))
	}
}
