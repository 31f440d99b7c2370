package isk

import "math"

// theatre is the leadership's posture in one country.
type theatre struct {
	slowed        bool
	tempo         float64 // share of tempo kept this month
	pressure      float64 // smoothed monthly loss rate (posture.memory)
	damage        float64 // the same loss rate over posture.recovery months
	raidLost      int64   // fighters lost to raids there this month
	leadersLost   int     // named leaders killed there this month
	fightersStart int64   // fighters there at the start of the month
}

// slowedAt reports whether the leadership has the cells of region r lying
// low (the theatre of r's country is slowed).
func (w *World) slowedAt(r int) bool { return w.theatres[w.c.regions[r].country].slowed }

// updatePressure updates the smoothed loss rate the leadership feels, over
// all of ISK and per theatre (domain mechanism 7, posture; it also deters
// recruits, mechanism 5): the month's fighters lost to raids over the
// fighters at its start, plus posture.leader_weight per named leader
// killed, averaged into the pressure with weight 1/posture.memory.
func (w *World) updatePressure() {
	po := w.c.p.Posture
	lossRate := float64(w.raidLost)/math.Max(1, float64(w.fightersStart)) + po.LeaderWeight*float64(w.leadersLost)
	w.pressure += (lossRate - w.pressure) / po.Memory
	for i := range w.theatres {
		th := &w.theatres[i]
		loss := float64(th.raidLost)/math.Max(1, float64(th.fightersStart)) + po.LeaderWeight*float64(th.leadersLost)
		th.pressure += (loss - th.pressure) / po.Memory
		th.damage += (loss - th.damage) / po.Recovery
	}
}

// decidePosture sets each theatre's tempo for the month (domain mechanism
// 7, posture; see Posture for the family). The chosen part: the
// leadership slows a theatre whose pressure exceeds posture.threshold and
// resumes once it falls below posture.release (hysteresis); while slowed
// it keeps cut(pressure)^choice of its tempo. The imposed part:
// cut(damage)^(1-choice), whatever the leadership wants. With choice 0
// no theatre is ever slowed by choice, so the boosts and hiding never
// apply.
func (w *World) decidePosture() {
	po := w.c.p.Posture
	w.anySlowed = false
	for i := range w.theatres {
		th := &w.theatres[i]
		if po.Choice > 0 {
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
			th.tempo = math.Pow(po.cut(th.pressure), po.Choice)
		}
		if po.Choice < 1 && th.damage > po.Threshold {
			th.tempo *= math.Pow(po.cut(th.damage), 1-po.Choice)
		}
	}
}

// cut is the share of tempo kept under pressure x at or above the
// threshold: tempo × min(1, threshold/x)^depth.
func (po *Posture) cut(x float64) float64 {
	k := po.Tempo
	if po.Depth > 0 && x > po.Threshold {
		k *= math.Pow(po.Threshold/x, po.Depth)
	}
	return k
}

// countFightersStart counts the fighters at the start of the month, over
// all of ISK and per theatre: the denominators of next month's loss rates
// (see updatePressure).
func (w *World) countFightersStart() {
	c := w.c
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
}
