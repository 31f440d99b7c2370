package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"

	"github.com/insurgo/insurgo/internal/calibrate"
)

var calibrateCmd = &command{
	name:    "calibrate",
	summary: "calibrate settings by ABC-SMC against the targets; resume an interrupted calibration",
	usage: `
usage: insurgo calibrate FILE -out DIR [flags]
       insurgo calibrate DIR [flags]

Calibrate runs ABC-SMC (Toni et al. 2009, Beaumont et al. 2009) on the
calibration file FILE: priors on settings of a base scenario, conditioned on
the scenario's observed [[target]] figures (or a subset), or several base
scenarios as competing models. Each generation's tolerance epsilon is a
quantile of the previous generation's distances; a progress line per
generation gives epsilon, the acceptance rate, the effective sample size and
the simulations.

Each generation is written whole to DIR/generations/ as it completes. Given a
directory, calibrate resumes the calibration in it from its last whole
generation; the final files equal those of an uninterrupted run, byte for
byte, and do not depend on -workers.

Outputs in DIR:

	posterior.csv      the final particles: model, each setting, weight,
	posterior.parquet  distance, each target's simulated value (sim.NAME)
	generations.csv    epsilon, acceptance rate, ESS, simulations per generation
	summary.json       per setting: prior, posterior mean, sd, median, 5% and
	                   95%; per model: probability; the file's hash
	calibration.toml   a copy of FILE
	report.html        the posterior, the generations and the figures in one page
	manifest.json      version, timing per generation, workers, command line
	plots/             prior against posterior per setting, pair plot,
	                   epsilon and acceptance by generation, posterior
	                   predictive per target

'insurgo run -posterior DIR' and 'insurgo compare -posterior DIR' draw the
settings of each replicate from the posterior. See docs/calibration.md.`,
}

func init() { calibrateCmd.run = runCalibrate }

func runCalibrate(ctx context.Context, args []string, e *env) error {
	fs := newFlagSet(calibrateCmd, e.Stdout)
	var (
		out     string
		workers int
		force   bool
		format  string
		noPlots bool
	)
	fs.StringVar(&out, "out", "", "output directory (for FILE; a directory given instead of FILE is resumed in place)")
	fs.IntVar(&workers, "workers", runtime.NumCPU(), "parallel simulations (> 0); results do not depend on it")
	fs.BoolVar(&force, "force", false, "start afresh in a non-empty output directory, replacing its files")
	fs.StringVar(&format, "format", "png", "figure format: png, svg or pdf")
	fs.BoolVar(&noPlots, "no-plots", false, "do not draw figures")
	var stopAfter int
	fs.IntVar(&stopAfter, "stop-after", 0, "stop after this many generations, as an interruption would (for testing resume)")
	pos, err := parseArgs(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usageError("calibrate: want one calibration file or directory, got %d (see 'insurgo calibrate -h')", len(pos))
	}
	if workers <= 0 {
		return usageError("calibrate: -workers must be > 0, got %d", workers)
	}
	if err := checkFormat(format); err != nil {
		return err
	}
	o := calibrate.Options{
		Workers: workers, Version: Version, Args: os.Args[1:], Figures: !noPlots, Format: format,
		StopAfter: stopAfter,
		Progress: func(p calibrate.Progress) {
			g := p.Generation
			fmt.Fprintf(e.Stderr, "generation %d/%d: epsilon %.4g, acceptance %.3f, ESS %.1f, simulations %d (total %d), %.1f s\n",
				g.Index, p.MaxGenerations-1, g.Epsilon, g.AcceptanceRate, g.ESS, g.Simulations, p.Simulations, p.Seconds)
		},
	}
	arg := pos[0]
	var res *calibrate.Outcome
	if st, err := os.Stat(arg); err == nil && st.IsDir() {
		if out != "" && filepath.Clean(out) != filepath.Clean(arg) {
			return usageError("calibrate: %s is a directory: it is resumed in place; -out is for a calibration file", arg)
		}
		if force {
			return usageError("calibrate: -force starts afresh and needs the calibration file; to resume %s, leave it out", arg)
		}
		out = arg
		fmt.Fprintf(e.Stderr, "resuming the calibration in %s\n", arg)
		res, err = calibrate.Resume(ctx, arg, o)
		if err != nil {
			return calibrateError(e, arg, err)
		}
	} else {
		c, err := calibrate.ReadConfig(arg)
		if err != nil {
			return asUsage(err)
		}
		if out == "" {
			return usageError("calibrate: -out DIR is required with a calibration file")
		}
		p, err := calibrate.Bind(c)
		if err != nil {
			return asUsage(err)
		}
		if err := prepareOutDir(out, force); err != nil {
			return err
		}
		res, err = calibrate.Start(ctx, out, c, p, o)
		if err != nil {
			return calibrateError(e, out, err)
		}
	}
	if err := writeCalibrationReport(out, res); err != nil {
		return err
	}
	printCalibration(e, res, out)
	return nil
}

// calibrateError maps a calibration's error: after an interruption (or a
// stop asked for by -stop-after) it says how to resume.
func calibrateError(e *env, dir string, err error) error {
	switch {
	case errors.Is(err, context.Canceled):
		fmt.Fprintf(e.Stderr, "the completed generations are kept whole in %s; resume with 'insurgo calibrate %s'\n", dir, dir)
		return err
	case errors.Is(err, calibrate.ErrStopped):
		return fmt.Errorf("%w (resume with 'insurgo calibrate %s')", err, dir)
	case errors.Is(err, calibrate.ErrResume), errors.Is(err, calibrate.ErrFile):
		return asUsage(err)
	}
	return err
}

// printCalibration prints the posterior summary.
func printCalibration(e *env, res *calibrate.Outcome, dir string) {
	s := res.Summary
	w := e.Stdout
	fmt.Fprintf(w, "calibration %s: %d generations, %d simulations, stopped by %s; final epsilon %.4g, ESS %.1f\n\n",
		s.Name, s.Generations, s.Simulations, s.Stop, s.Epsilon, s.ESS)
	if len(s.Models) > 1 {
		fmt.Fprintf(w, "%-28s %8s %11s\n", "model", "prior", "posterior")
		for _, m := range s.Models {
			fmt.Fprintf(w, "%-28s %8.3f %11.3f\n", m.Name, m.Prior, m.Probability)
		}
		fmt.Fprintln(w)
	}
	kw := len("setting")
	for _, p := range s.Params {
		kw = max(kw, len(p.Key))
	}
	fmt.Fprintf(w, "%-*s  %-28s %10s %10s %21s\n", kw, "setting", "prior", "mean", "median", "90% credible interval")
	for _, p := range s.Params {
		fmt.Fprintf(w, "%-*s  %-28s %10.4g %10.4g   [%8.4g, %8.4g]\n", kw, p.Key, p.Prior, p.Mean, p.Median, p.P05, p.P95)
	}
	fmt.Fprintln(w)
	tw := len("target")
	for _, t := range s.Targets {
		tw = max(tw, len(t.Name))
	}
	fmt.Fprintf(w, "%-*s %10s %10s %21s  (the final particles' own simulations, each within epsilon of the data: narrower than a fresh run's predictive)\n", tw, "target", "observed", "median", "90% interval")
	for _, t := range s.Targets {
		mark := ""
		if !t.Covered {
			mark = "  outside"
		}
		fmt.Fprintf(w, "%-*s %10.4g %10.4g   [%8.4g, %8.4g]%s\n", tw, t.Name, t.Observed, t.Median, t.P05, t.P95, mark)
	}
	fmt.Fprintf(w, "\n%.1f s; outputs in %s\n", res.Seconds, strings.TrimSuffix(dir, "/"))
}
