package isk

import (
	"math"

	"github.com/insurgo/insurgo/sim"
)

// raid mounts one raid of force f on day d (domain mechanism 2): the
// force picks the cell it knows best in its country (raidTarget), hits it
// with the chance raidHitChance gives, and a hit kills, seizes, catches
// and learns (raidHit). Draws come from the "raids" stream in that order.
func (w *World) raid(d sim.Day, f *raidForce) {
	m := d.Month
	w.hs.add(iRaids, m, 1, 0)
	if f.countryScope >= 0 {
		w.hs.add(iRaids, m, 1, f.countryScope)
	}
	pick := w.raidTarget(f)
	if pick < 0 {
		return
	}
	reg := &w.c.regions[w.cells[pick].region]
	w.hs.add(iRaids, m, 1, w.c.scopes.group[reg.group])
	hit := w.rRaid.Float64() < w.raidHitChance(&w.cells[pick], f, m)
	killed := 0
	if hit {
		killed = w.raidHit(pick, d, f)
	}
	if w.rec.KeepEvents() {
		w.rec.Event(sim.Event{Day: d.Index, Kind: "raid", Type: f.kind, Region: reg.name, Fields: []sim.Field{
			{Name: FieldKilled, Value: int64(killed)}, {Name: FieldHit, Value: sim.Flag(hit)},
		}})
	}
}

// raidTarget draws the cell force f raids, among the living cells in its
// country, with weight intel^raids.sharpness, times 1 +
// raids.leader_priority where a named leader is based; -1 when there is
// none.
func (w *World) raidTarget(f *raidForce) int {
	c := w.c
	// Each region's factor for this raid: 0 outside the force's country,
	// else the leader priority (1 without a named leader: x*1 is x).
	w.regMult = grow(w.regMult, len(c.regions))
	mult := w.regMult
	lp := 1 + c.p.Raids.LeaderPriority
	for r := range c.regions {
		switch {
		case c.regions[r].country != f.country:
			mult[r] = 0
		case w.leadersIn[r] > 0:
			mult[r] = lp
		default:
			mult[r] = 1
		}
	}
	var total float64
	sharp := c.p.Raids.Sharpness
	w.rw = grow(w.rw, len(w.cells))
	rw, cells := w.rw, w.cells
	for i := range cells {
		cl := &cells[i]
		rw[i] = 0
		if cl.dead || mult[cl.region] == 0 {
			continue
		}
		rw[i] = intelPow(cl.intel, sharp) * mult[cl.region]
		total += rw[i]
	}
	if total <= 0 {
		return -1
	}
	return pickWeighted(w.rRaid.Float64()*total, rw)
}

// raidHitChance is the chance a raid of force f in month m hits cell cl:
// quality × intel × the region's searchability, times
// (1 - posture.hide × posture.choice) while the cell's theatre lies low;
// the force's capacity building then multiplies the odds.
func (w *World) raidHitChance(cl *cell, f *raidForce, m int) float64 {
	reg := &w.c.regions[cl.region]
	ph := f.quality[m] * cl.intel * reg.searchable
	if w.slowedAt(cl.region) {
		ph *= 1 - w.c.hide // lying low: safe houses, no movement
	}
	if cb := f.capacityBuilding; cb != 1 {
		ph = cb * ph / (1 - ph + cb*ph) // odds times cb
	}
	return ph
}

// raidHit applies a hit on cell pick and returns the fighters killed or
// captured: at least one, binomial in the force's kill fraction; the
// plot disrupted; raids.seizure of the stocks seized; the commander
// caught with raids.commander_kill; named leaders based in the region
// caught with raids.senior_kill each; and what the captured say
// (raids.capture_intel on every cell of the group).
func (w *World) raidHit(pick int, d sim.Day, f *raidForce) int {
	c := w.c
	p := c.p
	sc := &c.scopes
	m := d.Month
	cl := &w.cells[pick]
	reg := &c.regions[cl.region]
	gs := sc.group[reg.group]
	w.hs.add(iRaidHits, m, 1, 0, sc.country[reg.country], gs)
	killed := max(1, binomial(w.rRaid, cl.fighters, f.killFraction))
	cl.plotFrom = w.day // the plot is disrupted
	cl.money *= 1 - p.Raids.Seizure
	cl.explosives *= 1 - p.Raids.Seizure
	if cl.cmdUntil <= w.day && w.rRaid.Float64() < p.Raids.CommanderKill {
		cl.cmdUntil = w.day + expDays(w.rLead, c.ranks[c.commanderRank].SuccessionDays)
		w.nextCmdDay = min(w.nextCmdDay, cl.cmdUntil)
		w.hs.add(iCommanders, m, 1, 0, sc.country[reg.country], gs)
	}
	if w.leadersIn[cl.region] > 0 && p.Raids.SeniorKill > 0 {
		for li, l := range c.leaders {
			if l.region == cl.region && !w.leaderVacant[li] && w.rRaid.Float64() < p.Raids.SeniorKill {
				w.killLeader(li, d)
			}
		}
	}
	if ci := p.Raids.CaptureIntel; ci > 0 {
		for j := range w.cells {
			o := &w.cells[j]
			if !o.dead && c.regions[o.region].group == reg.group {
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
	return killed
}

// intelPow is intel^sharp, exactly for the usual sharpness 0, 1 and 2
// (small enough to be inlined in raidTarget's walk over the cells).
func intelPow(intel, sharp float64) float64 {
	switch sharp {
	case 2:
		return intel * intel
	case 1:
		return intel
	case 0:
		return 1
	}
	return intelPowAny(intel, sharp)
}

// intelPowAny is intel^sharp for any other sharpness.
//
//go:noinline
func intelPowAny(intel, sharp float64) float64 { return math.Pow(intel, sharp) }
