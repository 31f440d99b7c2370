package model

import "math"

// theatre is the leadership's posture in one country.
type theatre struct {
	slowed        bool
	tempo         float64 // share of tempo kept this month
	pressure      float64 // smoothed monthly loss rate
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
	}
}

// decidePosture sets each theatre's tempo for the month (domain mechanism
// 7, posture). Under posture.mode = "slowdown" the leadership slows a
// theatre whose pressure exceeds posture.threshold and resumes once it
// falls below posture.release (hysteresis); a slowed theatre keeps
// posture.tempo of its tempo, cut further by
// (threshold/pressure)^posture.depth while pressure stays above the
// threshold. Under "degradation" no theatre is ever slowed and the tempo
// stays 1, so only losses lower it.
func (w *World) decidePosture() {
	po := w.c.p.Posture
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
	}
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
