package civil

import (
	"math"

	"github.com/insurgo/insurgo/sim"
)

// rowNanos is the time of one agent-step per row of the larger vision,
// plus five rows for the rest of a turn: about 100 ns an agent-step with
// vision 7 (15 rows), the 1,000 × 1,000 world's 97 ns rounded up
// (BenchmarkStep1000).
const rowNanos = 5

// Cost estimates one replicate of p: its agents (citizens and cops, as
// the densities place them) times its steps for the time; for the memory,
// the agents (24 bytes each, 5% to spare) and, for each cell of the halo,
// the grid and its template (half a byte each), the table of jail terms
// (4 bytes) and the halo's own tables (8 bytes, shared by the replicates
// of one setting, counted with each).
func (p *Params) Cost() sim.Cost {
	r := float64(max(p.CitizenVision, p.CopVision, 0))
	cells := float64(p.Width) * float64(p.Height)
	halo := (float64(p.Width) + 2*r) * (float64(p.Height) + 2*r)
	agents := cells * math.Max(0, p.CitizenDensity+p.CopDensity)
	return sim.Cost{
		Seconds: agents * float64(p.Steps) * (2*r + 1 + 5) * rowNanos * 1e-9,
		Bytes:   agents*24*1.05 + halo*13,
	}
}
