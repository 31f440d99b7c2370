package main

import (
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"time"

	"github.com/insurgo/insurgo/internal/atomicfile"
	"github.com/insurgo/insurgo/internal/htmlreport"
	"github.com/insurgo/insurgo/internal/report"
	"github.com/insurgo/insurgo/scenarios"
	"github.com/insurgo/insurgo/sim"
)

var runCmd = &command{
	name:    "run",
	summary: "run a Monte Carlo batch of a scenario and write its outputs",
	usage: `
usage: insurgo run [SCENARIO] [flags]

Run runs replicates of SCENARIO (a shipped name, see 'insurgo scenarios', or
the path of a .toml file; default: historical) in parallel and writes to the
output directory:

	resolved.toml   the scenario as run (extends merged, -set applied):
	                'insurgo run resolved.toml' reproduces the run (with
	                the same -posterior, e.g. -posterior historical)
	summary.json    per-month quantiles of every metric × scope, the targets
	                against their simulated 90% intervals (same inputs, same bytes)
	monthly.csv     the same quantiles as tidy rows
	manifest.json   version, command line, timing
	plots/          the default figures
	report.html     all of it in one self-contained page, to read offline
	                or print to PDF ('insurgo report' gathers several runs)
	replicates.csv  with -per-replicate: every replicate's monthly values
	                (replicate, month, metric, scope, value; zeros left out)
	events.csv      with -per-replicate: every replicate's events: replicate,
	                date, kind, type, region, then one column per field, each
	                of one meaning: casualties, deaths, wounded, suicide and
	                claimed (0/1) of attacks, killed and hit (0/1) of raids,
	                fighters of moves; empty where it does not apply
	*.parquet       with -per-replicate: the same two tables as Parquet,
	                typed and compressed, for large batches

-set KEY=VALUE changes one setting without editing a file (repeatable);
KEY is a dotted path as in sweeps: attacks.rate, raids.per_month,
region.Nangarhar.grievance, start. 'insurgo show SCENARIO -set ...' prints
the result.

A scenario that ships a posterior (historical: scenarios/posterior/historical,
made by 'insurgo calibrate' from the calibration.toml there), or extends one
that does (sustained-pressure, slowdown, ...), runs with each replicate's
settings drawn from it, so the intervals include what the published figures
leave uncertain about the settings. A calibrated setting the scenario (or a
-set) gives another value than the calibrated scenario keeps that value; the
others are drawn. -point runs the posterior median as one point, -posterior
none the scenario's own settings, -posterior DIR another calibration's
posterior.

Flags may come before or after SCENARIO. A non-empty output directory is
refused unless -force is given. Ctrl-C stops the run within a second and
leaves no partial file.`,
}

func init() { runCmd.run = runRun }

// phaseHook is called as a run enters a phase ("ran": the batch is done;
// "plot": the files are written and figures come next). Tests set it to
// interrupt a run at each phase.
var phaseHook = func(phase string) {}

// runOptions are the flags of insurgo run.
type runOptions struct {
	batchFlags
	perReplicate bool
	cleanup      func() // removes the staging directory if the run was aborted
	posterior    posteriorFlag
}

func runRun(ctx context.Context, args []string, e *env) error {
	var o runOptions
	fs := newFlagSet(runCmd, e.Stdout)
	o.register(fs, "out", "number of replicates (> 0)", "master random seed; the same seed gives the same outputs")
	fs.BoolVar(&o.perReplicate, "per-replicate", false, "also write replicates.csv, events.csv and their Parquet forms")
	o.posterior.registerShipped(fs)
	pos, err := parseArgs(fs, args)
	if err != nil {
		return err
	}
	if err := o.posterior.load(); err != nil {
		return err
	}
	name := o.posterior.defaultScenario("historical")
	switch len(pos) {
	case 0:
	case 1:
		name = pos[0]
	default:
		return usageError("run: one scenario at a time, got %d: %s", len(pos), strings.Join(pos, " "))
	}
	if err := o.check("run", 1); err != nil {
		return err
	}
	scs, err := loadScenarios(e.Stderr, name)
	if err != nil {
		return err
	}
	sc, err := applySets(scs[0], o.set)
	if err != nil {
		return err
	}
	if err := o.posterior.shipped(sc); err != nil {
		return err
	}
	if sc, err = o.posterior.pointScenario(sc); err != nil {
		return err
	}
	if err := checkWork(sc, o.replicates, o.workers, o.large); err != nil {
		return err
	}
	od, err := openOutDir(o.out, o.force)
	if err != nil {
		return err
	}
	defer od.abort()
	final := o.out
	o.out, o.cleanup = od.stage, od.cleanup
	res, err := runScenario(ctx, sc, o, e)
	if err != nil {
		return err
	}
	if err := od.commit(); err != nil {
		return err
	}
	printRunSummary(e.Stdout, res.summary)
	o.posterior.note(e.Stdout, sc)
	fmt.Fprintf(e.Stdout, "\n%d replicates in %s (%.0f replicates/s on %d workers); outputs in %s\n",
		o.replicates, res.elapsed.Round(time.Millisecond), float64(o.replicates)/res.elapsed.Seconds(), o.workers, final)
	return nil
}

// runResult is what a run produced.
type runResult struct {
	summary *report.Summary
	elapsed time.Duration
}

// runScenario runs the batch and writes every output file into o.out.
func runScenario(ctx context.Context, sc *scenarios.Scenario, o runOptions, e *env) (*runResult, error) {
	cal, err := sc.Calendar()
	if err != nil {
		return nil, asUsage(err)
	}
	factory, err := o.posterior.factory(sc, &cal, o.seed)
	if err != nil {
		return nil, asUsage(err)
	}
	observed := sc.Observed()
	windows := report.Windows(observed)
	bar := newProgress(e, o.replicates, sc.Name)
	b := sim.Batch{
		Calendar: cal, Seed: o.seed, Count: o.replicates, Workers: o.workers,
		Windows: windows, KeepEvents: o.perReplicate, Progress: bar.set,
	}
	start := time.Now()
	var agg *sim.Aggregate
	if o.perReplicate {
		agg, err = runPerReplicate(ctx, b, factory, o.out, &cal, sc.EventFields())
	} else {
		agg, err = b.Run(ctx, factory)
	}
	bar.finish()
	if err != nil {
		return nil, err
	}
	phaseHook("ran")
	elapsed := time.Since(start)
	s, err := report.Build(agg, &cal, observed)
	if err != nil {
		return nil, err
	}
	s.Scenario, s.Description, s.ScenarioHash, s.Seed = sc.Name, sc.Description, sc.Hash, o.seed
	if p := o.posterior.post; p != nil {
		s.Posterior, s.PosteriorHash = p.Name, p.Hash
	}
	if err := interruptible(ctx, func() error { return writeRunFiles(e.Stderr, s, o, sc, elapsed) }, o.cleanup); err != nil {
		return nil, err
	}
	return &runResult{summary: s, elapsed: elapsed}, nil
}

// runPerReplicate runs b while streaming every replicate's values and
// events to replicates.csv and events.csv, and the same rows to
// replicates.parquet and events.parquet (typed and compressed, for large
// batches); all four appear only if the whole batch succeeds.
func runPerReplicate(ctx context.Context, b sim.Batch, f sim.Factory, dir string, cal *sim.Calendar, fields []string) (*sim.Aggregate, error) {
	var agg *sim.Aggregate
	months := cal.MonthLabels()
	names := []string{"replicates.csv", "events.csv", "replicates.parquet", "events.parquet"}
	err := writeFiles(dir, names, func(ws []io.Writer) error {
		cr, ce := csv.NewWriter(ws[0]), csv.NewWriter(ws[1])
		if err := cr.Write(report.ReplicatesHeader); err != nil {
			return err
		}
		if err := ce.Write(report.EventsHeader(fields)); err != nil {
			return err
		}
		pr, err := report.NewReplicatesParquet(ws[2], Version)
		if err != nil {
			return err
		}
		pe, err := report.NewEventsParquet(ws[3], fields, Version)
		if err != nil {
			return err
		}
		b.OnReplicate = func(rep int, r *sim.Recorder) error {
			return errors.Join(
				report.WriteReplicateRows(cr, rep, r, months),
				report.WriteEventRows(ce, rep, r, cal, fields),
				pr.Write(rep, r, months),
				pe.Write(rep, r, cal))
		}
		if agg, err = b.Run(ctx, f); err != nil {
			return err
		}
		cr.Flush()
		ce.Flush()
		return errors.Join(cr.Error(), ce.Error(), pr.Close(), pe.Close())
	})
	return agg, err
}

// writeFiles writes the named files in dir atomically, all or none.
func writeFiles(dir string, names []string, fn func([]io.Writer) error) error {
	var ws []io.Writer
	var open func(i int) error
	open = func(i int) error {
		if i == len(names) {
			return fn(ws)
		}
		return atomicfile.Write(filepath.Join(dir, names[i]), func(w io.Writer) error {
			ws = append(ws, w)
			return open(i + 1)
		})
	}
	return open(0)
}

// manifest is manifest.json: what varies between two runs of the same
// inputs (time, machine, version) and is therefore kept out of summary.json.
type manifest struct {
	Version      string `json:"version"`
	GoVersion    string `json:"go_version"`
	Scenario     string `json:"scenario"`
	Source       string `json:"source"`
	ScenarioHash string `json:"scenario_hash"`
	// PosteriorHash is the SHA-256 of the posterior.csv drawn from (run -posterior).
	PosteriorHash string `json:"posterior_hash,omitempty"`
	// PosteriorFixed are the calibrated settings the scenario sets
	// itself, kept at its values while the others are drawn.
	PosteriorFixed []string `json:"posterior_fixed,omitempty"`
	// PosteriorPoint: the run was of the posterior median (-point).
	PosteriorPoint bool     `json:"posterior_point,omitempty"`
	Seed           uint64   `json:"seed"`
	Replicates     int      `json:"replicates"`
	Workers        int      `json:"workers"`
	Started        string   `json:"started"`
	Seconds        float64  `json:"seconds"`
	PerSecond      float64  `json:"replicates_per_second"`
	Args           []string `json:"args"`
	// Set lists the -set overrides, as given; Scenario and ScenarioHash
	// are of the scenario with them applied, as in resolved.toml.
	Set      []string `json:"set,omitempty"`
	Revision string   `json:"revision,omitempty"`
}

// writeRunFiles writes summary.json, monthly.csv, manifest.json and the
// figures.
func writeRunFiles(w io.Writer, s *report.Summary, o runOptions, sc *scenarios.Scenario, elapsed time.Duration) error {
	if err := atomicfile.WriteJSON(filepath.Join(o.out, "summary.json"), s); err != nil {
		return err
	}
	if err := atomicfile.Write(filepath.Join(o.out, "monthly.csv"), func(w io.Writer) error {
		return report.WriteMonthlyCSV(w, s)
	}); err != nil {
		return err
	}
	m := manifest{
		Version: Version, GoVersion: runtime.Version(),
		Scenario: sc.Name, Source: sc.Source, ScenarioHash: sc.Hash, PosteriorHash: s.PosteriorHash, PosteriorFixed: o.posterior.fixed[sc], PosteriorPoint: o.posterior.point && s.PosteriorHash != "",
		Seed: o.seed, Replicates: o.replicates, Workers: o.workers,
		Started: time.Now().Add(-elapsed).UTC().Format(time.RFC3339),
		Seconds: elapsed.Seconds(), PerSecond: float64(o.replicates) / elapsed.Seconds(),
		Args: os.Args[1:], Set: o.set, Revision: buildRevision(),
	}
	if err := writeResolved(filepath.Join(o.out, "resolved.toml"), sc); err != nil {
		return err
	}
	if err := atomicfile.WriteJSON(filepath.Join(o.out, "manifest.json"), m); err != nil {
		return err
	}
	var figs []htmlreport.Figure // nil: the report draws them as SVG
	if o.noPlots {
		figs = []htmlreport.Figure{}
	} else {
		phaseHook("plot")
		if err := drawRunPlots(w, s, filepath.Join(o.out, "plots"), o.format); err != nil {
			return err
		}
	}
	return reportOf(o.out, figs)
}
