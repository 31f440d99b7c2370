package isk

import "math"

// cellRate returns a cell's daily attack capacity (what its fighters and
// skill could mount where it is, before any ceiling: see
// attacks.opportunity_exponent) and the share of it that its
// command and posture let it use (commander and leaders in post, the
// theatre's tempo).
func (w *World) cellRate(cl *cell) (capacity, use float64) {
	if cl.dead || cl.fighters <= 0 || !w.canAttack(cl) {
		return 0, 0
	}
	reg := &w.c.regions[cl.region]
	capacity = w.c.ratePerDay * w.c.size(cl.fighters) * cl.skill * reg.oppCap
	use = w.groupFactor[reg.group] * w.theatres[reg.country].tempo
	if cl.cmdUntil > w.day {
		use *= 1 - w.c.ranks[w.c.commanderRank].Effect
	}
	return capacity, use
}

// Tempo bookkeeping. A cell's realised daily rate is
//
//	rate × use × regSat[region] × ctySat[country]
//
// where regSat = holling(regRaw)/regRaw saturates the summed capacity of
// the region's cells under attacks.ceiling, and ctySat does the same one
// level up for the summed (saturated) capacity of the country's regions
// under attacks.theatre_ceiling. The ceilings bound what the cells could
// do; command losses and the posture then take their share of it, so a
// chosen slowdown or a decapitation cuts the realised tempo in full.
// Every update is O(1): a cell's change moves its region's and country's
// sums only.

// refresh recomputes cell i's rate and use, its region's and country's
// sums and the total.
func (w *World) refresh(i int) {
	cl := &w.cells[i]
	oldRate, oldUsed := cl.rate, cl.rate*cl.use
	cl.rate, cl.use = w.cellRate(cl)
	w.addRaw(cl.region, cl.rate-oldRate, cl.rate*cl.use-oldUsed)
}

// addRaw changes region r's summed capacity by d and its summed used
// capacity by du, then updates the saturations and the total.
func (w *World) addRaw(r int, d, du float64) {
	c := w.c
	k := c.regions[r].country
	raw := clamp0(w.regRaw[r] + d)
	used := clamp0(w.regUsed[r] + du)
	eff := c.saturate(r, raw)
	sat := ratio(eff, raw)
	in := clamp0(w.ctyIn[k] + eff - w.regEff[r])
	usedIn := clamp0(w.ctyUsed[k] + used*sat - w.regUsed[r]*w.regSat[r])
	w.regRaw[r], w.regUsed[r], w.regEff[r], w.regSat[r] = raw, used, eff, sat
	w.ctyIn[k], w.ctyUsed[k] = in, usedIn
	w.ctySat[k] = ratio(c.saturateCountry(k, in), in)
	tot := usedIn * w.ctySat[k]
	w.baseTotal = clamp0(w.baseTotal + tot - w.ctyTotal[k])
	w.ctyTotal[k] = tot
}

// refreshAll recomputes every rate and the sums exactly.
func (w *World) refreshAll() {
	c := w.c
	clear(w.regRaw)
	clear(w.regUsed)
	clear(w.ctyIn)
	clear(w.ctyUsed)
	for i := range w.cells {
		cl := &w.cells[i]
		cl.rate, cl.use = w.cellRate(cl)
		w.regRaw[cl.region] += cl.rate
		w.regUsed[cl.region] += cl.rate * cl.use
	}
	for r, raw := range w.regRaw {
		eff := c.saturate(r, raw)
		w.regEff[r] = eff
		w.regSat[r] = ratio(eff, raw)
		k := c.regions[r].country
		w.ctyIn[k] += eff
		w.ctyUsed[k] += w.regUsed[r] * w.regSat[r]
	}
	w.baseTotal = 0
	for k, in := range w.ctyIn {
		w.ctySat[k] = ratio(c.saturateCountry(k, in), in)
		w.ctyTotal[k] = w.ctyUsed[k] * w.ctySat[k]
		w.baseTotal += w.ctyTotal[k]
	}
}

// clamp0 returns x, or 0 when x is below rounding noise.
func clamp0(x float64) float64 {
	if x < 1e-12 {
		return 0
	}
	return x
}

// ratio is a/b, or 1 when b is 0 (nothing to saturate).
func ratio(a, b float64) float64 {
	if b <= 0 {
		return 1
	}
	return a / b
}

// saturate returns the combined daily attack rate of region r's cells
// whose unsaturated rates sum to raw: raw/(1 + raw/cap) (Holling type II)
// with cap the region's ceiling, or raw when there is no ceiling. A
// region without opportunity offers no attacks.
func (c *compiled) saturate(r int, raw float64) float64 {
	if c.p.Attacks.Ceiling <= 0 {
		return raw
	}
	return holling(raw, c.regions[r].capDay)
}

// saturateCountry returns the combined daily attack rate of country k
// whose regions' (already saturated) rates sum to x.
func (c *compiled) saturateCountry(k int, x float64) float64 {
	if c.p.Attacks.TheatreCeiling <= 0 {
		return x
	}
	return holling(x, c.capCountry[k])
}

// holling is the Holling type II response x/(1 + x/cp): about x while
// x << cp, tending to cp as x grows. A zero ceiling gives 0.
func holling(x, cp float64) float64 {
	if x <= 0 {
		return 0
	}
	if cp <= 0 {
		return 0
	}
	return x / (1 + x/cp)
}

// size is a cell's attack capacity in fighter equivalents:
// f^exponent * 10^(1-exponent), so that a 10-fighter cell counts 10.
func (c *compiled) size(f int) float64 {
	if f < len(c.sizes) {
		return c.sizes[f]
	}
	return c.sizeSlow(f)
}

func (c *compiled) sizeSlow(f int) float64 {
	e := c.p.Attacks.Exponent
	return math.Pow(float64(f), e) * math.Pow(10, 1-e)
}
