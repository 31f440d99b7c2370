package calibrate

import (
	"context"
	"fmt"
	"reflect"
	"sync"

	"github.com/insurgo/insurgo/scenarios"
	"github.com/insurgo/insurgo/sim"
)

// runner simulates one model of a Problem: its base scenario with the
// model's parameters overridden, one replicate at a time.
type runner struct {
	base    *scenarios.Scenario
	cal     *sim.Calendar
	keys    []string
	integer []bool
	fast    *setter // nil: go through With
	windows []sim.Window
	recs    sync.Pool // *sim.Recorder, reused across proposals
}

// newRunner prepares model m of p; it checks the fast setter against With
// at probe (one value per key) and falls back to With if they differ.
func newRunner(p *Problem, m int, probe []float64) *runner {
	r := &runner{base: p.Bases[m], cal: &p.Calendars[m]}
	for _, i := range p.ModelParams[m] {
		r.keys = append(r.keys, p.Config.Params[i].Key)
		r.integer = append(r.integer, p.Config.Params[i].Integer)
	}
	for _, t := range p.Targets {
		r.windows = append(r.windows, t.Window)
	}
	months := r.cal.Months()
	r.recs.New = func() any { return sim.NewRecorder(months) }
	if s := newSetter(r.keys); s != nil {
		fast, ok := s.apply(&r.base.Params, probe, r.integer)
		slow, err := r.base.With(overrides(r.keys, probe, r.integer))
		if ok && err == nil && reflect.DeepEqual(fast, slow.Params) {
			r.fast = s
		}
	}
	return r
}

// scenario returns the base scenario with the parameters set to theta.
func (r *runner) scenario(theta []float64) (*scenarios.Scenario, error) {
	if r.fast != nil {
		ps, ok := r.fast.apply(&r.base.Params, theta, r.integer)
		if ok && len(ps.Validate()) == 0 {
			sc := *r.base
			sc.Params = ps
			return &sc, nil
		}
		// Let With say what is wrong.
	}
	return r.base.With(overrides(r.keys, theta, r.integer))
}

// simulate runs one replicate of the scenario at theta with all its
// randomness from seed (replicate 0 of that seed's streams) and returns
// the targets' window statistics.
func (r *runner) simulate(ctx context.Context, theta []float64, seed uint64) ([]float64, error) {
	sc, err := r.scenario(theta)
	if err != nil {
		return nil, fmt.Errorf("parameters %v: %w", theta, err)
	}
	f, err := sc.BoundedFactory(r.cal)
	if err != nil {
		return nil, fmt.Errorf("parameters %v: %w", theta, err)
	}
	rec := r.recs.Get().(*sim.Recorder)
	defer r.recs.Put(rec)
	rec.Reset()
	mod, err := f(sim.Replicate{Index: 0, Streams: sim.NewStreams(seed, 0), Recorder: rec, Calendar: r.cal})
	if err != nil {
		return nil, err
	}
	n := r.cal.Days()
	for d := 0; d < n; d++ {
		if d&63 == 63 && ctx.Err() != nil {
			return nil, context.Cause(ctx)
		}
		mod.Step(r.cal.Day(d))
	}
	out := make([]float64, len(r.windows))
	for i, w := range r.windows {
		out[i] = w.Eval(rec, r.cal)
	}
	return out, nil
}
