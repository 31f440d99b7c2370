package sim

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/insurgo/insurgo/internal/textdist"
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
// 2021-12. Targets and sweep outputs are Windows. Its tags give the keys
// scenario and sweep files and JSON outputs use; its months read and
// write as "YYYY-MM".
type Window struct {
	Name   string `toml:"name" json:"name"` // identifies the statistic in aggregates
	Metric string `toml:"metric" json:"metric"`
	Scope  string `toml:"scope" json:"scope"`
	Of     string `toml:"of" json:"of,omitempty"` // denominator scope, for Share
	// From and To are inclusive; the zero Month is the run's first (From)
	// or last (To) month.
	From      Month  `toml:"from" json:"from"`
	To        Month  `toml:"to" json:"to"`
	Statistic string `toml:"statistic" json:"statistic"` // one of StatKinds
}

// WindowProblem is one thing wrong with a Window: the field concerned, by
// its key ("statistic", "of", "from" or "to"), and what is wrong.
type WindowProblem struct {
	Key string
	Msg string
}

// Problems returns what is wrong with w's statistic, denominator and
// months, in key order: a statistic missing or unknown (with the nearest
// kind as a hint), an of scope missing for a share or given for another
// statistic, a span that ends before it starts, and, when cal is not
// nil, a month outside the run (on a step clock, any month). Whether the
// metric and scopes exist is the model's to say; Problems does not check
// them.
func (w Window) Problems(cal *Calendar) []WindowProblem {
	var ps []WindowProblem
	add := func(key, format string, args ...any) {
		ps = append(ps, WindowProblem{key, fmt.Sprintf(format, args...)})
	}
	switch {
	case w.Statistic == "":
		add("statistic", "missing: want one of %s", strings.Join(StatKinds, ", "))
	case !slices.Contains(StatKinds, w.Statistic):
		h := textdist.Hint(w.Statistic, StatKinds)
		if h == "" {
			h = " (known: " + strings.Join(StatKinds, ", ") + ")"
		}
		add("statistic", "unknown statistic %q%s", w.Statistic, h)
	case w.Statistic == Share && w.Of == "":
		add("of", "missing: statistic \"share\" needs an of scope as its denominator, such as of = \"total\"")
	case w.Statistic != Share && w.Of != "":
		add("of", "only a \"share\" has an of scope; statistic is %q", w.Statistic)
	}
	for _, m := range []struct {
		key   string
		month Month
	}{{"from", w.From}, {"to", w.To}} {
		if m.month.IsZero() || cal == nil {
			continue
		}
		if _, in := cal.MonthIndex(m.month); in {
			continue
		}
		if cal.Stepped() {
			add(m.key, "month %s on a run of steps, which has no months: leave from and to out for the whole run", m.month)
		} else {
			add(m.key, "month %s is outside the run, %s to %s", m.month, cal.FirstMonth(), cal.Month(cal.Months()-1))
		}
	}
	if !w.From.IsZero() && !w.To.IsZero() && w.To.Index(w.From) < 0 {
		add("to", "must not be before from (%s), got %s", w.From, w.To)
	}
	return ps
}

// span returns the month indices of w's span on c and whether they lie
// within it. A zero From or To stands for the run's first or last month
// (or recording period, on a step clock).
func (w Window) span(c *Calendar) (from, to int, ok bool) {
	from, to, ok = 0, c.Months()-1, true
	if !w.From.IsZero() {
		var in bool
		from, in = c.MonthIndex(w.From)
		ok = ok && in
	}
	if !w.To.IsZero() {
		var in bool
		to, in = c.MonthIndex(w.To)
		ok = ok && in
	}
	return from, to, ok
}

// Bind checks w against the calendar and returns the month indices of its
// span. Its error wraps ErrStat and states the first of w's Problems.
func (w Window) Bind(c *Calendar) (from, to int, err error) {
	if ps := w.Problems(c); len(ps) > 0 {
		return 0, 0, fmt.Errorf("%w: %s: %s: %s", ErrStat, w.Name, ps[0].Key, ps[0].Msg)
	}
	from, to, _ = w.span(c)
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
