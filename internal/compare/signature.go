package compare

import (
	"fmt"
	"math"

	"github.com/insurgo/insurgo/sim"
)

// A Signature is a per-replicate statistic that helps tell hypotheses
// apart, such as the share of suicide attacks or the rebound of tempo
// after pressure lapses. Eval returns NaN where the statistic is undefined
// in a replicate (a share of nothing).
type Signature interface {
	// Name labels the signature in tables.
	Name() string
	// Check reports whether the signature fits the calendar.
	Check(c *sim.Calendar) error
	// Eval computes the signature on one replicate's record; the
	// calendar has passed Check.
	Eval(r *sim.Recorder, c *sim.Calendar) float64
}

// Ratio is Num's value over Den's in one replicate, NaN when Den is 0:
// for example suicide attacks over attacks, or casualties over attacks.
type Ratio struct {
	Label    string
	Num, Den sim.Window
}

// Name returns r.Label.
func (r Ratio) Name() string { return r.Label }

// Check binds both windows to c.
func (r Ratio) Check(c *sim.Calendar) error {
	if _, _, err := r.Num.Bind(c); err != nil {
		return fmt.Errorf("%s: %w", r.Label, err)
	}
	if _, _, err := r.Den.Bind(c); err != nil {
		return fmt.Errorf("%s: %w", r.Label, err)
	}
	return nil
}

// Eval returns Num/Den, NaN when Den is 0.
func (r Ratio) Eval(rec *sim.Recorder, c *sim.Calendar) float64 {
	d := r.Den.Eval(rec, c)
	if d == 0 {
		return math.NaN()
	}
	return r.Num.Eval(rec, c) / d
}

// Retained is the value of a month-end gauge (such as fighters) in month
// To over its value in month From: 1 when strength was kept, below 1 when
// it was lost. NaN when the value in From is 0.
type Retained struct {
	Label    string
	Metric   string
	Scope    string
	From, To sim.Month
}

// Name returns r.Label.
func (r Retained) Name() string { return r.Label }

func (r Retained) window(m sim.Month) sim.Window {
	return sim.Window{Name: r.Label, Metric: r.Metric, Scope: r.Scope, From: m, To: m, Statistic: sim.EndValue}
}

// Check reports whether both months lie within c, From not after To.
func (r Retained) Check(c *sim.Calendar) error {
	if _, _, err := (sim.Window{Name: r.Label, Metric: r.Metric, Scope: r.Scope, From: r.From, To: r.To, Statistic: sim.EndValue}).Bind(c); err != nil {
		return err
	}
	return nil
}

// Eval returns the value in To over the value in From.
func (r Retained) Eval(rec *sim.Recorder, c *sim.Calendar) float64 {
	s := r.window(r.From).Eval(rec, c)
	if s == 0 {
		return math.NaN()
	}
	return r.window(r.To).Eval(rec, c) / s
}

// Rebound measures how fast a monthly series (such as attacks) recovers
// once pressure lapses. Pressure runs from month From through month To;
// the lapse is the month after To. The pre-pressure level is the mean of
// the Before months up to From (fewer if the run starts later, at least
// one). The rebound is the number of months from the lapse to the first
// month m at or after it whose mean over months m .. m+Span−1 (cut at the
// run's end) reaches Level times the pre-pressure level: 0 when tempo is
// already back in the lapse month, +Inf when it is not back by the end of
// the run.
type Rebound struct {
	Label         string
	Metric, Scope string
	From, To      sim.Month
	Before        int     // months averaged for the pre-pressure level; 0 means 6
	Span          int     // months averaged from each candidate month on; 0 means 3
	Level         float64 // share of the pre-pressure level; 0 means 0.5
}

// Name returns r.Label.
func (r Rebound) Name() string { return r.Label }

func (r Rebound) defaults() (before, span int, level float64) {
	before, span, level = r.Before, r.Span, r.Level
	if before <= 0 {
		before = 6
	}
	if span <= 0 {
		span = 3
	}
	if level <= 0 {
		level = 0.5
	}
	return before, span, level
}

// Check reports whether the pressure span leaves at least one month of
// the run before it and one after it.
func (r Rebound) Check(c *sim.Calendar) error {
	from, ok1 := c.MonthIndex(r.From)
	to, ok2 := c.MonthIndex(r.To)
	last := c.Month(c.Months() - 1)
	switch {
	case !ok1 || !ok2:
		return fmt.Errorf("%w: %s: pressure %s..%s outside the run %s..%s", ErrCompare, r.Label, r.From, r.To, c.FirstMonth(), last)
	case to < from:
		return fmt.Errorf("%w: %s: pressure ends %s before it starts %s", ErrCompare, r.Label, r.To, r.From)
	case from == 0:
		return fmt.Errorf("%w: %s: pressure starts %s, the run's first month: no pre-pressure level", ErrCompare, r.Label, r.From)
	case to == c.Months()-1:
		return fmt.Errorf("%w: %s: pressure lasts to the run's last month %s: no lapse to rebound from", ErrCompare, r.Label, last)
	}
	return nil
}

// Eval returns the rebound in months, or +Inf.
func (r Rebound) Eval(rec *sim.Recorder, c *sim.Calendar) float64 {
	before, span, level := r.defaults()
	from, _ := c.MonthIndex(r.From)
	to, _ := c.MonthIndex(r.To)
	vs := rec.Values(r.Metric, r.Scope)
	n := c.Months()
	val := func(m int) float64 {
		if vs == nil {
			return 0
		}
		return float64(vs[m])
	}
	start := max(0, from-before)
	var pre float64
	for m := start; m < from; m++ {
		pre += val(m)
	}
	pre /= float64(from - start)
	for m := to + 1; m < n; m++ {
		end := min(m+span, n)
		var s float64
		for k := m; k < end; k++ {
			s += val(k)
		}
		if s/float64(end-m) >= level*pre {
			return float64(m - (to + 1))
		}
	}
	return math.Inf(1)
}
