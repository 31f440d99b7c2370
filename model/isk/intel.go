package isk

// gatherIntel is the monthly growth and decay of the state's knowledge of
// each cell (domain mechanism 2, intelligence-led raids). Informants
// (intel.informants plus the raid phase's, per month) accrue toward 1,
// scaled by the region's state presence and searchability (see
// terrainShelter), and by
// 1 - posture.hide × posture.choice while the cell's theatre lies low; intel.decay of the
// knowledge is lost each month. Intel stays in [0, 1].
func (w *World) gatherIntel(m int) {
	c := w.c
	p := c.p
	in := p.Intel
	for i := range w.cells {
		cl := &w.cells[i]
		reg := &c.regions[cl.region]
		gain := c.informants[m] * reg.presence * reg.searchable
		if w.theatres[reg.country].slowed {
			gain *= 1 - c.hide
		}
		cl.intel += gain*(1-cl.intel) - in.Decay*cl.intel
		cl.intel = min(1, max(0, cl.intel))
	}
}
