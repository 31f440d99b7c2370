package isk

import (
	"math"

	"github.com/insurgo/insurgo/sim"
)

// move lets cells choose where to be (domain mechanism 4, displacement).
// Each living cell, with probability movement.rate, weighs staying against
// every neighbouring region not abroad: a region scores
// movement.opportunity_weight × opportunity + movement.recruit_weight ×
// recruiting - movement.risk_weight × raid risk (see raidRisk) - the
// edge's difficulty, and the cell picks by a softmax of temperature
// movement.temperature (see pickSoftmax), then crosses (see cross). Draws
// come from the "movement" stream, cell by cell.
func (w *World) move(m int) {
	c := w.c
	p := c.p
	mv := p.Movement
	if mv.Rate <= 0 {
		return
	}
	risks := w.raidRisk(m)
	risk := func(r int, intel float64) float64 {
		reg := &c.regions[r]
		var x float64
		if reg.force >= 0 {
			x = risks[reg.force]
		}
		return x * intel * reg.searchable
	}
	score := func(r int, intel, diff float64) float64 {
		reg := &c.regions[r]
		return mv.OpportunityWeight*reg.opp + mv.RecruitWeight*reg.recruit - mv.RiskWeight*risk(r, intel) - diff
	}
	for i := range w.cells {
		cl := &w.cells[i]
		if cl.dead || w.rMove.Float64() >= mv.Rate {
			continue
		}
		reg := &c.regions[cl.region]
		ws := w.mw[:0]
		best := score(cl.region, cl.intel, 0)
		ws = append(ws, best)
		for _, e := range reg.edges {
			if c.regions[e.to].abroad {
				ws = append(ws, math.Inf(-1))
				continue
			}
			s := score(e.to, w.intelAfter(cl, e), e.diff)
			ws = append(ws, s)
			best = max(best, s)
		}
		w.mw = ws
		choice := w.pickSoftmax(ws, best, mv.Temperature)
		if choice == 0 {
			continue
		}
		w.cross(cl, reg.edges[choice-1], m)
	}
}

// raidRisk returns, for month m, the raid risk per cell and unit intel
// of each raiding force: its raids per month × their quality, per living
// cell in its country. A cell's risk in a region is that of the force
// raiding there, times its intel and the region's searchability. The
// slice is the world's scratch, valid until the next call.
func (w *World) raidRisk(m int) []float64 {
	c := w.c
	n := w.forceCells[:0]
	for range c.forces {
		n = append(n, 0)
	}
	w.forceCells = n
	for i := range w.cells {
		if w.cells[i].dead {
			continue
		}
		if fi := c.regions[w.cells[i].region].force; fi >= 0 {
			n[fi]++
		}
	}
	risks := w.risks[:0]
	for fi := range c.forces {
		f := &c.forces[fi]
		risks = append(risks, f.perMonth[m]*f.quality[m]/math.Max(1, float64(n[fi])))
	}
	w.risks = risks
	return risks
}

// pickSoftmax turns the scores ws (best the largest) in place into weights
// exp((s - best)/temperature) and draws an index in proportion to them,
// with one uniform from the "movement" stream. Index 0 is staying put.
func (w *World) pickSoftmax(ws []float64, best, temperature float64) int {
	var sum float64
	for k, s := range ws {
		ws[k] = math.Exp((s - best) / temperature)
		sum += ws[k]
	}
	return max(0, pickWeighted(w.rMove.Float64()*sum, ws))
}

// cross moves cell cl across edge e in month m, unless it is turned back
// at the crossing (probability the edge's difficulty, one draw from the
// "movement" stream). The cell's intel becomes intelAfter; the move is
// recorded by destination group and border, with an event when events are
// kept.
func (w *World) cross(cl *cell, e edge, m int) {
	c := w.c
	sc := &c.scopes
	if w.rMove.Float64() < e.diff {
		return // turned back at the crossing
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
		w.rec.Event(sim.Event{Day: w.day, Kind: "move", Type: b, Region: dr.name, Fields: []sim.Field{{Name: FieldFighters, Value: int64(cl.fighters)}}})
	}
}

// intelAfter is the intel on cl after it crosses edge e.
func (w *World) intelAfter(cl *cell, e edge) float64 {
	if e.border >= 0 {
		return cl.intel * w.c.borders[e.border].sharing
	}
	return cl.intel * (1 - w.c.p.Intel.MoveLoss)
}
