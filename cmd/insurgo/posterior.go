package main

import (
	"flag"
	"fmt"
	"io"
	"os"
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
	// fixed holds, per scenario (as loaded, -set applied), the calibrated settings it sets
	// itself (calibrate.Posterior.Fixed), which are not drawn.
	fixed map[*scenarios.Scenario][]string
	// notes are said with the posterior's note: settings a scenario
	// fixes, or why a shipped posterior is not used.
	notes []string
}

// noPosterior is the -posterior value that runs a scenario's own
// settings even when it ships a posterior.
const noPosterior = "none"

// registerInherited registers the -posterior of compare and score: by
// default the posterior the scenarios inherit, if they share one.
func (p *posteriorFlag) registerInherited(fs *flag.FlagSet) {
	fs.StringVar(&p.dir, "posterior", "", "calibration directory, or a scenario that ships one (historical): draw each replicate's settings from its posterior, the same particle for replicate i in every scenario; default: the posterior the scenarios inherit (historical's, for scenarios that extend it), if they share one; \"none\": each scenario's own settings")
}

// registerShipped adds what only run has: the shipped posterior used by
// default, -posterior none and -point.
func (p *posteriorFlag) registerShipped(fs *flag.FlagSet) {
	fs.StringVar(&p.dir, "posterior", "", "calibration directory, or a scenario that ships one (historical): draw each replicate's settings from its posterior; default: the posterior the scenario ships with, if any; \"none\": the scenario's own settings")
	fs.BoolVar(&p.point, "point", false, "run the posterior median as one point instead of drawing each replicate's settings")
}

// shipped loads, when no -posterior was given, the posterior that every
// scenario in scs inherits: the nearest scenario in their extends chains
// that ships one (historical for sustained-pressure), when it is the same
// for all. Scenarios that inherit different ones, or some none, run their
// own settings, and the note says why.
func (p *posteriorFlag) shipped(scs ...*scenarios.Scenario) error {
	if p.dir != "" || p.post != nil || len(scs) == 0 {
		return nil
	}
	name, ok := scs[0].ShippedAncestor()
	for _, sc := range scs[1:] {
		n, o := sc.ShippedAncestor()
		if o != ok || n != name {
			if ok || o {
				p.notes = append(p.notes, "The scenarios do not share a shipped posterior, so each runs its own settings (give -posterior NAME or DIR to draw them from one).")
			}
			return nil
		}
	}
	if !ok {
		return nil
	}
	fsys, _ := scenarios.Posterior(name)
	post, err := calibrate.LoadPosterior(fsys)
	if err != nil {
		return fmt.Errorf("the posterior shipped with %s: %w", name, err)
	}
	p.post, p.dir = post, "shipped with "+name
	return nil
}

// fixedFor returns the calibrated settings sc sets itself, which keep
// sc's values instead of being drawn.
func (p *posteriorFlag) fixedFor(sc *scenarios.Scenario) []string {
	if f, ok := p.fixed[sc]; ok {
		return f
	}
	if p.fixed == nil {
		p.fixed = map[*scenarios.Scenario][]string{}
	}
	f, err := p.post.Fixed(sc)
	if err != nil {
		p.notes = append(p.notes, fmt.Sprintf("Warning: %v; every calibrated setting of %s is drawn.", err, sc.Name))
	}
	if len(f) > 0 {
		p.notes = append(p.notes, fmt.Sprintf("%s sets %s itself: kept at the scenario's values, the other calibrated settings drawn.", sc.Name, strings.Join(f, ", ")))
	}
	p.fixed[sc] = f
	return f
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
	out, err := sc.With(p.post.Median(p.fixedFor(sc)...))
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
	f, err := p.post.Factory(sc, cal, seed, p.fixedFor(sc)...)
	if err != nil {
		return nil, asUsage(err)
	}
	return f, nil
}

// note prints what the intervals include, and which settings each of
// scs keeps at its own values.
func (p *posteriorFlag) note(w io.Writer, scs ...*scenarios.Scenario) {
	if p.post != nil && !p.point {
		for _, sc := range scs {
			p.fixedFor(sc)
		}
	}
	for _, n := range p.notes {
		fmt.Fprintln(w, n)
	}
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
