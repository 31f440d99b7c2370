package isk

import "github.com/insurgo/insurgo/sim"

// Rates behind Params.Cost, measured on the development machine.
const (
	// cellDaysPerSecond is how many cell-days one core simulates in a
	// second: about 3e7 (the historical scenario's 1,000 replicates, about
	// 1.1e8 cell-days, take seconds).
	cellDaysPerSecond = 3e7
	// cellBytes is the memory of one cell, with room for the cells it may
	// found as it grows.
	cellBytes = 4 << 10
)

// Cost estimates one replicate of p over days simulated days from the
// cells it starts with: the regions' own and those start_strength places,
// plus ten for the cells it founds.
func (p *Params) Cost(days int) sim.Cost {
	cells := 0
	for _, r := range p.Regions {
		cells += r.Cells
	}
	if k := p.ISK; k.StartStrength > 0 && k.FighterPerCell > 0 {
		cells += int(k.StartStrength/k.FighterPerCell) + 1 // the cells isk.start_strength places
	}
	n := float64(cells + 10)
	return sim.Cost{Seconds: float64(days) * n / cellDaysPerSecond, Bytes: n * cellBytes}
}
