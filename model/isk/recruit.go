package isk

import "math"

// recruit draws each pool's recruits for month m and places them (domain
// mechanism 5, recruitment). A [[pool]] open by month m yields a Poisson
// number of recruits of mean size × susceptibility × reach (see reach) ×
// (1 + recruitment.notoriety_weight × notoriety) ×
// (1 + recruitment.grievance_weight × the region's grievance) ×
// exp(-recruitment.loss_weight × pressure). A foreign pool's recruits try
// one of its entry edges, chosen at random, and each crosses with
// probability 1 - the edge's difficulty. recruitment.volunteer_share of
// those who arrive volunteer for suicide attacks. Draws come from the
// "recruitment" stream, pool by pool.
func (w *World) recruit(m int) {
	c := w.c
	p := c.p
	re := p.Recruitment
	sc := &c.scopes
	deter := math.Exp(-re.LossWeight * w.pressure)
	notor := 1 + re.NotorietyWeight*w.notoriety
	w.listRegionCells()
	for pi := range c.pools {
		pl := &c.pools[pi]
		if m < pl.from {
			continue
		}
		reg := &c.regions[pl.region]
		mean := pl.size * pl.susc * w.reach(pl, m) * notor * (1 + re.GrievanceWeight*reg.grievance) * deter
		n := poisson(w.rRec, mean)
		if n == 0 {
			continue
		}
		dest := pl.region
		if pl.foreign {
			if len(pl.entries) == 0 {
				continue
			}
			e := reg.edges[pl.entries[w.rRec.IntN(len(pl.entries))]]
			n = binomial(w.rRec, n, 1-e.diff)
			if n == 0 {
				continue
			}
			dest = e.to
			w.hs.add(iArrivals, m, int64(n), 0)
			if e.border >= 0 {
				w.hs.add(iArrivals, m, int64(n), sc.border[e.border])
			}
		}
		vol := binomial(w.rRec, n, re.VolunteerShare)
		dr := &c.regions[dest]
		w.hs.add(iRecruits, m, int64(n), 0, sc.country[dr.country], sc.group[dr.group], sc.pool[pi])
		w.place(dest, n, vol)
	}
}

// listRegionCells lists the living cells of each region, in index
// order, for place (no cell dies or moves while recruits are placed).
// The lists share one array, each with room for the one cell place may
// found in a region that has none.
func (w *World) listRegionCells() {
	nr := len(w.c.regions)
	if len(w.regCells) != nr {
		w.regCells = make([][]int, nr)
		w.regCount = make([]int, nr)
	}
	clear(w.regCount)
	for i := range w.cells {
		if cl := &w.cells[i]; !cl.dead {
			w.regCount[cl.region]++
		}
	}
	if need := len(w.cells) + nr; cap(w.regBuf) < need {
		w.regBuf = make([]int, 2*need)
	}
	off := 0
	for r, n := range w.regCount {
		w.regCells[r] = w.regBuf[off : off : off+n+1]
		off += n + 1
	}
	for i := range w.cells {
		if cl := &w.cells[i]; !cl.dead {
			w.regCells[cl.region] = append(w.regCells[cl.region], i)
		}
	}
}

// place adds n recruits (vol of them volunteers) to a random live cell of
// region r (uniform over the region's list, see listRegionCells), or to
// the region's founders, who form a new cell once there are enough of
// them.
func (w *World) place(r, n, vol int) {
	if live := w.regCells[r]; len(live) > 0 {
		cl := &w.cells[live[w.rRec.IntN(len(live))]]
		cl.fighters += n
		cl.volunteers += vol
		return
	}
	w.pending[r] += n
	w.pendingVol[r] += vol
	if w.pending[r] >= w.c.p.ISK.NewCellSize {
		i := w.newCell(r, w.pending[r], w.pendingVol[r], w.c.p.Intel.Initial)
		w.regCells[r] = append(w.regCells[r], i)
		w.pending[r], w.pendingVol[r] = 0, 0
	}
}

// updateNotoriety updates ISK's notoriety from the attacks it claimed in
// the month just ended (domain mechanism 5, recruitment raised by
// notoriety after attacks): claimed attacks over
// recruitment.notoriety_ref, averaged in with weight
// 1/recruitment.notoriety_memory.
func (w *World) updateNotoriety() {
	re := w.c.p.Recruitment
	w.notoriety += (float64(w.claimedMonth)/re.NotorietyRef - w.notoriety) / re.NotorietyMemory
}
