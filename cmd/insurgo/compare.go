package main

import (
	"cmp"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"

	"github.com/insurgo/insurgo/internal/atomicfile"
	"github.com/insurgo/insurgo/internal/compare"
	"github.com/insurgo/insurgo/internal/htmlreport"
	"github.com/insurgo/insurgo/internal/textdist"
	"github.com/insurgo/insurgo/scenarios"
	"github.com/insurgo/insurgo/sim"
)

var compareCmd = &command{
	name:    "compare",
	summary: "compare scenarios replicate by replicate; score hypotheses against the targets",
	usage: `
usage: insurgo compare A B [C ...] [flags]

Compare runs every scenario (shipped names, see 'insurgo scenarios', or .toml
paths) with the same seed and replicates, so replicate i of every scenario
draws the same random numbers (common random numbers): a difference between
scenarios measures the change of setting, not the noise. The scenarios
must run one model. For the window statistic (-metric, -scope, -statistic
over -window; left out, the model's headline: attacks in Afghanistan summed
over the last 12 months for the ISK model, the mean active citizens per
recorded step over the whole run for the civil one) it prints:

  - for each scenario, the median and 90% interval over replicates;
  - for each scenario against the first (A): the paired difference B_i − A_i
    (median, 90% interval), the unpaired interval for contrast, the change
    per replicate B_i/A_i − 1 (median, 90% interval: the spread of simulated
    outcomes), the relative change of the means mean(B)/mean(A) − 1 with a
    bootstrap 90% interval (2000 resamples of the replicates, pairs kept
    together: the Monte Carlo precision of the mean effect), P(B < A) (the
    share of replicates with B_i < A_i, ties counted half), and how much the
    pairing helped: (var(A) + var(B)) / var(B − A);
  - for the ISK model, signatures that tell a strategic slowdown from a
    degradation (the civil model has none), each over
    the window (median and 90% interval over replicates): fighters retained
    (fighters at the window's end over fighters the month before it), suicide
    share (suicide_attacks / attacks in -scope), casualties per attack (in
    -scope), KP share (attacks in group:kp / all attacks), and the rebound:
    months from the lapse of pressure until the 3-month mean tempo (metric in
    -scope) is back to half (-rebound-level) its mean over the 6 months before
    pressure began, and the tempo under pressure: its monthly mean during the
    pressure over that pre-pressure mean.
    The pressure span is -pressure FROM:TO, or by default read from the first
    scenario's [[raid_phase]] schedule: the last phase with raids before the
    first phase that stops them (per_month = 0), whose start is the lapse.
    Without a lapse there is no rebound.

With -targets, each scenario is scored against the observed [[target]]
figures the scenarios carry in common, by rejection ABC: a replicate's
distance is sqrt(sum over targets of ((simulated − observed) / scale)^2),
scale being the target's standard deviation over all replicates of all
scenarios pooled; replicates within the -tolerance quantile of all distances
pooled are accepted, and a scenario's posterior probability (equal priors) is
its acceptance rate over the sum of all rates. The posterior at half and
twice the tolerance is shown too. -synthetic NAME replaces the observed
figures by one replicate of scenario NAME run under seed S+1: a check that
the scoring recovers the scenario that made the data.

-set KEY=VALUE (repeatable) changes a setting in every scenario compared,
as 'insurgo run -set' does.

Outputs, written whole or not at all into -out: report.html (all of it in
one self-contained page), resolved/NAME.toml (each
scenario as run, runnable as it is), compare.json (everything,
with every replicate's value), compare.csv (tidy rows that stack across
metrics and runs: scenario, against, metric, scope, of, window, statistic,
quantity, estimate, p05, p50, p95, n), manifest.json (versions, command line,
scenario hashes) and the
figures in plots/: compare (the statistic per scenario), difference (paired
and unpaired, against the first), one per signature, and with -targets one
per target with the observed figure.
The same scenarios, seed and replicates give the same bytes, whatever
-workers. A non-empty output directory is refused unless -force is given.`,
}

func init() { compareCmd.run = runCompare }

// compareOptions are the flags of insurgo compare.
type compareOptions struct {
	batchFlags
	window    string
	metric    string
	scope     string
	of        string
	statistic string
	pressure  string
	level     float64
	targets   bool
	tolerance float64
	synthetic string
	posterior posteriorFlag
}

func runCompare(ctx context.Context, args []string, e *env) error {
	var o compareOptions
	fs := newFlagSet(compareCmd, e.Stdout)
	o.register(fs, "compare", "replicates per scenario (>= 2)", "master random seed, shared by every scenario")
	fs.StringVar(&o.window, "window", "", "months compared, FROM:TO as YYYY-MM:YYYY-MM (default: the last 12 months every scenario runs)")
	fs.StringVar(&o.metric, "metric", "", "metric compared (default: the model's headline: attacks for ISK, active for civil); several, comma-separated (attacks,recruits,fighters), are compared in the same replicates")
	fs.StringVar(&o.scope, "scope", "", "scope of the metric (default: the model's: country:afghanistan for ISK, total for civil)")
	fs.StringVar(&o.of, "of", "", "denominator scope, for -statistic share")
	fs.StringVar(&o.statistic, "statistic", "", "window statistic (default: the model's: sum for ISK, mean_per_month, the mean per recorded step, for civil): "+strings.Join(sim.StatKinds, ", "))
	fs.StringVar(&o.pressure, "pressure", "", "pressure span FROM:TO for the rebound signature (default: from the first scenario's raid phases)")
	fs.Float64Var(&o.level, "rebound-level", 0.5, "the rebound is back to this share of the pre-pressure tempo (> 0)")
	fs.BoolVar(&o.targets, "targets", false, "score the scenarios against their observed targets (rejection ABC)")
	fs.Float64Var(&o.tolerance, "tolerance", compare.Tolerance, "with -targets: acceptance quantile of the pooled distances, in (0, 1]")
	fs.StringVar(&o.synthetic, "synthetic", "", "with -targets: use one replicate of this scenario (seed S+1) as the observations")
	o.posterior.registerInherited(fs)
	pos, err := parseArgs(fs, args)
	if err != nil {
		return err
	}
	switch {
	case len(pos) < 2:
		return usageError("compare: need at least two scenarios, got %d (see 'insurgo compare -h')", len(pos))
	case !(o.level > 0):
		return usageError("compare: -rebound-level must be > 0, got %g", o.level)
	case !(o.tolerance > 0 && o.tolerance <= 1):
		return usageError("compare: -tolerance must be in (0, 1], got %g", o.tolerance)
	case o.synthetic != "" && !o.targets:
		return usageError("compare: -synthetic needs -targets")
	}
	if err := o.check("compare", 2); err != nil {
		return err
	}
	if err := o.posterior.load(); err != nil {
		return err
	}
	scs, err := loadScenarios(e.Stderr, pos...)
	if err != nil {
		return err
	}
	for _, sc := range scs[1:] {
		if sc.Model != scs[0].Model {
			return usageError("compare: %s runs the %s model and %s the %s model; compare scenarios of one model", scs[0].Name, scs[0].Model, sc.Name, sc.Model)
		}
	}
	// Flags left out take the model's headline figure.
	head := scs[0].Headline()
	o.metric = cmp.Or(o.metric, head.Metric)
	o.scope = cmp.Or(o.scope, head.Scope)
	o.statistic = cmp.Or(o.statistic, head.Statistic)
	// The window's own check (statistic, denominator), as for targets and
	// sweep outputs; its keys are the flags' names.
	if ps := (sim.Window{Statistic: o.statistic, Of: o.of}).Problems(nil); len(ps) > 0 {
		return usageError("compare: -%s: %s", ps[0].Key, ps[0].Msg)
	}
	metrics, err := splitMetrics(o.metric)
	if err != nil {
		return err
	}
	o.metric = metrics[0] // the signatures follow the first
	for i := range scs {
		if scs[i], err = applySets(scs[i], o.set); err != nil {
			return err
		}
	}
	if err := o.posterior.shipped(scs...); err != nil {
		return err
	}
	arms := make([]compare.Arm, len(scs))
	for i, sc := range scs {
		for _, m := range metrics {
			if err := checkMetricScope(sc, m, o.scope, o.of); err != nil {
				return err
			}
		}
		if err := checkWork(sc, o.replicates, o.workers, o.large); err != nil {
			return err
		}
		cal, err := sc.Calendar()
		if err != nil {
			return asUsage(fmt.Errorf("scenario %s: %w", sc.Name, err))
		}
		arms[i] = compare.Arm{Name: sc.Name, Hash: sc.Hash, Calendar: cal, Targets: sc.Observed()}
	}
	for i := range arms {
		for j := range i {
			if arms[i].Name == arms[j].Name {
				arms[i].Name = fmt.Sprintf("%s#%d", arms[i].Name, i+1)
			}
		}
	}
	from, to, err := compareWindow(o.window, arms)
	if err != nil {
		return err
	}
	win := sim.Window{Name: o.metric, Metric: o.metric, Scope: o.scope, Of: o.of, From: from, To: to, Statistic: o.statistic}
	var more []sim.Window
	for _, m := range metrics[1:] {
		w := win
		w.Name, w.Metric = m, m
		more = append(more, w)
	}
	sigs, notes, err := signatures(o, scs[0], arms, from, to)
	if err != nil {
		return err
	}
	for i, sc := range scs {
		if arms[i].Factory, err = o.posterior.factory(sc, &arms[i].Calendar, o.seed); err != nil {
			return asUsage(fmt.Errorf("scenario %s: %w", sc.Name, err))
		}
	}
	opts := compare.Options{
		Seed: o.seed, Replicates: o.replicates, Workers: o.workers,
		Window: win, More: more, Engine: Version, Signatures: sigs, Targets: o.targets, TargetQuantile: o.tolerance,
	}
	if o.synthetic != "" {
		k := slices.IndexFunc(scs, func(s *scenarios.Scenario) bool { return s.Name == o.synthetic || s.Source == o.synthetic })
		if k < 0 {
			return usageError("compare: -synthetic %q is not one of the scenarios compared (%s)", o.synthetic, strings.Join(pos, ", "))
		}
		opts.Synthetic = &compare.Synthetic{Arm: k, Seed: o.seed + 1}
	}
	od, err := openOutDir(o.out, o.force)
	if err != nil {
		return err
	}
	defer od.abort()
	final := o.out
	o.out = od.stage
	var bar *progress
	current := ""
	opts.Progress = func(arm string, done, total int) {
		if arm != current {
			if bar != nil {
				bar.finish()
			}
			bar, current = newProgress(e, total, arm), arm
		}
		bar.set(done, total)
	}
	res, err := compare.Run(ctx, arms, opts)
	if bar != nil {
		bar.finish()
	}
	if err != nil {
		return err
	}
	if p := o.posterior.post; p != nil {
		res.Posterior, res.PosteriorHash = p.Name, p.Hash
	}
	for i, sc := range scs {
		fmt.Fprintf(e.Stdout, "%c = %s: %s\n", 'A'+rune(min(i, 25)), arms[i].Name, sc.Description)
	}
	o.posterior.note(e.Stdout, scs...)
	fmt.Fprintln(e.Stdout)
	if err := res.WriteTable(e.Stdout); err != nil {
		return err
	}
	for _, n := range notes {
		fmt.Fprintf(e.Stdout, "note: %s\n", n)
	}
	if err := interruptible(ctx, func() error {
		if err := writeCompareFiles(res, o.out); err != nil {
			return err
		}
		for i, sc := range scs {
			if err := writeResolved(filepath.Join(o.out, resolvedName(arms[i].Name)), sc); err != nil {
				return err
			}
		}
		if err := writeCompareManifest(filepath.Join(o.out, "manifest.json"), o, scs, arms); err != nil {
			return err
		}
		figs := []htmlreport.Figure{}
		if !o.noPlots {
			if err := drawComparePlots(res, filepath.Join(o.out, "plots"), o.format); err != nil {
				return err
			}
			figs = nil // the report reads them from plots/
			if o.format != "svg" {
				var err error
				if figs, err = svgFigures(func(dir string) error { return drawComparePlots(res, dir, "svg") }); err != nil {
					return err
				}
			}
		}
		return reportOf(o.out, figs)
	}, od.cleanup); err != nil {
		return err
	}
	if err := od.commit(); err != nil {
		return err
	}
	fmt.Fprintf(e.Stdout, "\noutputs in %s\n", final)
	return nil
}

// splitMetrics splits a comma-separated -metric into its metrics, in
// order, without repeats.
func splitMetrics(s string) ([]string, error) {
	var out []string
	for _, m := range strings.Split(s, ",") {
		m = strings.TrimSpace(m)
		if m == "" {
			return nil, usageError("compare: -metric %q: an empty metric name; want names separated by commas, such as attacks,recruits,fighters", s)
		}
		if !slices.Contains(out, m) {
			out = append(out, m)
		}
	}
	return out, nil
}

// compareManifest is manifest.json of a comparison: what varies between
// two runs of the same inputs (version, machine, command line) and the
// scenarios' sources and hashes.
type compareManifest struct {
	Version    string            `json:"version"`
	Revision   string            `json:"revision,omitempty"`
	GoVersion  string            `json:"go_version"`
	Seed       uint64            `json:"seed"`
	Replicates int               `json:"replicates"`
	Workers    int               `json:"workers"`
	Scenarios  []compareScenario `json:"scenarios"`
	Args       []string          `json:"args"`
	Set        []string          `json:"set,omitempty"`
	// PosteriorHash is the SHA-256 of the posterior.csv drawn from (compare -posterior).
	PosteriorHash string `json:"posterior_hash,omitempty"`
}

type compareScenario struct {
	Name   string `json:"name"`
	Source string `json:"source"`
	Hash   string `json:"scenario_hash"`
	// Fixed are the calibrated settings the scenario sets itself, kept
	// at its values while the others are drawn from the posterior.
	Fixed []string `json:"posterior_fixed,omitempty"`
}

func writeCompareManifest(path string, o compareOptions, scs []*scenarios.Scenario, arms []compare.Arm) error {
	m := compareManifest{Version: Version, Revision: buildRevision(), GoVersion: runtime.Version(),
		Seed: o.seed, Replicates: o.replicates, Workers: o.workers, Args: os.Args[1:], Set: o.set}
	if p := o.posterior.post; p != nil {
		m.PosteriorHash = p.Hash
	}
	for i, sc := range scs {
		cs := compareScenario{Name: arms[i].Name, Source: sc.Source, Hash: sc.Hash}
		if o.posterior.post != nil && !o.posterior.point {
			cs.Fixed = o.posterior.fixed[sc]
		}
		m.Scenarios = append(m.Scenarios, cs)
	}
	return atomicfile.WriteJSON(path, m)
}

// checkMetricScope reports a metric or scope the scenario's model does not
// record, with the nearest known names.
func checkMetricScope(sc *scenarios.Scenario, metric, scope, of string) error {
	ms, ss := sc.Metrics(), sc.Scopes()
	if !slices.Contains(ms, metric) {
		h := textdist.Hint(metric, ms)
		if !strings.HasPrefix(h, " (did") {
			h = "; known metrics: " + strings.Join(ms, ", ")
		}
		return usageError("compare: -metric %q: scenario %s records none%s", metric, sc.Name, h)
	}
	for _, s := range []string{scope, of} {
		if s != "" && !slices.Contains(ss, s) {
			h := ""
			if k, ok := textdist.Nearest(s, ss); ok {
				h = fmt.Sprintf(" (did you mean %q?)", k)
			}
			return usageError("compare: scope %q: scenario %s records none%s; scopes are total, country:<c>, group:<g>, region:<Name>, type:<attack type>, border:<name>", s, sc.Name, h)
		}
	}
	return nil
}

// compareWindow parses FROM:TO, or picks the last 12 months every arm
// runs, and checks that the window lies within every arm's calendar.
func compareWindow(s string, arms []compare.Arm) (from, to sim.Month, err error) {
	stepped := 0
	for _, a := range arms {
		if a.Calendar.Stepped() {
			stepped++
		}
	}
	switch {
	case stepped > 0 && stepped < len(arms):
		return from, to, usageError("compare: the scenarios mix runs of dates and runs of steps (a civil model); compare like with like")
	case stepped > 0 && s != "":
		return from, to, usageError("compare: -window %s: runs of steps have no months; leave -window out to compare the whole run", s)
	case stepped > 0:
		return sim.Month{}, sim.Month{}, nil // the whole run
	}
	first, last := arms[0].Calendar.FirstMonth(), lastMonth(&arms[0].Calendar)
	for _, a := range arms[1:] {
		if f := a.Calendar.FirstMonth(); f.Index(first) > 0 {
			first = f
		}
		if l := lastMonth(&a.Calendar); l.Index(last) < 0 {
			last = l
		}
	}
	if s == "" {
		if last.Index(first) < 0 {
			return from, to, usageError("compare: the scenarios share no month")
		}
		from = last.Add(-11)
		if from.Index(first) < 0 {
			from = first
		}
		return from, last, nil
	}
	from, to, err = parseSpan(s, "-window")
	if err != nil {
		return from, to, err
	}
	for _, a := range arms {
		_, ok1 := a.Calendar.MonthIndex(from)
		_, ok2 := a.Calendar.MonthIndex(to)
		if !ok1 || !ok2 {
			return from, to, usageError("compare: -window %s:%s does not lie within scenario %s, which runs %s..%s; every scenario runs %s..%s",
				from, to, a.Name, a.Calendar.FirstMonth(), lastMonth(&a.Calendar), first, last)
		}
	}
	return from, to, nil
}

// parseSpan parses FROM:TO months given to flag.
func parseSpan(s, flag string) (from, to sim.Month, err error) {
	a, b, ok := strings.Cut(s, ":")
	if !ok {
		return from, to, usageError("compare: %s %q: want FROM:TO as YYYY-MM:YYYY-MM, e.g. 2023-07:2024-06", flag, s)
	}
	if from, err = sim.ParseMonth(a); err != nil {
		return from, to, usageError("compare: %s: %v", flag, err)
	}
	if to, err = sim.ParseMonth(b); err != nil {
		return from, to, usageError("compare: %s: %v", flag, err)
	}
	if to.Index(from) < 0 {
		return from, to, usageError("compare: %s %s: ends before it starts", flag, s)
	}
	return from, to, nil
}

func lastMonth(c *sim.Calendar) sim.Month { return c.Month(c.Months() - 1) }

// signatures returns the first scenario's signatures over the window,
// and notes on the ones left out; -pressure, when given, sets the span
// the rebound is measured after.
func signatures(o compareOptions, first *scenarios.Scenario, arms []compare.Arm, from, to sim.Month) ([]compare.Signature, []string, error) {
	q := scenarios.SignatureQuery{Metric: o.metric, Scope: o.scope, From: from, To: to, Arms: arms, Level: o.level}
	if o.pressure != "" {
		pfrom, pto, err := parseSpan(o.pressure, "-pressure")
		if err != nil {
			return nil, nil, err
		}
		q.Pressure = &[2]sim.Month{pfrom, pto}
	}
	sigs, notes, err := first.Signatures(q)
	if err != nil {
		return nil, nil, usageError("compare: -pressure: %v", err)
	}
	return sigs, notes, nil
}

// writeCompareFiles writes compare.json and compare.csv into dir.
func writeCompareFiles(res *compare.Result, dir string) error {
	js, err := res.MarshalIndent()
	if err != nil {
		return err
	}
	if err := atomicfile.WriteBytes(filepath.Join(dir, "compare.json"), js); err != nil {
		return err
	}
	return atomicfile.Write(filepath.Join(dir, "compare.csv"), func(w io.Writer) error { return res.WriteCSV(w) })
}
