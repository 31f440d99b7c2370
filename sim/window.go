package sim

import (
	"errors"
	"fmt"
)

// ErrStat is wrapped by errors about window statistics.
var ErrStat = errors.New("sim: bad statistic")

// Statistic kinds of a Window.
const (
	Sum             = "sum"              // total over the window
	MeanPerMonth    = "mean_per_month"   // total divided by the window's months
	Share           = "share"            // total in Scope over total in Of
	DistinctRegions = "distinct_regions" // parts of Scope with a non-zero total
	EndValue        = "end_value"        // value in the window's last month
)

// StatKinds lists the statistic kinds a Window accepts.
var StatKinds = []string{Sum, MeanPerMonth, Share, DistinctRegions, EndValue}

// Window is a statistic of one replicate's record over a span of months:
// for example the sum of attacks in country:afghanistan from 2021-09 to
// 2021-12. Targets and sweep outputs are Windows.
type Window struct {
	Name      string // identifies the statistic in aggregates
	Metric    string
	Scope     string
	Of        string // denominator scope, for Share
	From, To  Month  // inclusive; the zero Month is the run's first (From) or last (To) month
	Statistic string // one of StatKinds
}

// span returns the month indices of w's span on c and whether they lie
// within it. A zero From or To stands for the run's first or last month
// (or recording period, on a step clock).
func (w Window) span(c *Calendar) (from, to int, ok bool) {
	from, to, ok = 0, c.Months()-1, true
	if w.From != (Month{}) {
		var in bool
		from, in = c.MonthIndex(w.From)
		ok = ok && in
	}
	if w.To != (Month{}) {
		var in bool
		to, in = c.MonthIndex(w.To)
		ok = ok && in
	}
	return from, to, ok
}

// Bind checks w against the calendar and returns the month indices of its
// span.
func (w Window) Bind(c *Calendar) (from, to int, err error) {
	from, to, ok := w.span(c)
	switch {
	case !ok && c.Stepped():
		return 0, 0, fmt.Errorf("%w: %s: window %s..%s on a run of steps, which has no months: leave from and to out for the whole run", ErrStat, w.Name, w.From, w.To)
	case !ok:
		return 0, 0, fmt.Errorf("%w: %s: window %s..%s outside the run %s..%s", ErrStat, w.Name, w.From, w.To, c.FirstMonth(), c.Month(c.Months()-1))
	case to < from:
		return 0, 0, fmt.Errorf("%w: %s: window ends %s before it starts %s", ErrStat, w.Name, w.To, w.From)
	}
	switch w.Statistic {
	case Sum, MeanPerMonth, DistinctRegions, EndValue:
	case Share:
		if w.Of == "" {
			return 0, 0, fmt.Errorf("%w: %s: share needs an of scope", ErrStat, w.Name)
		}
	default:
		return 0, 0, fmt.Errorf("%w: %s: unknown statistic %q, want one of %v", ErrStat, w.Name, w.Statistic, StatKinds)
	}
	return from, to, nil
}

// Eval computes w on a replicate's record. A share with a zero
// denominator is 0. Eval assumes w was checked by Bind.
func (w Window) Eval(r *Recorder, c *Calendar) float64 {
	from, to, _ := w.span(c)
	sum := func(scope string) int64 {
		vs := r.Values(w.Metric, scope)
		if vs == nil {
			return 0
		}
		var s int64
		for _, v := range vs[from : to+1] {
			s += v
		}
		return s
	}
	switch w.Statistic {
	case Sum:
		return float64(sum(w.Scope))
	case MeanPerMonth:
		return float64(sum(w.Scope)) / float64(to-from+1)
	case Share:
		d := sum(w.Of)
		if d == 0 {
			return 0
		}
		return float64(sum(w.Scope)) / float64(d)
	case DistinctRegions:
		n := 0
		for _, p := range r.Parts(w.Scope) {
			if sum(p) > 0 {
				n++
			}
		}
		return float64(n)
	case EndValue:
		return float64(r.Value(w.Metric, w.Scope, to))
	}
	return 0
}
