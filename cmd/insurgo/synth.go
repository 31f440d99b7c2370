package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/insurgo/insurgo/internal/atomicfile"
	"github.com/insurgo/insurgo/scenarios"
	"github.com/insurgo/insurgo/sim"
)

var synthCmd = &command{
	name:    "synth",
	summary: "write synthetic observations: a scenario whose targets are one replicate's values",
	usage: `
usage: insurgo synth SCENARIO -out FILE [-seed S] [-as BASE]

Synth runs one replicate of SCENARIO (seed S) and writes FILE, a scenario
that extends BASE (default: SCENARIO) and sets every [[target]]'s
observed figure to that replicate's value of the same statistic (checks
included). It is synthetic data for recovery checks: calibrate, or choose
between models, against figures whose true model is known. Writing the
same replicate as BASE A and as BASE B gives two models carrying the same
observations, as a model-choice calibration needs.

BASE must carry the same targets (names and windows) as SCENARIO.`,
}

func init() { synthCmd.run = runSynth }

func runSynth(ctx context.Context, args []string, e *env) error {
	fs := newFlagSet(synthCmd, e.Stdout)
	var (
		out, as string
		seed    uint64
	)
	fs.StringVar(&out, "out", "", "the scenario file to write (required)")
	fs.StringVar(&as, "as", "", "the scenario the file extends (default: SCENARIO)")
	fs.Uint64Var(&seed, "seed", 1, "seed of the replicate")
	pos, err := parseArgs(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usageError("synth: want one scenario, got %d (see 'insurgo synth -h')", len(pos))
	}
	if out == "" {
		return usageError("synth: -out FILE is required")
	}
	if as == "" {
		as = pos[0]
	}
	scs, err := loadScenarios(e.Stderr, pos[0], as)
	if err != nil {
		return err
	}
	sc, base := scs[0], scs[1]
	obs := sc.Observed()
	bobs := base.Observed()
	if len(obs) == 0 {
		return usageError("synth: scenario %s has no [[target]]", sc.Name)
	}
	if len(bobs) != len(obs) {
		return usageError("synth: %s has %d targets, %s %d: want the same", sc.Name, len(obs), base.Name, len(bobs))
	}
	windows := make([]sim.Window, len(obs))
	for i, t := range obs {
		if bobs[i].Window != t.Window {
			return usageError("synth: target %d is %s in %s but %s in %s: want the same windows", i+1, t.Window.Name, sc.Name, bobs[i].Window.Name, base.Name)
		}
		windows[i] = t.Window
	}
	cal, err := sc.Calendar()
	if err != nil {
		return asUsage(err)
	}
	f, err := sc.Factory(&cal)
	if err != nil {
		return asUsage(err)
	}
	agg, err := sim.Batch{Calendar: cal, Seed: seed, Count: 1, Workers: 1, Windows: windows}.Run(ctx, f)
	if err != nil {
		return err
	}
	ext, err := extendsFrom(as, out)
	if err != nil {
		return err
	}
	var b bytes.Buffer
	fmt.Fprintf(&b, "# Synthetic observations: every target's observed figure is its value in\n")
	fmt.Fprintf(&b, "# one replicate of %s (seed %d, scenario hash %.12s), written by insurgo synth.\n", sc.Name, seed, sc.Hash)
	fmt.Fprintf(&b, "extends = %s\nname = %s\n", strconv.Quote(ext), strconv.Quote(strings.TrimSuffix(filepath.Base(out), ".toml")))
	for i, t := range obs {
		v, _ := agg.Stat(i).Values()
		if len(v) != 1 {
			return fmt.Errorf("synth: target %s: %d values from one replicate", t.Window.Name, len(v))
		}
		fmt.Fprintf(&b, "\n[[target]]\nname = %s\nobserved = %s\n", strconv.Quote(t.Window.Name), strconv.FormatFloat(v[0], 'g', -1, 64))
	}
	if err := atomicfile.WriteBytes(out, b.Bytes()); err != nil {
		return err
	}
	fmt.Fprintf(e.Stdout, "%s: %d targets from one replicate of %s (seed %d), extending %s\n", out, len(obs), sc.Name, seed, ext)
	return nil
}

// extendsFrom returns how a file written at out names the scenario as:
// a shipped name as is, a path relative to out's directory.
func extendsFrom(as, out string) (string, error) {
	if _, err := os.Stat(as); err != nil {
		if _, err := scenarios.Load(as); err == nil {
			return as, nil // a shipped name
		}
	}
	absAs, err := filepath.Abs(as)
	if err != nil {
		return "", err
	}
	absDir, err := filepath.Abs(filepath.Dir(out))
	if err != nil {
		return "", err
	}
	rel, err := filepath.Rel(absDir, absAs)
	if err != nil {
		return absAs, nil
	}
	return rel, nil
}
