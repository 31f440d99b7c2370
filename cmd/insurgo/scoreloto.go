package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"

	"github.com/BurntSushi/toml"

	"github.com/insurgo/insurgo/internal/calibrate"
	"github.com/insurgo/insurgo/internal/report"
	"github.com/insurgo/insurgo/internal/scoretable"
	"github.com/insurgo/insurgo/scenarios"
	"github.com/insurgo/insurgo/sim"
)

// lotoOptions set up the leave-one-target-out calibrations of insurgo
// score -loto.
type lotoOptions struct {
	file       string // the calibration file
	dir        string // where each calibration is kept ("" for a temporary directory)
	population int    // > 0 overrides the file's population
	budget     int    // > 0 overrides the file's budget
	generation int    // > 0 overrides the file's max_generations
	seed       uint64 // > 0 overrides the file's seed
}

// lotoConfig returns the calibration file c with target left out of its
// fitted targets (fit, resolved) and the overrides of o applied, parsed
// again from its TOML so that the copy kept in the calibration's
// directory is the calibration that ran.
func lotoConfig(c *calibrate.Config, fit []string, target string, o lotoOptions) (*calibrate.Config, error) {
	var doc map[string]any
	if _, err := toml.Decode(string(c.Raw), &doc); err != nil {
		return nil, err
	}
	cal, _ := doc["calibrate"].(map[string]any)
	if cal == nil {
		return nil, fmt.Errorf("%s: no [calibrate] table", c.Source)
	}
	var keep []string
	for _, n := range fit {
		if n != target {
			keep = append(keep, n)
		}
	}
	cal["targets"] = keep
	if o.population > 0 {
		cal["population"] = o.population
	}
	if o.budget > 0 {
		cal["budget"] = o.budget
	}
	if o.generation > 0 {
		cal["max_generations"] = o.generation
	}
	if o.seed > 0 {
		cal["seed"] = int64(o.seed)
	}
	var b bytes.Buffer
	fmt.Fprintf(&b, "# Made by insurgo score -loto from %s: target %s left out.\n", c.Source, target)
	if err := toml.NewEncoder(&b).Encode(doc); err != nil {
		return nil, err
	}
	return calibrate.ParseConfig(c.Source, b.Bytes())
}

// lotoDists calibrates the scenario of the calibration file once per
// training target with that target left out, and returns for each
// target of observed the distribution of its statistic under the
// posterior predictive of the calibration that did not see it (replicates
// replicates, each with a particle drawn from that posterior). Targets
// the file does not fit (checks, or targets outside its targets list)
// are scored under the calibration with every fitted target.
func lotoDists(ctx context.Context, e *env, sc *scenarios.Scenario, observed []report.Observed, o lotoOptions,
	replicates int, seed uint64, workers int) ([]scoretable.Dist, error) {
	c, err := calibrate.ReadConfig(o.file)
	if err != nil {
		return nil, asUsage(err)
	}
	if len(c.Models) != 1 {
		return nil, usageError("score: -loto %s: want a calibration of one model, got %d", o.file, len(c.Models))
	}
	p, err := calibrate.Bind(c)
	if err != nil {
		return nil, asUsage(err)
	}
	if p.Bases[0].Hash != sc.Hash {
		return nil, usageError("score: -loto %s calibrates %s, not the scenario scored (%s)", o.file, c.Models[0].Extends, sc.Name)
	}
	var fit []string
	for _, t := range p.Targets {
		fit = append(fit, t.Name)
	}
	root := o.dir
	if root == "" {
		if root, err = os.MkdirTemp("", "insurgo-loto-"); err != nil {
			return nil, err
		}
		defer os.RemoveAll(root)
	} else if err := os.MkdirAll(root, 0o755); err != nil {
		return nil, err
	}
	cal, err := sc.Calendar()
	if err != nil {
		return nil, asUsage(err)
	}
	windows := report.Windows(observed)
	// One calibration per fitted target, and one with all of them for the
	// others.
	runs := append(slices.Clone(fit), "")
	dists := make([]scoretable.Dist, len(observed))
	for _, left := range runs {
		name := left
		if name == "" {
			name = "all-targets"
		}
		var want []int
		for i, t := range observed {
			if t.Window.Name == left || (left == "" && !slices.Contains(fit, t.Window.Name)) {
				want = append(want, i)
			}
		}
		if len(want) == 0 {
			continue
		}
		lc, err := lotoConfig(c, fit, left, o)
		if err != nil {
			return nil, fmt.Errorf("score: -loto: %w", err)
		}
		lp, err := calibrate.Bind(lc)
		if err != nil {
			return nil, asUsage(err)
		}
		dir := filepath.Join(root, name)
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return nil, err
		}
		out, err := calibrate.Start(ctx, dir, lc, lp, calibrate.Options{Workers: workers, Version: Version, Args: os.Args[1:]})
		if err != nil {
			return nil, err
		}
		post, err := calibrate.LoadPosteriorDir(dir)
		if err != nil {
			return nil, err
		}
		f, err := post.Factory(sc, &cal, seed)
		if err != nil {
			return nil, asUsage(err)
		}
		agg, err := sim.Batch{Calendar: cal, Seed: seed, Count: replicates, Workers: workers, Windows: windows}.Run(ctx, f)
		if err != nil {
			return nil, err
		}
		for _, i := range want {
			v, n := agg.Stat(i).Values()
			dists[i] = scoretable.Dist{Values: v, Counts: n}
		}
		what := "without " + left
		if left == "" {
			what = "with every fitted target"
		}
		fmt.Fprintf(e.Stderr, "calibrated %s: %d generations, %d simulations, epsilon %.4g, ESS %.1f\n",
			what, out.Summary.Generations, out.Summary.Simulations, out.Summary.Epsilon, out.Summary.ESS)
	}
	return dists, nil
}
