package model

import (
	"math"

	"github.com/insurgo/insurgo/sim"
)

// move lets each cell, with probability movement.rate, weigh its region
// against its neighbours and move.
func (w *World) move(m int) {
	c := w.c
	p := c.p
	mv := p.Movement
	if mv.Rate <= 0 {
		return
	}
	// Raid risk per cell and unit intel, by country.
	var nAF, nPK int
	for i := range w.cells {
		if w.cells[i].dead {
			continue
		}
		reg := &c.regions[w.cells[i].region]
		if reg.isAF {
			nAF++
		} else if reg.isPK {
			nPK++
		}
	}
	riskAF := c.raidsPM[m] * c.raidQuality[m] / math.Max(1, float64(nAF))
	riskPK := p.Pakistan.PerMonth * p.Pakistan.Quality / math.Max(1, float64(nPK))
	risk := func(r int, intel float64) float64 {
		reg := &c.regions[r]
		var x float64
		switch {
		case reg.isAF:
			x = riskAF
		case reg.isPK:
			x = riskPK
		}
		return x * intel * (1 - reg.terrain/2)
	}
	score := func(r int, intel, diff float64) float64 {
		reg := &c.regions[r]
		return mv.OpportunityWeight*reg.opp + mv.RecruitWeight*reg.recruit - mv.RiskWeight*risk(r, intel) - diff
	}
	sc := &c.scopes
	var ws []float64
	for i := range w.cells {
		cl := &w.cells[i]
		if cl.dead || w.rMove.Float64() >= mv.Rate {
			continue
		}
		reg := &c.regions[cl.region]
		ws = ws[:0]
		best := score(cl.region, cl.intel, 0)
		ws = append(ws, best)
		for _, e := range reg.edges {
			if c.regions[e.to].abroad {
				ws = append(ws, math.Inf(-1))
				continue
			}
			s := score(e.to, w.intelAfter(cl, e), e.diff)
			ws = append(ws, s)
			best = math.Max(best, s)
		}
		var sum float64
		for k, s := range ws {
			ws[k] = math.Exp((s - best) / mv.Temperature)
			sum += ws[k]
		}
		u := w.rMove.Float64() * sum
		choice := 0
		for k, x := range ws {
			if u < x {
				choice = k
				break
			}
			u -= x
		}
		if choice == 0 {
			continue
		}
		e := reg.edges[choice-1]
		if w.rMove.Float64() < e.diff {
			continue // turned back at the crossing
		}
		cl.intel = w.intelAfter(cl, e)
		cl.region = e.to
		dr := &c.regions[e.to]
		w.hs.add(iMoves, m, 1, 0, sc.group[dr.group])
		if e.border >= 0 {
			w.hs.add(iMoves, m, 1, sc.border[e.border])
		}
		if w.rec.KeepEvents() {
			b := "internal"
			if e.border >= 0 {
				b = c.borders[e.border].name
			}
			w.rec.Event(sim.Event{Day: w.day, Kind: "move", Type: b, Region: dr.name, Size: int64(cl.fighters)})
		}
	}
}

// intelAfter is the intel on cl after it crosses edge e.
func (w *World) intelAfter(cl *cell, e edge) float64 {
	if e.border >= 0 {
		return cl.intel * w.c.borders[e.border].sharing
	}
	return cl.intel * (1 - w.c.p.Intel.MoveLoss)
}
