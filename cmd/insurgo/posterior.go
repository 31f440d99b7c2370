package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

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
	// point runs the posterior median as one point (run -point).
	point bool
}

// noPosterior is the -posterior value that runs a scenario's own
// settings even when it ships a posterior.
const noPosterior = "none"

func (p *posteriorFlag) register(fs *flag.FlagSet) {
	fs.StringVar(&p.dir, "posterior", "", "calibration directory: draw each replicate's settings from its posterior (same particle for replicate i in every scenario)")
}

// registerShipped adds what only run has: the shipped posterior used by
// default, -posterior none and -point.
func (p *posteriorFlag) registerShipped(fs *flag.FlagSet) {
	fs.StringVar(&p.dir, "posterior", "", "calibration directory, or a scenario that ships one (historical): draw each replicate's settings from its posterior; default: the posterior the scenario ships with, if any; \"none\": the scenario's own settings")
	fs.BoolVar(&p.point, "point", false, "run the posterior median as one point instead of drawing each replicate's settings")
}

// shipped loads the posterior that scenario name ships with, when no
// -posterior was given.
func (p *posteriorFlag) shipped(name string) error {
	if p.dir != "" || p.post != nil {
		return nil
	}
	fsys, ok := scenarios.Posterior(name)
	if !ok {
		return nil
	}
	post, err := calibrate.LoadPosterior(fsys)
	if err != nil {
		return fmt.Errorf("the posterior shipped with %s: %w", name, err)
	}
	p.post, p.dir = post, "shipped with "+name
	return nil
}

// checkSets refuses a -set of a setting the posterior draws: the draw
// would silently replace it.
func (p *posteriorFlag) checkSets(s setFlag) error {
	if p.post == nil || p.point {
		return nil
	}
	for _, kv := range s {
		k, _, _ := strings.Cut(kv, "=")
		if slices.Contains(p.post.Keys, strings.TrimSpace(k)) {
			return usageError("-set %s: the setting is drawn from the posterior (%s); add -point to set it on the posterior median, or -posterior none to run the file's settings", strings.TrimSpace(k), p.dir)
		}
	}
	return nil
}

// pointScenario returns sc at the posterior median under -point, else
// sc.
func (p *posteriorFlag) pointScenario(sc *scenarios.Scenario) (*scenarios.Scenario, error) {
	if !p.point {
		return sc, nil
	}
	if p.post == nil {
		return nil, usageError("-point: scenario %s has no posterior (give -posterior DIR)", sc.Name)
	}
	out, err := sc.With(p.post.Median())
	if err != nil {
		return nil, asUsage(fmt.Errorf("-point: posterior %s on scenario %s: %w", p.post.Name, sc.Name, err))
	}
	return out, nil
}

// load reads the posterior, if one was given.
func (p *posteriorFlag) load() error {
	if p.dir == "" || p.dir == noPosterior {
		return nil
	}
	if fi, err := os.Stat(p.dir); err != nil || !fi.IsDir() {
		// Not a directory: the name of a scenario that ships one.
		if fsys, ok := scenarios.Posterior(p.dir); ok {
			post, err := calibrate.LoadPosterior(fsys)
			if err != nil {
				return fmt.Errorf("the posterior shipped with %s: %w", p.dir, err)
			}
			p.post, p.dir = post, "shipped with "+p.dir
			return nil
		}
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
	if p.post == nil || p.point {
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
	if p.point {
		fmt.Fprintf(w, "Settings at the posterior median of calibration %s (%s, posterior hash %.12s), one point: the intervals are chance alone.\n",
			p.post.Name, p.dir, p.post.Hash)
		return
	}
	fmt.Fprintf(w, "Settings drawn from the posterior of calibration %s (%s, %d particles, posterior hash %.12s): the intervals include parameter uncertainty as well as chance.\n",
		p.post.Name, p.dir, len(p.post.Particles), p.post.Hash)
}
