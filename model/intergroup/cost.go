package intergroup

import "github.com/insurgo/insurgo/sim"

// cellNanos is the time of one agent-step per cell of the larger vision,
// plus ten cells for the rest of a turn: about 90 ns an agent-step with
// the default vision (8 cells), where BenchmarkStep40 measures 40–80 ns.
const cellNanos = 5

// Cost estimates one replicate of p: as many agents as cells (births fill
// the grid), times its steps, for the time; half as many again for the
// memory (the jailed are off the grid), at 40 bytes each, and 12 bytes a
// cell of the halo: the grid's 4 and the halo's own tables' 8 (shared by
// the replicates of one setting, counted with each).
func (p *Params) Cost() sim.Cost {
	shape, ok := sim.ShapeNamed(p.Neighbourhood)
	if !ok {
		shape = sim.Moore // the larger, for settings not yet validated
	}
	r := max(p.CitizenVision, p.CopVision, 0)
	cells := float64(p.Width) * float64(p.Height)
	halo := (float64(p.Width) + 2*float64(r)) * (float64(p.Height) + 2*float64(r))
	return sim.Cost{
		Seconds: cells * float64(p.Steps) * float64(shape.Size(r)+10) * cellNanos * 1e-9,
		Bytes:   cells*1.5*40 + halo*12,
	}
}
