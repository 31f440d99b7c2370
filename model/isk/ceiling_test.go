package isk

import (
	"math"
	"testing"

	"github.com/insurgo/insurgo/sim"
)

// The Holling type II response is about x while x is small against the
// ceiling, half the ceiling at x = ceiling, and never above the ceiling.
func TestHolling(t *testing.T) {
	for _, tc := range []struct{ x, cp, want float64 }{
		{0, 5, 0},
		{-1, 5, 0},
		{1e-6, 5, 1e-6},
		{5, 5, 2.5},
		{15, 5, 3.75},
		{3, 0, 0},
	} {
		if got := holling(tc.x, tc.cp); math.Abs(got-tc.want) > 1e-9 {
			t.Errorf("holling(%g, %g) = %g, want %g", tc.x, tc.cp, got, tc.want)
		}
	}
	if got := holling(1e9, 5); got > 5 {
		t.Errorf("holling(1e9, 5) = %g, above the ceiling", got)
	}
}

// The tempo ceilings bound tempo by opportunity: doubling ISK's strength
// nearly doubles its attacks without a ceiling, but raises them far less
// under historical's ceilings (the cells compete for the same targets).
// No raids, so strength is the only difference.
func TestCeilingBoundsTempo(t *testing.T) {
	s := loadTestScenario(t, "historical")
	cal := calendar(t, "2021-09-01", "2022-12-31")
	ws := []sim.Window{win("af", MAttacks, "country:afghanistan", "", "2022-01", "2022-12", sim.Sum)}
	base := clone(s.Params)
	base.RaidPhases = nil
	base.Raids.PerMonth = 0
	base.Pakistan.PerMonth = 0
	if base.Attacks.TheatreCeiling <= 0 {
		t.Fatal("historical sets no attacks.theatre_ceiling")
	}
	growth := func(p Params) float64 {
		big := clone(p)
		big.ISK.FighterPerCell *= 2
		big.ISK.StartStrength *= 2 // the same cells, each twice as strong
		return means(t, &big, cal, ws, 100)[0] / means(t, &p, cal, ws, 100)[0]
	}
	open := clone(base)
	open.Attacks.Ceiling, open.Attacks.TheatreCeiling = 0, 0
	gCap, gOpen := growth(base), growth(open)
	t.Logf("Afghan attacks in 2022 with twice the fighters: x%.2f under the ceilings, x%.2f without", gCap, gOpen)
	if !(gOpen > 1.5) {
		t.Errorf("without a ceiling, twice the fighters give x%.2f attacks, want > 1.5 (rate x fighters^exponent)", gOpen)
	}
	if !(gCap < 1.3 && gCap < gOpen-0.3) {
		t.Errorf("under the ceilings, twice the fighters give x%.2f attacks (x%.2f without), want < 1.3 and well below", gCap, gOpen)
	}
}

// attacks.opportunity_exponent ties capacity to the targets around a
// cell: under historical's theatre ceiling, raising it moves Afghan
// attacks toward the richest region (Kabul, opportunity 1) and away from
// the thin ones, while 0 leaves capacity independent of place. No raids.
func TestOpportunityExponentShiftsAttacks(t *testing.T) {
	s := loadTestScenario(t, "historical")
	cal := calendar(t, "2021-09-01", "2022-12-31")
	ws := []sim.Window{win("kabul", MAttacks, "group:kabul", "country:afghanistan", "2022-01", "2022-12", sim.Share)}
	base := clone(s.Params)
	base.RaidPhases = nil
	base.Raids.PerMonth = 0
	base.Pakistan.PerMonth = 0
	off, on := clone(base), clone(base)
	off.Attacks.OpportunityExponent, on.Attacks.OpportunityExponent = 0, 1.5
	sOff, sOn := means(t, &off, cal, ws, 60)[0], means(t, &on, cal, ws, 60)[0]
	t.Logf("Kabul's share of Afghan attacks in 2022: %.3f with exponent 0, %.3f with 1.5", sOff, sOn)
	if !(sOn > sOff+0.05) {
		t.Errorf("exponent 1.5 gives Kabul a share of %.3f against %.3f at 0, want at least 0.05 more", sOn, sOff)
	}
}

// A region's fighters_per_cell sets its cells' initial strength (mean of
// a Poisson): raising Bajaur's one cell from 15 to 60 fighters adds about
// 45 fighters to KP at the end of the first month (no raids, no moves).
func TestRegionFightersPerCell(t *testing.T) {
	s := loadTestScenario(t, "historical")
	cal := calendar(t, "2021-09-01", "2021-10-31")
	ws := []sim.Window{win("kp", MFighters, "group:kp", "", "2021-09", "2021-09", sim.EndValue)}
	base := clone(s.Params)
	base.RaidPhases = nil
	base.Raids.PerMonth = 0
	base.Pakistan.PerMonth = 0
	base.Movement.Rate = 0
	with := func(f float64) float64 {
		p := clone(base)
		p.Regions = append([]Region(nil), base.Regions...)
		n := 0
		for i := range p.Regions {
			if p.Regions[i].Group == "kp" {
				p.Regions[i].Cells = 0
				if p.Regions[i].Name == "Bajaur" {
					p.Regions[i].Cells, p.Regions[i].FightersPerCell = 1, f
					n++
				}
			}
		}
		if n != 1 {
			t.Fatal("historical has no region Bajaur in group kp")
		}
		return means(t, &p, cal, ws, 100)[0]
	}
	lo, hi := with(15), with(60)
	t.Logf("KP fighters at the end of Sept 2021: %.1f (15 per cell), %.1f (60)", lo, hi)
	if d := hi - lo; d < 35 || d > 55 {
		t.Errorf("60 instead of 15 initial fighters add %.1f to KP, want about 45", d)
	}
}
