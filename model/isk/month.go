package isk

import (
	"math"

	"github.com/insurgo/insurgo/sim"
)

// newMonth runs the monthly mechanisms on the first day of month d.Month,
// in this order (the order fixes the random draws, so it is part of the
// model): the leadership's pressure and notoriety are updated from the
// month just ended, each theatre's posture is decided, dead cells are
// dropped, then intelligence, upkeep, attrition, recruitment, movement and
// cell splits act on the living cells; finally the fighters at the start
// of the month are counted, every attack rate is recomputed and the
// month's propaganda is recorded.
func (w *World) newMonth(d sim.Day) {
	first := w.month < 0
	w.month = d.Month
	m := d.Month

	if !first {
		w.updatePressure()
		w.updateNotoriety()
	}
	w.decidePosture()
	w.startMonthTallies()
	w.dropDeadCells()
	w.gatherIntel(m)
	w.upkeep()
	w.attrition()
	w.recruit(m)
	w.move(m)
	w.split()
	w.countFightersStart()
	w.refreshAll()
	w.recordPropaganda(m)
}

// startMonthTallies zeroes the month's running counts (raid losses and
// leaders lost, overall and per theatre; claimed and mounted attacks),
// once the posture and notoriety have read them.
func (w *World) startMonthTallies() {
	for i := range w.theatres {
		th := &w.theatres[i]
		th.raidLost, th.leadersLost = 0, 0
	}
	w.raidLost, w.leadersLost, w.claimedMonth, w.attacksMonth = 0, 0, 0, 0
}

// monthEnd sets the month-end gauges and observes the month's attacks.
func (w *World) monthEnd(d sim.Day) {
	c := w.c
	sc := &c.scopes
	m := d.Month
	// Country and group scopes come right after total (see newScopeTable).
	nc := 1 + len(sc.countries) + len(Groups)
	if len(w.gauge) < 3*nc {
		w.gauge = make([]int64, 3*nc)
	}
	clear(w.gauge)
	fs, cs, vs := w.gauge[:nc], w.gauge[nc:2*nc], w.gauge[2*nc:3*nc]
	for i := range w.cells {
		cl := &w.cells[i]
		if cl.dead {
			continue
		}
		reg := &c.regions[cl.region]
		for _, s := range [3]int{0, sc.country[reg.country], sc.group[reg.group]} {
			fs[s] += int64(cl.fighters)
			cs[s]++
			vs[s] += int64(cl.volunteers)
		}
	}
	// Gauges in total, every country and every group (zeros included).
	set := func(s int) {
		w.hs.set(iFighters, m, fs[s], s)
		w.hs.set(iCells, m, cs[s], s)
	}
	set(0)
	w.hs.set(iVolunteers, m, vs[0], 0)
	for _, s := range sc.country {
		set(s)
	}
	for _, s := range sc.group {
		set(s)
	}
	if w.anySlowed {
		w.hs.set(iSlowed, m, 1, 0)
	}
	w.hs.set(iPressure, m, int64(math.Round(1e4*w.pressure)), 0)
	for i := range w.theatres {
		th := &w.theatres[i]
		if th.slowed {
			w.hs.set(iSlowed, m, 1, sc.country[i])
		}
		w.hs.set(iPressure, m, int64(math.Round(1e4*th.pressure)), sc.country[i])
	}
	w.rec.Observe(SampleAttacksPM, w.attacksMonth)
}
