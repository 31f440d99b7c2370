package compare

import (
	"context"
	"fmt"
	"math"

	"github.com/insurgo/insurgo/internal/report"
	"github.com/insurgo/insurgo/sim"
)

// Arm is one scenario of a comparison.
type Arm struct {
	Name     string
	Hash     string // the scenario's hash, for compare.json; may be empty
	Factory  sim.Factory
	Calendar sim.Calendar
	// Targets are the observed figures the arm carries, for model choice.
	Targets []report.Observed
}

// Options set up a comparison.
type Options struct {
	Seed       uint64 // master seed shared by every arm
	Replicates int    // replicates per arm; must be >= 2
	Workers    int    // goroutines per batch; 0 means GOMAXPROCS. Results do not depend on it.

	// Window is the compared statistic, such as attacks in
	// country:afghanistan summed over 2024-01..2024-12. It must lie within
	// every arm's calendar.
	Window sim.Window

	// More are further statistics compared in the same replicates, each
	// like Window (other metrics, scopes or statistics over their own
	// months): compare -metric attacks,recruits,fighters.
	More []sim.Window

	// Engine is the version of insurgo, for compare.json.
	Engine string

	// Signatures are further per-replicate statistics summarised per arm.
	Signatures []Signature

	// Targets turns on model choice against the observed figures the arms
	// carry in common; TargetQuantile is the acceptance quantile (0 means
	// Tolerance).
	Targets        bool
	TargetQuantile float64

	// Synthetic, if set, replaces the observed figures by the target
	// values of one replicate of another arm under another seed: a check
	// that model choice recovers the arm that made the data.
	Synthetic *Synthetic

	// Progress, if set, is called after each replicate of each arm.
	Progress func(arm string, done, total int)
}

// Synthetic names the arm and replicate that make synthetic observations.
type Synthetic struct {
	Arm       int    // index into the arms
	Seed      uint64 // should differ from Options.Seed
	Replicate int
}

// Result is a comparison's outcome. It is a function of the arms, the
// options and the seed alone: the number of workers does not change it.
type Result struct {
	Seed       uint64
	Replicates int
	Window     sim.Window
	More       []sim.Window // as Options.More; ArmResult.More in this order
	Engine     string
	// Posterior and PosteriorHash name the calibration posterior the
	// arms drew each replicate's settings from (compare -posterior) and
	// the SHA-256 of its posterior.csv; empty without one.
	Posterior, PosteriorHash string
	Arms                     []ArmResult
	Signatures               []string // names, in the order of ArmResult.Signatures

	// Targets are the observed figures used for model choice, Ignored
	// the names of targets not carried alike by every arm, Checks the
	// names of the first arm's checks (scenario inputs, never used in
	// the distance), Choice the outcome; all empty unless
	// Options.Targets.
	Targets []report.Observed
	Ignored []string
	Checks  []string
	// SyntheticFrom names the arm whose replicate made the observations,
	// when they are synthetic.
	SyntheticFrom string
	Choice        *Choice
}

// ArmResult is one arm's part of a Result.
type ArmResult struct {
	Name string
	// Values holds the compared statistic, replicate by replicate.
	Values []float64
	Dist   Dist
	// Versus is the comparison with the first arm (nil for the first).
	Versus *Paired
	Hash   string
	// More holds the statistics of Result.More, in order.
	More []Compared
	// Monthly is the compared metric in the compared scope month by month
	// over the arm's whole run: quantiles over replicates.
	Monthly    Band
	Signatures []Dist
	// SignatureValues[s][i] is signature s in replicate i (NaN where
	// undefined, +Inf for a rebound that never came).
	SignatureValues [][]float64
	// TargetValues[j][i] is target j of Result.Targets in replicate i,
	// with model choice.
	TargetValues [][]float64
}

// Band is a monthly series over replicates: for each month (YYYY-MM) its
// 5%, 50% and 95% quantiles.
type Band struct {
	Months        []string
	P05, P50, P95 []float64
}

// band summarises vals[rep][month] month by month.
func band(months []string, vals [][]float64) Band {
	b := Band{Months: months}
	col := make([]float64, len(vals))
	for m := range months {
		for i, v := range vals {
			col[i] = 0
			if m < len(v) {
				col[i] = v[m]
			}
		}
		d := Summarize(col)
		b.P05 = append(b.P05, d.P05)
		b.P50 = append(b.P50, d.Median)
		b.P95 = append(b.P95, d.P95)
	}
	return b
}

// Compared is one further statistic of an arm: replicate by replicate,
// summarised, and against the first arm (nil for the first).
type Compared struct {
	Values []float64
	Dist   Dist
	Versus *Paired
}

// Run runs every arm with the same seed and replicates and compares them.
// When ctx is cancelled it returns ctx's error.
func Run(ctx context.Context, arms []Arm, o Options) (*Result, error) {
	if err := check(arms, o); err != nil {
		return nil, err
	}
	res := &Result{Seed: o.Seed, Replicates: o.Replicates, Window: o.Window, More: o.More, Engine: o.Engine}
	for _, s := range o.Signatures {
		res.Signatures = append(res.Signatures, s.Name())
	}
	if o.Targets {
		if len(arms) < 2 {
			return nil, fmt.Errorf("%w: model choice needs at least 2 scenarios", ErrCompare)
		}
		var err error
		res.Targets, res.Ignored, res.Checks, err = commonTargets(arms)
		if err != nil {
			return nil, err
		}
	}
	// tv[k][i][j] is target j in replicate i of arm k.
	tv := make([][][]float64, len(arms))
	for k, a := range arms {
		ar, err := runArm(ctx, a, o, res.Targets)
		if err != nil {
			return nil, err
		}
		tv[k] = ar.targetRows
		res.Arms = append(res.Arms, ar.ArmResult)
	}
	if err := pairArms(res); err != nil {
		return nil, err
	}
	if o.Targets {
		if err := choose(ctx, arms, o, res, tv); err != nil {
			return nil, err
		}
	}
	return res, nil
}

// check refuses options no comparison can run, and windows or
// signatures outside an arm's calendar.
func check(arms []Arm, o Options) error {
	if len(arms) == 0 {
		return fmt.Errorf("%w: no scenarios", ErrCompare)
	}
	if o.Replicates < 2 {
		return fmt.Errorf("%w: replicates must be >= 2, got %d", ErrCompare, o.Replicates)
	}
	for _, a := range arms {
		for _, w := range append([]sim.Window{o.Window}, o.More...) {
			if _, _, err := w.Bind(&a.Calendar); err != nil {
				return fmt.Errorf("scenario %s: %w", a.Name, err)
			}
		}
		for _, s := range o.Signatures {
			if err := s.Check(&a.Calendar); err != nil {
				return fmt.Errorf("scenario %s: signature %w", a.Name, err)
			}
		}
	}
	return nil
}

// armRun is one arm's result and, for model choice, its targets by
// replicate (targetRows[i][j]: target j in replicate i).
type armRun struct {
	ArmResult
	targetRows [][]float64
}

// runArm runs the replicates of one arm and evaluates in each the
// compared windows, the signatures and the targets.
func runArm(ctx context.Context, a Arm, o Options, targets []report.Observed) (armRun, error) {
	vals := make([]float64, o.Replicates)
	monthly := make([][]float64, o.Replicates)
	more := make([][]float64, len(o.More))
	for m := range more {
		more[m] = make([]float64, o.Replicates)
	}
	sig := make([][]float64, len(o.Signatures))
	for s := range sig {
		sig[s] = make([]float64, o.Replicates)
	}
	var rows [][]float64
	if o.Targets {
		rows = make([][]float64, o.Replicates)
	}
	b := sim.Batch{
		Calendar: a.Calendar, Seed: o.Seed, Count: o.Replicates, Workers: o.Workers,
		OnReplicate: func(rep int, r *sim.Recorder) error {
			vals[rep] = o.Window.Eval(r, &a.Calendar)
			mv := r.Values(o.Window.Metric, o.Window.Scope)
			monthly[rep] = make([]float64, len(mv))
			for m, v := range mv {
				monthly[rep][m] = float64(v)
			}
			for m, w := range o.More {
				more[m][rep] = w.Eval(r, &a.Calendar)
			}
			for s, sg := range o.Signatures {
				sig[s][rep] = sg.Eval(r, &a.Calendar)
			}
			if o.Targets {
				rows[rep] = evalTargets(targets, r, &a.Calendar)
			}
			return nil
		},
	}
	if o.Progress != nil {
		name := a.Name
		b.Progress = func(done, total int) { o.Progress(name, done, total) }
	}
	if _, err := b.Run(ctx, a.Factory); err != nil {
		return armRun{}, fmt.Errorf("scenario %s: %w", a.Name, err)
	}
	ar := ArmResult{Name: a.Name, Hash: a.Hash, Values: vals, Dist: Summarize(vals), SignatureValues: sig,
		Monthly: band(a.Calendar.MonthLabels(), monthly)}
	for m := range more {
		ar.More = append(ar.More, Compared{Values: more[m], Dist: Summarize(more[m])})
	}
	if o.Targets {
		ar.TargetValues = make([][]float64, len(targets))
		for j := range ar.TargetValues {
			ar.TargetValues[j] = make([]float64, o.Replicates)
			for i := range ar.TargetValues[j] {
				ar.TargetValues[j][i] = rows[i][j]
			}
		}
	}
	for s := range sig {
		ar.Signatures = append(ar.Signatures, Summarize(sig[s]))
	}
	return armRun{ArmResult: ar, targetRows: rows}, nil
}

// pairArms sets each arm's paired effects against the first arm, for the
// compared window and every other metric.
func pairArms(res *Result) error {
	for k := 1; k < len(res.Arms); k++ {
		p, err := Pair(res.Arms[0].Values, res.Arms[k].Values, res.Seed)
		if err != nil {
			return fmt.Errorf("%s against %s: %w", res.Arms[k].Name, res.Arms[0].Name, err)
		}
		res.Arms[k].Versus = &p
		for m := range res.More {
			p, err := Pair(res.Arms[0].More[m].Values, res.Arms[k].More[m].Values, res.Seed)
			if err != nil {
				return fmt.Errorf("%s against %s: %s: %w", res.Arms[k].Name, res.Arms[0].Name, res.More[m].Metric, err)
			}
			res.Arms[k].More[m].Versus = &p
		}
	}
	return nil
}

// choose sets res.Choice, the ABC model choice between the arms on
// their common targets (tv as in Run), against the observed figures or,
// with o.Synthetic, against one replicate of one arm.
func choose(ctx context.Context, arms []Arm, o Options, res *Result, tv [][][]float64) error {
	obs := make([]float64, len(res.Targets))
	for j, t := range res.Targets {
		obs[j] = t.Observed
	}
	if sy := o.Synthetic; sy != nil {
		if sy.Arm < 0 || sy.Arm >= len(arms) {
			return fmt.Errorf("%w: synthetic arm %d of %d", ErrCompare, sy.Arm, len(arms))
		}
		a := arms[sy.Arm]
		b := sim.Batch{
			Calendar: a.Calendar, Seed: sy.Seed, First: sy.Replicate, Count: 1, Workers: 1,
			OnReplicate: func(rep int, r *sim.Recorder) error {
				obs = evalTargets(res.Targets, r, &a.Calendar)
				return nil
			},
		}
		if _, err := b.Run(ctx, a.Factory); err != nil {
			return fmt.Errorf("synthetic observations from %s: %w", a.Name, err)
		}
		for j := range res.Targets {
			res.Targets[j].Observed = obs[j]
		}
		res.SyntheticFrom = a.Name
	}
	q := o.TargetQuantile
	if q == 0 {
		q = Tolerance
	}
	c, err := Choose(tv, obs, q)
	if err != nil {
		return err
	}
	res.Choice = c
	return nil
}

func evalTargets(ts []report.Observed, r *sim.Recorder, c *sim.Calendar) []float64 {
	v := make([]float64, len(ts))
	for j, t := range ts {
		v[j] = t.Window.Eval(r, c)
	}
	return v
}

// commonTargets returns the targets of the first arm that every arm
// carries with the same window and observed value, in the first arm's
// order, the names of the others, and the names of the first arm's
// checks (scenario inputs: left out of model choice). A target that two
// arms carry under one name but with different windows or figures is an
// error: the arms would be scored against different data.
func commonTargets(arms []Arm) (common []report.Observed, ignored, checks []string, err error) {
	seen := map[string]bool{}
	for _, t := range arms[0].Targets {
		if t.Kind == report.KindCheck {
			seen[t.Window.Name] = true
			checks = append(checks, t.Window.Name)
			continue
		}
		in := true
		for _, a := range arms[1:] {
			found := false
			for _, u := range a.Targets {
				if u.Window.Name != t.Window.Name {
					continue
				}
				if u.Window != t.Window || u.Observed != t.Observed {
					return nil, nil, nil, fmt.Errorf("%w: target %q differs between scenarios %s and %s", ErrCompare, t.Window.Name, arms[0].Name, a.Name)
				}
				found = true
			}
			in = in && found
		}
		seen[t.Window.Name] = true
		if in {
			if _, _, err := t.Window.Bind(&arms[0].Calendar); err != nil {
				return nil, nil, nil, fmt.Errorf("scenario %s: %w", arms[0].Name, err)
			}
			for _, a := range arms[1:] {
				if _, _, err := t.Window.Bind(&a.Calendar); err != nil {
					return nil, nil, nil, fmt.Errorf("scenario %s: %w", a.Name, err)
				}
			}
			common = append(common, t)
		} else {
			ignored = append(ignored, t.Window.Name)
		}
	}
	for _, a := range arms[1:] {
		for _, u := range a.Targets {
			if !seen[u.Window.Name] {
				seen[u.Window.Name] = true
				ignored = append(ignored, u.Window.Name)
			}
		}
	}
	if len(common) == 0 {
		return nil, nil, nil, fmt.Errorf("%w: the scenarios carry no observed target in common", ErrCompare)
	}
	return common, ignored, checks, nil
}

// finite returns x, or nil when x is NaN or infinite (for JSON).
func finite(x float64) *float64 {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return nil
	}
	return &x
}
