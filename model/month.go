package model

import (
	"math"

	"github.com/insurgo/insurgo/sim"
)

// newMonth runs the monthly mechanisms on the first day of month d.Month:
// the posture decision, intelligence, upkeep, attrition, recruitment,
// movement and cell splits; then it recomputes every attack rate.
func (w *World) newMonth(d sim.Day) {
	c := w.c
	p := c.p
	first := w.month < 0
	w.month = d.Month
	m := d.Month

	po := p.Posture
	if !first {
		lossRate := float64(w.raidLost)/math.Max(1, float64(w.fightersStart)) + po.LeaderWeight*float64(w.leadersLost)
		w.pressure += (lossRate - w.pressure) / po.Memory
		w.notoriety += (float64(w.claimedMonth)/p.Recruitment.NotorietyRef - w.notoriety) / p.Recruitment.NotorietyMemory
		for i := range w.theatres {
			th := &w.theatres[i]
			loss := float64(th.raidLost)/math.Max(1, float64(th.fightersStart)) + po.LeaderWeight*float64(th.leadersLost)
			th.pressure += (loss - th.pressure) / po.Memory
		}
	}
	w.anySlowed = false
	for i := range w.theatres {
		th := &w.theatres[i]
		if po.Mode == Slowdown {
			switch {
			case !th.slowed && th.pressure > po.Threshold:
				th.slowed = true
			case th.slowed && th.pressure < po.Release:
				th.slowed = false
			}
		}
		th.tempo = 1
		if th.slowed {
			w.anySlowed = true
			th.tempo = po.Tempo
			if po.Depth > 0 && th.pressure > po.Threshold {
				th.tempo *= math.Pow(po.Threshold/th.pressure, po.Depth)
			}
		}
		th.raidLost, th.leadersLost = 0, 0
	}
	w.raidLost, w.leadersLost, w.claimedMonth, w.attacksMonth = 0, 0, 0, 0

	// Drop dead cells (order kept) and re-anchor the excitation.
	live := w.cells[:0]
	for _, cl := range w.cells {
		if !cl.dead {
			cl.exc *= w.excG
			live = append(live, cl)
		}
	}
	clear(w.cells[len(live):])
	w.cells = live
	w.excG = 1
	w.excTotal = 0
	for i := range w.cells {
		w.excTotal += w.cells[i].exc
	}

	// Intelligence: informants accrue toward 1, knowledge decays.
	in := p.Intel
	for i := range w.cells {
		cl := &w.cells[i]
		reg := &c.regions[cl.region]
		gain := c.informants[m] * reg.presence * (1 - reg.terrain/2)
		if w.theatres[reg.country].slowed {
			gain *= 1 - p.Posture.Hide
		}
		cl.intel += gain*(1-cl.intel) - in.Decay*cl.intel
		cl.intel = math.Min(1, math.Max(0, cl.intel))
	}

	// Upkeep and attrition.
	k := p.ISK
	sc := &c.scopes
	for i := range w.cells {
		cl := &w.cells[i]
		f := float64(cl.fighters)
		cl.money = math.Min(cl.money+k.Income*f, math.Max(cl.money, k.Income*f*k.StockMonths))
		cl.explosives = math.Min(cl.explosives+k.Supply*f, math.Max(cl.explosives, k.Supply*f*k.StockMonths))
		if k.Attrition > 0 {
			// Poisson thinning of a small monthly rate (binomial for
			// rare events, without one draw per fighter).
			w.lose(i, poisson(w.rAttr, float64(cl.fighters)*k.Attrition))
		}
	}

	w.recruit(m)
	w.move(m)

	// Splits.
	for i, n := 0, len(w.cells); i < n; i++ {
		cl := &w.cells[i]
		if cl.dead || cl.fighters < k.SplitSize {
			continue
		}
		half := cl.fighters / 2
		hv := cl.volunteers / 2
		cl.fighters -= half
		cl.volunteers -= hv
		money, expl := cl.money/2, cl.explosives/2
		cl.money -= money
		cl.explosives -= expl
		region, intel, skill := cl.region, cl.intel, cl.skill
		j := w.newCell(region, half, hv, intel)
		w.cells[j].money, w.cells[j].explosives, w.cells[j].skill = money, expl, skill
	}

	var f int64
	for i := range w.theatres {
		w.theatres[i].fightersStart = 0
	}
	for i := range w.cells {
		cl := &w.cells[i]
		f += int64(cl.fighters)
		w.theatres[c.regions[cl.region].country].fightersStart += int64(cl.fighters)
	}
	w.fightersStart = f
	w.refreshAll()

	// Propaganda output that gets through.
	var out float64
	for l, o := range c.langOut[m] {
		o *= w.ideologueFactor
		out += o
		w.hs.add(iPropaganda, m, int64(math.Round(o)), sc.language[l])
	}
	w.hs.add(iPropaganda, m, int64(math.Round(out)), 0)
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
