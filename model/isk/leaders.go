package isk

import (
	"math"

	"github.com/insurgo/insurgo/sim"
)

// killLeader removes named leader li from post until a successor arrives.
func (w *World) killLeader(li int, d sim.Day) {
	if w.leaderVacant[li] {
		return
	}
	c := w.c
	l := &c.leaders[li]
	w.leaderVacant[li] = true
	w.leaderUntil[li] = d.Index + expDays(w.rLead, c.ranks[l.rank].SuccessionDays)
	w.leadersIn[l.region]--
	w.leadersLost++
	w.theatres[c.regions[l.region].country].leadersLost++
	w.nextLeaderDay = min(w.nextLeaderDay, w.leaderUntil[li])
	w.hs.add(iLeadersKilled, d.Month, 1, 0, l.countryS)
	if w.rec.KeepEvents() {
		w.rec.Event(sim.Event{Day: d.Index, Kind: "leader_killed", Type: c.ranks[l.rank].Name, Region: c.regions[l.region].name})
	}
	w.updateLeaders()
	w.refreshAll()
}

// leaderEvents applies the scripted kills and successions due on day d.
func (w *World) leaderEvents(d sim.Day) {
	c := w.c
	changed := false
	for li, l := range c.leaders {
		if w.leaderVacant[li] && w.leaderUntil[li] <= d.Index {
			w.leaderVacant[li] = false
			w.leadersIn[l.region]++
			changed = true
		}
	}
	for li, l := range c.leaders {
		if l.killed == d.Index {
			w.killLeader(li, d)
		}
	}
	if changed {
		w.updateLeaders()
		w.refreshAll()
	}
	w.nextLeaderDay = w.leaderHorizon(d.Index)
}

// leaderHorizon returns the first day after day on which a leader event is
// due.
func (w *World) leaderHorizon(day int) int {
	next := math.MaxInt
	for li, l := range w.c.leaders {
		if l.killed > day {
			next = min(next, l.killed)
		}
		if w.leaderVacant[li] {
			next = min(next, max(day+1, w.leaderUntil[li]))
		}
	}
	return next
}

// updateLeaders recomputes the tempo factor of each group from the vacant
// posts over it, and the propaganda factor from vacant ideologues.
func (w *World) updateLeaders() {
	c := w.c
	for g := range w.groupFactor {
		f := 1.0
		for _, li := range c.chain[g] {
			if w.leaderVacant[li] {
				f *= 1 - c.ranks[c.leaders[li].rank].Effect
			}
		}
		w.groupFactor[g] = f
	}
	w.ideologueFactor = 1
	for li, l := range c.leaders {
		if l.ideolog && w.leaderVacant[li] {
			w.ideologueFactor = 1 - c.p.Media.IdeologueEffect
		}
	}
}

// commandersReturn refreshes cells whose commander is replaced today and
// finds the next such day.
func (w *World) commandersReturn(d sim.Day) {
	next := math.MaxInt
	for i := range w.cells {
		cl := &w.cells[i]
		if cl.dead {
			continue
		}
		if cl.cmdUntil == d.Index {
			w.refresh(i)
		} else if cl.cmdUntil > d.Index {
			next = min(next, cl.cmdUntil)
		}
	}
	w.nextCmdDay = next
}
