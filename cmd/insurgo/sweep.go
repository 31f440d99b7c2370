package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"time"

	"github.com/insurgo/insurgo/internal/sweeprun"
	"github.com/insurgo/insurgo/scenarios"
)

var sweepCmd = &command{
	name:    "sweep",
	summary: "sensitivity sweeps: plan, run shards (Slurm arrays), merge, analyse",
	usage: `
usage: insurgo sweep plan FILE [-shards K] [-out DIR] [-force]
       insurgo sweep run DIR [-shard i/K] [-workers N]
       insurgo sweep merge DIR [-csv]
       insurgo sweep analyze DIR [-format png] [-resamples N] [-no-plots]
       insurgo sweep slurm DIR [-tasks K] [-partition P] [-time T] [-cpus C]
                               [-mem M] [-max-running N] [-sbatch --opt=v]...
       insurgo sweep status DIR

A sweep varies settings of a base scenario over a design and records
output statistics for every point × replicate. FILE is a sweep TOML file
([sweep] with extends, design, size, replicates, seed, [[sweep.param]] and
[[sweep.output]]; see docs/sweeps.md). Example files, one per design, are in
examples/sweeps/ of the source tree (historical-morris.toml,
historical-sobol.toml, historical-grid.toml).

  plan     checks FILE against its base scenario, builds the design (grid,
           lhs, sobol = Saltelli sampling, morris) and writes DIR:
           manifest.json (sweep hash, engine version, shard map),
           design.csv and a copy of FILE.
  run      runs shard i of K into DIR/shards/shard-NNNNN.parquet (one row
           per point × replicate), written to a temporary name and renamed.
           Complete shards are skipped, partial ones redone. Inside a Slurm
           array task -shard defaults to $SLURM_ARRAY_TASK_ID /
           $SLURM_ARRAY_TASK_COUNT; with K below the planned shards, task i
           runs every shard s with s mod K = i; with no -shard and no Slurm,
           every shard.
  merge    checks every shard is present with the plan's hash (naming the
           missing and foreign ones) and writes results.parquet,
           points.csv (per-point mean, sd, min, max) and, with -csv,
           results.csv. 1 shard or 40, the bytes are the same.
  analyze  sobol: first-order and total indices with bootstrap intervals;
           morris: mu*, mu, sigma; grid: main effects and a heat map of
           two-parameter grids; lhs: correlations. Writes DIR/analysis.
  slurm    writes DIR/slurm/{array.sbatch,merge.sbatch,submit.sh}: a job
           array of K tasks (default: one per shard) and a merge job that
           runs after it with afterok; prints how to submit. -time takes
           Slurm's formats (90, 1:30:00, 2-12); -mem a size (4G);
           -max-running caps the tasks running at once; -sbatch adds an
           option to both scripts (repeatable). Any array indices can be
           resubmitted: sbatch --array=3,7 DIR/slurm/array.sbatch.
  status   shards done, running (locked by a live runner), partial (left
           by a stopped runner: a run redoes them) and missing; the
           measured rate and an estimate of the time left.

Replicate r of point p runs under a seed derived from (sweep seed, p) and
r, so results never depend on sharding or workers.`,
}

func init() { sweepCmd.run = runSweep }

func runSweep(ctx context.Context, args []string, e *env) error {
	if len(args) == 0 {
		return usageError("sweep: want a subcommand: plan, run, merge, analyze, slurm or status (see 'insurgo sweep -h')")
	}
	switch args[0] {
	case "-h", "-help", "--help", "help":
		newFlagSet(sweepCmd, e.Stdout).Usage()
		return errHelp
	case "plan":
		return sweepPlan(args[1:], e)
	case "run":
		return sweepRun(ctx, args[1:], e)
	case "merge":
		return sweepMerge(args[1:], e)
	case "analyze", "analyse":
		return sweepAnalyze(args[1:], e)
	case "slurm":
		return sweepSlurm(args[1:], e)
	case "status":
		return sweepStatus(args[1:], e)
	}
	return usageError("sweep: unknown subcommand %q: want plan, run, merge, analyze, slurm or status", args[0])
}

// sweepErr marks the errors that come from what the user gave (a sweep
// file, a scenario, a directory that is not a sweep, an impossible plan
// or Slurm option) as usage errors, exit 2; others, such as a full disk,
// stay failures.
func sweepErr(err error) error {
	var se scenarios.Errors
	var fe sweeprun.Errors
	if errors.As(err, &se) || errors.As(err, &fe) || errors.Is(err, sweeprun.ErrSweepDir) ||
		errors.Is(err, sweeprun.ErrPlan) || errors.Is(err, sweeprun.ErrSlurmOption) || errors.Is(err, sweeprun.ErrSweepFile) {
		return asUsage(err)
	}
	return err
}

// sweepFlags returns a flag set named "sweep SUB" whose -h prints the
// sweep usage.
func sweepFlags(sub string, e *env) *flag.FlagSet {
	c := &command{name: "sweep " + sub, usage: sweepCmd.usage}
	return newFlagSet(c, e.Stdout)
}

// oneArg returns the single positional argument.
func oneArg(sub, what string, pos []string) (string, error) {
	if len(pos) != 1 {
		return "", usageError("sweep %s: want one %s, got %d arguments", sub, what, len(pos))
	}
	return pos[0], nil
}

func sweepPlan(args []string, e *env) error {
	fs := sweepFlags("plan", e)
	shards := fs.Int("shards", 1, "number of shards (>= 1); a Slurm array has at most this many tasks")
	out := fs.String("out", "", "sweep directory (default: the sweep file's name + .sweep)")
	force := fs.Bool("force", false, "replace another plan in the directory, deleting its shards and results")
	extendsAnywhereFlag(fs)
	pos, err := parseArgs(fs, args)
	if err != nil {
		return err
	}
	file, err := oneArg("plan", "sweep file", pos)
	if err != nil {
		return err
	}
	if *shards < 1 {
		return usageError("sweep plan: -shards must be >= 1, got %d", *shards)
	}
	cfg, err := sweeprun.ReadConfig(file)
	if err != nil {
		return asUsage(err)
	}
	if *out == "" {
		*out = strings.TrimSuffix(file, filepath.Ext(file)) + ".sweep"
	}
	man, err := sweeprun.Plan(cfg, sweeprun.ScenarioLoader, sweeprun.PlanOptions{Dir: *out, Shards: *shards, Engine: Version, Force: *force,
		Warn: func(msg string) { fmt.Fprintf(e.Stderr, "insurgo: warning: %s\n", msg) }})
	if err != nil {
		return sweepErr(err)
	}
	fmt.Fprintf(e.Stdout, "planned sweep %s (hash %s): %s design, %d points × %d replicates = %d runs in %d shards\n",
		man.Name, man.Hash[:12], man.Design, man.Points, man.Replicates, man.Points*man.Replicates, len(man.Shards))
	fmt.Fprintf(e.Stdout, "next: insurgo sweep run %s            (all shards here)\n", *out)
	fmt.Fprintf(e.Stdout, "  or: insurgo sweep slurm %s -tasks K  (a Slurm job array)\n", *out)
	return nil
}

// slurmShard returns the task and task count of a Slurm array task.
func slurmShard() (task, tasks int, ok bool, err error) {
	id := os.Getenv("SLURM_ARRAY_TASK_ID")
	if id == "" {
		return 0, 0, false, nil
	}
	task, err = strconv.Atoi(id)
	if err != nil {
		return 0, 0, false, usageError("sweep run: SLURM_ARRAY_TASK_ID=%q is not a number", id)
	}
	count := os.Getenv("SLURM_ARRAY_TASK_COUNT")
	if count == "" {
		// Older Slurm: derive the count from the array's bounds.
		lo, err1 := strconv.Atoi(os.Getenv("SLURM_ARRAY_TASK_MIN"))
		hi, err2 := strconv.Atoi(os.Getenv("SLURM_ARRAY_TASK_MAX"))
		if err1 != nil || err2 != nil || lo != 0 {
			return 0, 0, false, usageError("sweep run: in a Slurm array without SLURM_ARRAY_TASK_COUNT; give -shard i/K")
		}
		return task, hi + 1, true, nil
	}
	tasks, err = strconv.Atoi(count)
	if err != nil {
		return 0, 0, false, usageError("sweep run: SLURM_ARRAY_TASK_COUNT=%q is not a number", count)
	}
	return task, tasks, true, nil
}

func parseShard(s string) (int, int, error) {
	a, b, ok := strings.Cut(s, "/")
	i, err1 := strconv.Atoi(a)
	k, err2 := strconv.Atoi(b)
	if !ok || err1 != nil || err2 != nil || k < 1 || i < 0 || i >= k {
		return 0, 0, usageError("sweep run: -shard %q: want i/K with 0 <= i < K", s)
	}
	return i, k, nil
}

func sweepRun(ctx context.Context, args []string, e *env) error {
	fs := sweepFlags("run", e)
	shard := fs.String("shard", "", "i/K: run shard i of K (default: $SLURM_ARRAY_TASK_ID/$SLURM_ARRAY_TASK_COUNT, else every shard)")
	workers := fs.Int("workers", runtime.NumCPU(), "points run in parallel (> 0); results do not depend on it")
	pos, err := parseArgs(fs, args)
	if err != nil {
		return err
	}
	dir, err := oneArg("run", "sweep directory", pos)
	if err != nil {
		return err
	}
	if *workers < 1 {
		return usageError("sweep run: -workers must be > 0, got %d", *workers)
	}
	task, tasks := 0, 0
	switch {
	case *shard != "":
		if task, tasks, err = parseShard(*shard); err != nil {
			return err
		}
	default:
		var ok bool
		if task, tasks, ok, err = slurmShard(); err != nil {
			return err
		}
		if !ok {
			task, tasks = 0, 1 // every shard
		}
	}
	bar := newProgress(e, 0, "points")
	start := time.Now()
	rep, err := sweeprun.RunShards(ctx, dir, sweeprun.ScenarioLoader, sweeprun.RunOptions{
		Task: task, Tasks: tasks, Workers: *workers, Engine: Version, Log: e.Stderr,
		Progress: func(done, total int) {
			if bar.bar != nil {
				bar.bar.ChangeMax(total)
			}
			bar.set(done, total)
		},
	})
	bar.finish()
	if err != nil {
		return sweepErr(err)
	}
	el := time.Since(start)
	if rep.Points > 0 {
		fmt.Fprintf(e.Stdout, "ran shards %v (%d points, %d runs) in %s: %.1f runs/s on %d workers; skipped complete shards %v\n",
			rep.Ran, rep.Points, rep.Rows, el.Round(time.Millisecond), float64(rep.Rows)/el.Seconds(), *workers, rep.Skipped)
	} else {
		fmt.Fprintf(e.Stdout, "nothing to do: shards %v are complete\n", rep.Skipped)
	}
	if len(rep.Busy) > 0 {
		fmt.Fprintf(e.Stdout, "left shards %v to the runners that hold them (see 'insurgo sweep status %s')\n", rep.Busy, dir)
	}
	return nil
}

func sweepMerge(args []string, e *env) error {
	fs := sweepFlags("merge", e)
	csvOut := fs.Bool("csv", false, "also write results.csv")
	pos, err := parseArgs(fs, args)
	if err != nil {
		return err
	}
	dir, err := oneArg("merge", "sweep directory", pos)
	if err != nil {
		return err
	}
	rep, err := sweeprun.Merge(dir, sweeprun.MergeOptions{CSV: *csvOut})
	if err != nil {
		return sweepErr(err)
	}
	fmt.Fprintf(e.Stdout, "merged %d rows (%d points): %s\n", rep.Rows, rep.Points, strings.Join(rep.Files, ", "))
	return nil
}

func sweepAnalyze(args []string, e *env) error {
	fs := sweepFlags("analyze", e)
	format := fs.String("format", "png", "figure format: png, svg or pdf")
	resamples := fs.Int("resamples", 1000, "bootstrap resamples for the intervals (> 0)")
	noPlots := fs.Bool("no-plots", false, "do not draw figures")
	pos, err := parseArgs(fs, args)
	if err != nil {
		return err
	}
	dir, err := oneArg("analyze", "sweep directory", pos)
	if err != nil {
		return err
	}
	if err := checkFormat(*format); err != nil {
		return err
	}
	if *resamples < 1 {
		return usageError("sweep analyze: -resamples must be > 0, got %d", *resamples)
	}
	a, err := sweeprun.Analyze(dir, sweeprun.AnalyzeOptions{Resamples: *resamples, Format: *format, NoFigures: *noPlots, InlineSVG: !*noPlots})
	if err != nil {
		return sweepErr(err)
	}
	if err := a.WriteText(e.Stdout); err != nil {
		return err
	}
	if err := reportOf(dir, sweepFigures(a)); err != nil {
		return err
	}
	fmt.Fprintf(e.Stdout, "\nwrote %s, %s\n", strings.Join(a.Files, ", "), filepath.Join(dir, "report.html"))
	return nil
}

func sweepSlurm(args []string, e *env) error {
	fs := sweepFlags("slurm", e)
	var o sweeprun.SlurmOptions
	fs.IntVar(&o.Tasks, "tasks", 0, "array tasks (default: one per planned shard; at most the shards)")
	fs.StringVar(&o.Partition, "partition", "", "Slurm partition (default: the cluster's)")
	fs.StringVar(&o.Time, "time", "", "time limit of each array task, e.g. 2:00:00 (default: the partition's)")
	fs.IntVar(&o.CPUs, "cpus", 1, "CPUs per array task; the task runs that many points at once")
	fs.StringVar(&o.Account, "account", "", "Slurm account to charge")
	fs.StringVar(&o.Mem, "mem", "", "memory of each array task, e.g. 4G or 500M (default: the partition's)")
	fs.IntVar(&o.Throttle, "max-running", 0, "at most this many array tasks at once (--array=0-N%M; default: no limit)")
	fs.Func("sbatch", "an extra sbatch option for both scripts, as --name=value (repeatable), e.g. -sbatch --qos=long", func(v string) error {
		o.Extra = append(o.Extra, v)
		return nil
	})
	fs.StringVar(&o.Binary, "bin", "", "insurgo binary as the compute nodes see it (default: this one)")
	pos, err := parseArgs(fs, args)
	if err != nil {
		return err
	}
	dir, err := oneArg("slurm", "sweep directory", pos)
	if err != nil {
		return err
	}
	if o.Tasks < 0 || o.CPUs < 1 || o.Throttle < 0 {
		return usageError("sweep slurm: -tasks and -max-running must be >= 0 and -cpus >= 1")
	}
	s, err := sweeprun.WriteSlurm(dir, o)
	if err != nil {
		return sweepErr(err)
	}
	if s.Temporary {
		fmt.Fprintf(e.Stderr, "insurgo: warning: the jobs will run %s, a temporary 'go run' or 'go test' build that may be gone when they start; 'go install ./cmd/insurgo' and rerun, or pass -bin\n", s.Binary)
	}
	fmt.Fprintf(e.Stdout, "wrote %s (%d array tasks), %s and %s\n\nsubmit with:\n\n\tbash %s\n\nor by hand:\n\n\tjid=$(sbatch --parsable %s)\n\tsbatch --dependency=afterok:$jid %s\n",
		s.Array, s.Tasks, s.Merge, s.Submit, s.Submit, s.Array, s.Merge)
	return nil
}

func sweepStatus(args []string, e *env) error {
	fs := sweepFlags("status", e)
	pos, err := parseArgs(fs, args)
	if err != nil {
		return err
	}
	dir, err := oneArg("status", "sweep directory", pos)
	if err != nil {
		return err
	}
	st, err := sweeprun.ReadStatus(dir, Version)
	if err != nil {
		return sweepErr(err)
	}
	n := len(st.Shards)
	fmt.Fprintf(e.Stdout, "sweep %s: %d shards: %d done, %d running, %d partial, %d missing\n", st.Name, n, st.Done, st.Running, st.Partial, st.Missing)
	for _, s := range []string{sweeprun.ShardRunning, sweeprun.ShardPartial, sweeprun.ShardMissing} {
		if idx := st.Indices(s); idx != "" {
			fmt.Fprintf(e.Stdout, "  %-8s %s\n", s, idx)
		}
	}
	for i, h := range st.Holders {
		if h != "" {
			fmt.Fprintf(e.Stdout, "  shard %d held by %s\n", i, h)
		}
	}
	fmt.Fprintf(e.Stdout, "points: %d done, %d left\n", st.PointsDone, st.PointsLeft)
	switch {
	case st.PointsLeft == 0:
		fmt.Fprintf(e.Stdout, "complete: next, insurgo sweep merge %s\n", dir)
	case st.PointsPerSecond > 0:
		left := st.Left.Round(time.Second)
		if st.Left < 10*time.Second {
			left = st.Left.Round(100 * time.Millisecond)
		}
		fmt.Fprintf(e.Stdout, "rate: %.2f points/s per runner; time left: about %s with %d runner(s)\n", st.PointsPerSecond, left, max(1, st.Running))
	default:
		fmt.Fprintln(e.Stdout, "rate: unknown until a shard completes")
	}
	return nil
}
