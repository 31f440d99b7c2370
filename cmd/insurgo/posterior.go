package main

import (
	"flag"
	"fmt"
	"io"

	"github.com/insurgo/insurgo/internal/calibrate"
	"github.com/insurgo/insurgo/scenarios"
	"github.com/insurgo/insurgo/sim"
)

// posteriorFlag is the -posterior flag of run and compare: replicate i
// runs with the settings of a particle drawn from a calibration's
// posterior, deterministically from (seed, i).
type posteriorFlag struct {
	dir  string
	post *calibrate.Posterior
}

func (p *posteriorFlag) register(fs *flag.FlagSet) {
	fs.StringVar(&p.dir, "posterior", "", "calibration directory: draw each replicate's settings from its posterior (same particle for replicate i in every scenario)")
}

// load reads the posterior, if one was given.
func (p *posteriorFlag) load() error {
	if p.dir == "" {
		return nil
	}
	post, err := calibrate.LoadPosteriorDir(p.dir)
	if err != nil {
		return asUsage(err)
	}
	p.post = post
	return nil
}

// defaultScenario is the scenario to run when none is named: the
// posterior's base scenario if it is a single shipped one, else def.
func (p *posteriorFlag) defaultScenario(def string) string {
	if p.post != nil && len(p.post.Models) == 1 {
		if _, err := scenarios.Load(p.post.Models[0].Extends); err == nil && p.post.Models[0].Extends != "" {
			return p.post.Models[0].Extends
		}
	}
	return def
}

// factory returns sc's factory, drawing each replicate's settings from
// the posterior when one was given.
func (p *posteriorFlag) factory(sc *scenarios.Scenario, cal *sim.Calendar, seed uint64) (sim.Factory, error) {
	if p.post == nil {
		return sc.Factory(cal)
	}
	f, err := p.post.Factory(sc, cal, seed)
	if err != nil {
		return nil, asUsage(err)
	}
	return f, nil
}

// note prints what the intervals include.
func (p *posteriorFlag) note(w io.Writer) {
	if p.post == nil {
		return
	}
	fmt.Fprintf(w, "Settings drawn from the posterior of calibration %s (%s, %d particles, posterior hash %.12s): the intervals include parameter uncertainty as well as chance.\n",
		p.post.Name, p.dir, len(p.post.Particles), p.post.Hash)
}
