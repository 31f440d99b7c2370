package intergroup

import (
	"errors"
	"fmt"
	"math"

	"github.com/insurgo/insurgo/sim"
)

// ErrParams is wrapped by the error NewFactory returns for invalid
// settings.
var ErrParams = errors.New("invalid inter-group violence settings")

// Calendar returns the step clock of p's run: Steps steps recorded every
// RecordEvery steps.
func (p *Params) Calendar() (sim.Calendar, error) {
	return sim.NewStepClock(p.Steps, p.RecordEvery)
}

// compiled is what every replicate of one setting shares, read-only.
type compiled struct {
	p       Params
	torus   sim.Torus
	halo    *sim.Halo
	cvision []int32    // halo index differences of a citizen's vision
	pvision []int32    // of a peacekeeper's
	arrestP []float64  // arrestP[n] = 1 - exp(-k n), for n = ⌊C/A⌋
	legit   [2]float64 // L of blues, of greens
}

// NewFactory validates p and returns the factory of its replicates over
// cal, which must be p's step clock (Params.Calendar).
func NewFactory(p *Params, cal *sim.Calendar) (sim.Factory, error) {
	if err := sim.Problems(p.Validate()).Err(ErrParams); err != nil {
		return nil, err
	}
	if !cal.IsStepClock(p.Steps, p.RecordEvery) {
		return nil, fmt.Errorf("%w: the calendar must be the step clock of %d steps recorded every %d", ErrParams, p.Steps, p.RecordEvery)
	}
	c := &compiled{p: *p, legit: [2]float64{p.LegitimacyBlue, p.LegitimacyGreen}}
	var err error
	if c.torus, err = sim.NewTorus(p.Width, p.Height); err != nil {
		return nil, err
	}
	shape, _ := sim.ShapeNamed(p.Neighbourhood) // valid: Validate checked it
	if c.halo, err = c.torus.NewHalo(max(p.CitizenVision, p.CopVision)); err != nil {
		return nil, err
	}
	if c.cvision, err = c.halo.Deltas(shape, p.CitizenVision); err != nil {
		return nil, err
	}
	if c.pvision, err = c.halo.Deltas(shape, p.CopVision); err != nil {
		return nil, err
	}
	// ⌊C/A⌋ is at most the cells in vision.
	c.arrestP = make([]float64, len(c.cvision)+1)
	for n := range c.arrestP {
		c.arrestP[n] = 1 - math.Exp(-p.K*float64(n))
	}
	return func(r sim.Replicate) (sim.Model, error) {
		return newWorld(c, r)
	}, nil
}
