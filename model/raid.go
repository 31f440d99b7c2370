package model

import (
	"math"

	"github.com/insurgo/insurgo/sim"
)

// raid mounts one raid: by the GDI in Afghanistan (gdi) or by Pakistan's
// forces in KP. The force picks the cell it knows best (weight
// intel^sharpness, more near a named leader); the raid hits with
// probability quality * intel * (1 - terrain/2), times
// (1 - posture.hide × posture.choice) while the leadership has ISK lying
// low; for the GDI, raids.capacity_building then multiplies the odds of
// a hit.
func (w *World) raid(d sim.Day, gdi bool) {
	c := w.c
	p := c.p
	sc := &c.scopes
	country := "pakistan"
	quality, killFrac := p.Pakistan.Quality, p.Pakistan.KillFraction
	if gdi {
		country = "afghanistan"
		quality, killFrac = c.raidQuality[d.Month], p.Raids.KillFraction
	}
	cs := -1
	if ci, ok := sc.countryIdx[country]; ok {
		cs = sc.country[ci]
	}
	m := d.Month
	w.hs.add(iRaids, m, 1, 0)
	if cs >= 0 {
		w.hs.add(iRaids, m, 1, cs)
	}

	// Target choice.
	var total float64
	sharp := p.Raids.Sharpness
	w.rw = grow(w.rw, len(w.cells))
	rw := w.rw
	for i := range w.cells {
		cl := &w.cells[i]
		reg := &c.regions[cl.region]
		rw[i] = 0
		if cl.dead || (gdi && !reg.isAF) || (!gdi && !reg.isPK) {
			continue
		}
		rw[i] = w.raidWeight(cl, sharp)
		total += rw[i]
	}
	if total <= 0 {
		return
	}
	pick := pickWeighted(w.rRaid.Float64()*total, rw)
	if pick < 0 {
		return
	}
	cl := &w.cells[pick]
	reg := &c.regions[cl.region]
	gs := sc.group[reg.group]
	w.hs.add(iRaids, m, 1, gs)
	ph := quality * cl.intel * (1 - reg.terrain/2)
	if w.slowedAt(cl.region) {
		ph *= 1 - c.hide // lying low: safe houses, no movement
	}
	if cb := p.Raids.CapacityBuilding; gdi && cb != 1 {
		ph = cb * ph / (1 - ph + cb*ph) // odds times cb
	}
	hit := w.rRaid.Float64() < ph
	killed := 0
	if hit {
		w.hs.add(iRaidHits, m, 1, 0, sc.country[reg.country], gs)
		killed = max(1, binomial(w.rRaid, cl.fighters, killFrac))
		cl.plotFrom = w.day // the plot is disrupted
		cl.money *= 1 - p.Raids.Seizure
		cl.explosives *= 1 - p.Raids.Seizure
		if cl.cmdUntil <= w.day && w.rRaid.Float64() < p.Raids.CommanderKill {
			cl.cmdUntil = w.day + expDays(w.rLead, c.ranks[c.commanderRank].SuccessionDays)
			w.nextCmdDay = min(w.nextCmdDay, cl.cmdUntil)
			w.hs.add(iCommanders, m, 1, 0, sc.country[reg.country], gs)
		}
		// Named leaders based in the region may be caught.
		if w.leadersIn[cl.region] > 0 && p.Raids.SeniorKill > 0 {
			for li, l := range c.leaders {
				if l.region == cl.region && !w.leaderVacant[li] && w.rRaid.Float64() < p.Raids.SeniorKill {
					w.killLeader(li, d)
				}
			}
		}
		// Captures talk: intel on the cell and its siblings (same group).
		ci := p.Raids.CaptureIntel
		if ci > 0 {
			g := reg.group
			for j := range w.cells {
				o := &w.cells[j]
				if !o.dead && c.regions[o.region].group == g {
					o.intel += ci * (1 - o.intel)
				}
			}
		}
		w.raidLost += int64(min(killed, cl.fighters))
		w.theatres[reg.country].raidLost += int64(min(killed, cl.fighters))
		w.lose(pick, killed)
		if !w.cells[pick].dead {
			w.refresh(pick)
		}
	}
	if w.rec.KeepEvents() {
		kind := "pakistan"
		if gdi {
			kind = "gdi"
		}
		w.rec.Event(sim.Event{Day: d.Index, Kind: "raid", Type: kind, Region: reg.name, Fields: []sim.Field{
			{Name: FieldKilled, Value: int64(killed)}, {Name: FieldHit, Value: sim.Flag(hit)},
		}})
	}
}

// raidWeight is the targeting weight of a cell.
func (w *World) raidWeight(cl *cell, sharp float64) float64 {
	var x float64
	switch sharp {
	case 0:
		x = 1
	case 1:
		x = cl.intel
	case 2:
		x = cl.intel * cl.intel
	default:
		x = math.Pow(cl.intel, sharp)
	}
	if w.leadersIn[cl.region] > 0 {
		x *= 1 + w.c.p.Raids.LeaderPriority
	}
	return x
}
