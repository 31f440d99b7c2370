package isk

// upkeep is the monthly income and supply of each cell (domain mechanism
// 1, tempo and capacity): isk.income money and isk.supply explosives per
// fighter, stocks capped at isk.stock_months of that inflow (a stock
// already above the cap is kept, not cut).
func (w *World) upkeep() {
	k := w.c.p.ISK
	for i := range w.cells {
		cl := &w.cells[i]
		f := float64(cl.fighters)
		cl.money = min(cl.money+k.Income*f, max(cl.money, k.Income*f*k.StockMonths))
		cl.explosives = min(cl.explosives+k.Supply*f, max(cl.explosives, k.Supply*f*k.StockMonths))
	}
}

// attrition removes each cell's fighters lost in the month outside raids
// and attacks (desertion and the like; domain mechanism 1, capacity): a Poisson draw of mean fighters × isk.attrition
// per cell, in cell order, from the "attrition" stream (the thinning of a
// small monthly rate, without one draw per fighter).
func (w *World) attrition() {
	k := w.c.p.ISK
	if k.Attrition <= 0 {
		return
	}
	for i := range w.cells {
		f := w.cells[i].fighters
		var n int
		if f >= 0 && f < len(w.c.attrition) {
			n = w.c.attrition[f].draw(w.rAttr)
		} else {
			n = poisson(w.rAttr, float64(f)*k.Attrition)
		}
		w.lose(i, n)
	}
}

// split divides every living cell of at least isk.split_size fighters in
// two (model bookkeeping that keeps cells small; no mechanism of the
// domain brief of its own). The new cell takes
// half the fighters, volunteers, money and explosives (rounded down), and
// the parent's region, intel and skill; it is appended, so cells born
// this month are not split again.
func (w *World) split() {
	k := w.c.p.ISK
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
}
