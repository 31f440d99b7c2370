package scenarios

import (
	"fmt"

	"github.com/insurgo/insurgo/sim"
)

// Cost estimates one replicate of the scenario, for a command to refuse
// a batch beyond its limits before it starts (isk, civil and intergroup's
// Params.Cost).
// It is cheap: no calendar is built.
func (s *Scenario) Cost() sim.Cost {
	switch s.Model {
	case ModelCivil:
		return s.Civil.Cost()
	case ModelIntergroup:
		return s.Intergroup.Cost()
	}
	days := max(0, int(s.End.Sub(s.Start).Hours()/24)+1)
	return s.Params.Cost(days)
}

// MaxWorldBytes bounds the memory of one replicate's world where a
// command builds worlds from settings it does not show the user one by
// one (a sweep's points, a calibration's proposals): 8 GiB.
const MaxWorldBytes = 8 << 30

// BoundedFactory is Factory for commands that build worlds from settings
// nobody reads one by one (a sweep's points, a calibration's proposals):
// it refuses a world that would need more than MaxWorldBytes of memory by
// Cost's estimate, before building it.
func (s *Scenario) BoundedFactory(cal *sim.Calendar) (sim.Factory, error) {
	if c := s.Cost(); c.Bytes > MaxWorldBytes {
		return nil, fmt.Errorf("one replicate's world would need about %.1f GiB of memory, above the limit of %d GiB", c.Bytes/(1<<30), MaxWorldBytes>>30)
	}
	return s.Factory(cal)
}
