package civil

import (
	"errors"
	"fmt"
	"math"

	"github.com/insurgo/insurgo/sim"
)

// ErrParams is wrapped by the error NewFactory returns for invalid
// settings.
var ErrParams = errors.New("invalid civil-violence settings")

// Calendar returns the step clock of p's run: Steps steps recorded every
// RecordEvery steps.
func (p *Params) Calendar() (sim.Calendar, error) {
	return sim.NewStepClock(p.Steps, p.RecordEvery)
}

// compiled is what every replicate of one setting shares, read-only.
type compiled struct {
	p        Params
	torus    sim.Torus
	halo     *sim.Halo
	cvision  []chunk   // a citizen's vision, in chunks of at most chunkCells cells
	pvision  []chunk   // a cop's
	arrestP  []float64 // arrestP[n] = 1 - exp(-k n), for the rounded ratio n
	floor    bool
	maxVis   int       // chunks in the larger vision
	edges    []uint8   // World.kind with every cell empty: the edge flags
	legit    []float64 // legitimacy at each step, from step 1 at index 0
	outburst int32
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
	c := &compiled{p: *p, floor: p.ArrestRule == RuleFloor, outburst: int32(p.OutburstThreshold)}
	var err error
	if c.torus, err = sim.NewTorus(p.Width, p.Height); err != nil {
		return nil, err
	}
	shape, _ := sim.ShapeNamed(p.Neighbourhood) // valid: Validate checked it
	if c.halo, err = c.torus.NewHalo(max(p.CitizenVision, p.CopVision)); err != nil {
		return nil, err
	}
	cruns, err := c.halo.Runs(shape, p.CitizenVision)
	if err != nil {
		return nil, err
	}
	pruns, err := c.halo.Runs(shape, p.CopVision)
	if err != nil {
		return nil, err
	}
	c.cvision, c.pvision = chunks(cruns), chunks(pruns)
	c.maxVis = max(len(c.cvision), len(c.pvision))
	cells := shape.Size(p.CitizenVision)
	c.edges = make([]uint8, (c.halo.Len()+1)/2+chunkPad)
	for i := range int32(c.halo.Len()) {
		if home := c.halo.Canon(i); home != i {
			c.edges[i>>1] |= edge << (4 * (i & 1))
			c.edges[home>>1] |= edge << (4 * (home & 1))
		}
	}
	// The rounded ratio C/A is at most the cells in vision.
	c.arrestP = make([]float64, cells+1)
	for n := range c.arrestP {
		c.arrestP[n] = 1 - math.Exp(-p.K*float64(n))
	}
	c.legit = make([]float64, p.Steps)
	for s := range c.legit {
		c.legit[s] = p.legitimacy(s + 1)
	}
	return func(r sim.Replicate) (sim.Model, error) {
		return newWorld(c, r), nil
	}, nil
}
