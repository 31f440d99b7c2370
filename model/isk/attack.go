package isk

import (
	"math"

	"github.com/insurgo/insurgo/sim"
)

// typeWeights fills w.weights with the choice weight of each attack type
// for cell cl (0 where the cell cannot mount it) and returns their sum.
func (w *World) typeWeights(cl *cell) float64 {
	c := w.c
	base := c.regions[cl.region].typeBase
	slowed := w.slowedAt(cl.region)
	var sum float64
	for t := range c.types {
		wt := w.typeWeight(cl, t, base[t], slowed)
		w.weights[t] = wt
		sum += wt
	}
	return sum
}

// typeWeight is the choice weight of attack type t for cell cl, given
// its region's typeBase[t] and whether the region's theatre is slowed: 0
// when the cell lacks the skill, money or explosives, times
// posture.impact_boost for a high-impact type while slowed.
func (w *World) typeWeight(cl *cell, t int, base float64, slowed bool) float64 {
	ty := &w.c.types[t]
	if !(ty.Weight > 0 && cl.skill >= ty.MinSkill && cl.money >= ty.Cost && cl.explosives >= ty.Explosives) {
		return 0
	}
	if slowed && ty.HighImpact {
		base *= w.c.impactBoost
	}
	return base
}

// canAttack reports whether cl can mount any attack type now: whether
// some type's weight is positive (weights are never negative, so this is
// typeWeights(cl) > 0 without filling the weights).
func (w *World) canAttack(cl *cell) bool {
	base := w.c.regions[cl.region].typeBase
	slowed := w.slowedAt(cl.region)
	for t := range w.c.types {
		if w.typeWeight(cl, t, base[t], slowed) > 0 {
			return true
		}
	}
	return false
}

// attack picks the attacking cell in proportion to its realised rate
// (see refresh) plus its excitation and mounts one attack. The pick is
// pickWeighted's over the cells' weights, each computed as the walk
// reaches it, so that the cells after the pick cost nothing.
func (w *World) attack(d sim.Day) {
	total := w.baseTotal + w.excTotal
	if total <= 0 {
		return
	}
	u := w.rAtt.Float64() * total
	pick := -1
	cells, regSat, ctySat, country, excG := w.cells, w.regSat, w.ctySat, w.c.regionCountry, w.excG
	for i := range cells {
		cl := &cells[i]
		if cl.dead {
			continue
		}
		wt := cl.rate*cl.use*regSat[cl.region]*ctySat[country[cl.region]] + cl.exc*excG
		if wt <= 0 {
			continue
		}
		pick = i
		if u < wt {
			break
		}
		u -= wt
	}
	if pick >= 0 {
		w.mount(pick, d)
	}
}

// mount has cell i mount one attack on day d.
func (w *World) mount(i int, d sim.Day) {
	c := w.c
	p := c.p
	cl := &w.cells[i]
	sum := w.typeWeights(cl)
	if sum <= 0 {
		return
	}
	t := pickWeighted(w.rAtt.Float64()*sum, w.weights)
	ty := &c.types[t]
	reg := &c.regions[cl.region]
	where := cl.region
	if ty.Abroad {
		var s float64
		w.aw = grow(w.aw, len(reg.abroadNbr))
		for k, ei := range reg.abroadNbr {
			w.aw[k] = c.regions[reg.edges[ei].to].targets[t]
			s += w.aw[k]
		}
		if k := pickWeighted(w.rAtt.Float64()*s, w.aw); k >= 0 {
			where = reg.edges[reg.abroadNbr[k]].to
		}
	}

	ps := ty.Suicide
	if w.slowedAt(cl.region) {
		ps = min(1, ps*c.suicideBoost)
	}
	suicide := cl.volunteers > 0 && w.rCas.Float64() < ps
	claimed := w.rCas.Float64() < ty.Claim
	deaths, wounded := w.toll(cl, ty, where, suicide)
	cas := deaths + wounded
	cl.plotFrom = w.day

	cl.money -= ty.Cost
	cl.explosives -= ty.Explosives
	cl.intel += p.Attacks.Exposure * (1 - cl.intel)
	cl.skill += p.ISK.SkillGain * (1 - cl.skill)
	kick := c.excKick
	cl.exc += kick / w.excG
	w.excTotal += kick

	m := d.Month
	sc := &c.scopes
	wr := &c.regions[where]
	cs, gs, rs, ts := sc.country[wr.country], sc.group[wr.group], sc.region[where], sc.typ[t]
	w.hs.add(iAttacks, m, 1, 0, cs, gs, rs, ts)
	w.attacksMonth++
	if claimed {
		w.hs.add(iClaimed, m, 1, 0, cs, gs, rs, ts)
		w.claimedMonth++
	}
	if suicide {
		w.hs.add(iSuicide, m, 1, 0, cs, gs, ts)
	}
	w.hs.add(iCasualties, m, int64(cas), 0, cs, gs, ts)
	w.hs.add(iDeaths, m, int64(deaths), 0, cs, gs, ts)
	w.hs.add(iWounded, m, int64(wounded), 0, cs, gs, ts)
	w.rec.Observe(SampleCasualty, int64(cas))
	w.rec.Observe(SampleDeaths, int64(deaths))
	if w.rec.KeepEvents() {
		w.rec.Event(sim.Event{Day: d.Index, Kind: "attack", Type: ty.Name, Region: wr.name, Fields: []sim.Field{
			{Name: FieldCasualties, Value: int64(cas)}, {Name: FieldDeaths, Value: int64(deaths)}, {Name: FieldWounded, Value: int64(wounded)},
			{Name: FieldSuicide, Value: sim.Flag(suicide)}, {Name: FieldClaimed, Value: sim.Flag(claimed)},
		}})
	}

	// Losses: the bomber, or those caught in the response.
	if suicide {
		cl.volunteers--
		w.lose(i, 1)
	} else if p.Attacks.Loss > 0 {
		w.lose(i, c.attackLoss.draw(w.rAtt))
	}
	if !w.cells[i].dead {
		w.refresh(i)
	}
}

// toll draws the deaths and wounded of an attack of type ty by cell cl on
// region where (see AttackType): the mean deaths are the type's, times
// its suicide multiplier for a suicide attack, times the crowd of the
// region struck, times exp(attacks.plot_growth × the months the cell has
// prepared since its last attack or the last raid that hit it), at most
// the type's max_deaths. Draws come from the "casualties" stream.
func (w *World) toll(cl *cell, ty *ctype, where int, suicide bool) (deaths, wounded int) {
	c := w.c
	mean := ty.Deaths * c.regions[where].crowd
	if suicide {
		mean *= ty.SuicideDeaths
	}
	if c.plotGrowthDay > 0 {
		mean *= math.Exp(c.plotGrowthDay * float64(w.day-cl.plotFrom))
	}
	hi := float64(ty.MaxDeaths)
	mean = min(mean, hi)
	deaths = min(poisson(w.rCas, mean), ty.MaxDeaths)
	wounded = poisson(w.rCas, ty.Wounded*mean)
	return deaths, wounded
}
