package main

import (
	"context"
	"fmt"
	"os"
	"runtime"
	"slices"
	"strings"

	"github.com/insurgo/insurgo/internal/atomicfile"
	"github.com/insurgo/insurgo/internal/report"
	"github.com/insurgo/insurgo/internal/scoretable"
	"github.com/insurgo/insurgo/sim"
)

var scoreCmd = &command{
	name:    "score",
	summary: "score a scenario's targets (CRPS, PIT) against two count baselines",
	usage: `
usage: insurgo score [SCENARIO] [flags]

Score runs replicates of SCENARIO (default: historical) and, for every
[[target]], scores the observed figure under the model's predictive: the
simulated statistic's distribution over replicates plus the target's
observation error (obs_sd). It prints per target the continuous ranked
probability score divided by the observed figure (CRPS/obs: lower is
better; 0.1 means the forecast is off by about a tenth of the figure) and
the probability integral transform (PIT: where the figure falls in the
predictive, 0.5 in the middle, near 0 or 1 in a tail).

The count targets (metric -metric, statistic sum or mean_per_month, in a
stream scope of -regimes or in -total) are also scored under two
baselines, each fitted to the other count targets (leave one target out):
a constant-rate negative binomial (one rate per stream, one dispersion)
and a regime Poisson (one rate per stream and regime; regimes start at the
months -regimes gives). Checks (kind = "check") are scored by the model
only, for information. The model's predictive is the point scenario as
written (fitted by hand against all its targets: an in-sample score),
or, with -posterior DIR, the posterior predictive of that calibration
(each replicate's settings drawn from it; in-sample too).

-loto FILE scores the model leave one target out as well: for each target
the calibration FILE fits, it calibrates the scenario without that target
(in -loto-dir, or a temporary directory) and scores the target under that
calibration's posterior predictive. -loto-population, -loto-budget and
-loto-generations override the file's, to keep the cost down: one
calibration per target. -loto-seed overrides the file's seed, to see how
much the scores owe to the calibrations' draws.

-md FILE rewrites the table between the markers
  ` + scoretable.BeginMarker + `
  ` + scoretable.EndMarker + `
in FILE (model/CALIBRATION.md); -json FILE writes it as JSON. docs/scores.md
has the formulas and references.`,
}

func init() { scoreCmd.run = runScore }

// defaultRegimes are the historical scenario's streams and regime breaks,
// from the domain brief's account: the GDI's intelligence-led raids from
// late 2022 (Afghanistan before and from September 2022), and KP's
// figures by calendar year.
const defaultRegimes = "country:afghanistan=2022-09;group:kp=2022-01,2023-01"

func runScore(ctx context.Context, args []string, e *env) error {
	fs := newFlagSet(scoreCmd, e.Stdout)
	var (
		replicates int
		seed       uint64
		workers    int
		metric     string
		regimes    string
		total      string
		md, js     string
		set        setFlag
	)
	fs.IntVar(&replicates, "replicates", 1000, "replicates of the scenario (>= 2)")
	fs.Uint64Var(&seed, "seed", 1, "master random seed (also draws the randomised PITs)")
	fs.IntVar(&workers, "workers", runtime.NumCPU(), "parallel workers (> 0); results do not depend on it")
	fs.StringVar(&metric, "metric", "claimed", "the metric of the count targets the baselines model")
	fs.StringVar(&regimes, "regimes", defaultRegimes, "the baselines' streams and the months their regimes start: SCOPE=YYYY-MM,...;SCOPE=...")
	fs.StringVar(&total, "total", "total", "the scope that sums the streams (\"\" for none)")
	fs.StringVar(&md, "md", "", "rewrite the score table between its markers in this Markdown file")
	fs.StringVar(&js, "json", "", "write the score table as JSON to this file")
	fs.Var(&set, "set", setUsage)
	var post posteriorFlag
	post.registerInherited(fs)
	var lo lotoOptions
	fs.StringVar(&lo.file, "loto", "", "calibration file: score the model leave one target out, one calibration per target")
	fs.StringVar(&lo.dir, "loto-dir", "", "keep the leave-one-target-out calibrations in this directory")
	fs.IntVar(&lo.population, "loto-population", 0, "override the calibration file's population (> 0)")
	fs.IntVar(&lo.budget, "loto-budget", 0, "override the calibration file's simulation budget (> 0)")
	fs.IntVar(&lo.generation, "loto-generations", 0, "override the calibration file's max_generations (> 0)")
	fs.Uint64Var(&lo.seed, "loto-seed", 0, "override the calibration file's seed (> 0), to see how much the scores owe to it")
	pos, err := parseArgs(fs, args)
	if err != nil {
		return err
	}
	name := "historical"
	switch len(pos) {
	case 0:
	case 1:
		name = pos[0]
	default:
		return usageError("score: one scenario at a time, got %d: %s", len(pos), strings.Join(pos, " "))
	}
	switch {
	case replicates < 2:
		return usageError("score: -replicates must be >= 2, got %d", replicates)
	case workers <= 0:
		return usageError("score: -workers must be > 0, got %d", workers)
	case lo.population < 0 || lo.budget < 0 || lo.generation < 0:
		return usageError("score: -loto-population, -loto-budget and -loto-generations must be >= 0")
	case lo.file != "" && post.dir != "":
		return usageError("score: -loto and -posterior: give one (the model is scored under one predictive)")
	}
	if err := post.load(); err != nil {
		return err
	}
	scopes, breaks, err := scoretable.ParseRegimes(regimes)
	if err != nil {
		return usageError("score: -%v", err)
	}
	var doc []byte // the -md file, read before the run so a mistake costs nothing
	if md != "" {
		if doc, err = os.ReadFile(md); err != nil {
			return asUsage(fmt.Errorf("score: -md: %v", err))
		}
		if _, err := scoretable.Replace(doc, nil); err != nil {
			return asUsage(fmt.Errorf("score: -md %s: %v", md, err))
		}
	}
	scs, err := loadScenarios(e.Stderr, name)
	if err != nil {
		return err
	}
	sc, err := applySets(scs[0], set)
	if err != nil {
		return err
	}
	if lo.file == "" {
		if err := post.shipped(sc); err != nil {
			return err
		}
	}
	have := sc.Scopes()
	for _, s := range append(scopes, total) {
		if s != "" && !slices.Contains(have, s) {
			return usageError("score: scope %q: the scenario records no such scope", s)
		}
	}
	cal, err := sc.Calendar()
	if err != nil {
		return asUsage(err)
	}
	factory, err := post.factory(sc, &cal, seed)
	if err != nil {
		return err
	}
	observed := sc.Observed()
	if len(observed) == 0 {
		return usageError("score: scenario %s has no [[target]] to score", sc.Name)
	}
	windows := report.Windows(observed)
	bar := newProgress(e, replicates, sc.Name)
	agg, err := sim.Batch{Calendar: cal, Seed: seed, Count: replicates, Workers: workers, Windows: windows, Progress: bar.set}.Run(ctx, factory)
	bar.finish()
	if err != nil {
		return err
	}
	dists := make([]scoretable.Dist, len(observed))
	for i := range observed {
		v, c := agg.Stat(i).Values()
		dists[i] = scoretable.Dist{Values: v, Counts: c}
	}
	how := "point scenario, in-sample"
	if post.post != nil {
		how = fmt.Sprintf("posterior predictive of calibration %s (posterior hash %.12s), in-sample", post.post.Name, post.post.Hash)
	}
	if lo.file != "" {
		if dists, err = lotoDists(ctx, e, sc, observed, lo, replicates, seed, workers); err != nil {
			return err
		}
		how = "posterior predictive, leave one target out: calibrated by " + lo.file + " without the target scored"
		if lo.population > 0 || lo.budget > 0 || lo.generation > 0 {
			how += fmt.Sprintf(" (population %d, budget %d, generations %d; 0: the file's)", lo.population, lo.budget, lo.generation)
		}
	}
	st := &scoretable.Streams{Metric: metric, Scopes: scopes, Breaks: breaks, Total: total}
	tb, err := scoretable.Build(observed, dists, &cal, st, seed)
	if err != nil {
		return err
	}
	about := fmt.Sprintf("`insurgo score %s` (%d replicates, seed %d; model: %s; baselines leave one target out; regimes %s):",
		strings.Join(args, " "), replicates, seed, how, regimes)
	table := tb.Markdown(about)
	fmt.Fprintf(e.Stdout, "%s", table)
	if md != "" {
		out, err := scoretable.Replace(doc, table)
		if err != nil {
			return asUsage(fmt.Errorf("score: -md %s: %v", md, err))
		}
		if err := atomicfile.WriteBytes(md, out); err != nil {
			return err
		}
	}
	if js != "" {
		if err := atomicfile.WriteJSON(js, tb); err != nil {
			return err
		}
	}
	return nil
}
