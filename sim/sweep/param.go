package sweep

import (
	"errors"
	"fmt"
	"math"

	"gonum.org/v1/gonum/stat/distuv"
)

// ErrParam is wrapped by errors in a parameter's settings.
var ErrParam = errors.New("bad parameter")

// Distributions a Param accepts. All are bounded by [Min, Max], so every
// unit coordinate in [0, 1] maps to a finite value.
const (
	Uniform    = "uniform"    // uniform on [Min, Max] (the default)
	LogUniform = "loguniform" // log-uniform on [Min, Max], 0 < Min
	Triangular = "triangular" // triangular on [Min, Max] with mode Mode
	Normal     = "normal"     // normal(Mean, SD) truncated to [Min, Max]
)

// Dists lists the distributions a Param accepts.
var Dists = []string{Uniform, LogUniform, Triangular, Normal}

// Param is one varied input of a sweep: a continuous range with a
// distribution, or a list of discrete levels.
type Param struct {
	Name     string
	Min, Max float64   // the range; unused when Levels is set
	Levels   []float64 // discrete values, equally likely; overrides the range
	Dist     string    // one of Dists; "" means Uniform
	Mode     float64   // Triangular: the mode, in [Min, Max]
	Mean, SD float64   // Normal: before truncation to [Min, Max]
	Integer  bool      // round values to the nearest integer
}

// Validate reports the first problem with p's settings.
func (p Param) Validate() error {
	bad := func(format string, args ...any) error {
		return fmt.Errorf("%w: %s: %s", ErrParam, p.Name, fmt.Sprintf(format, args...))
	}
	if p.Name == "" {
		return fmt.Errorf("%w: empty name", ErrParam)
	}
	if len(p.Levels) > 0 {
		if p.Dist != "" {
			return bad("levels and distribution %q are exclusive", p.Dist)
		}
		for i, v := range p.Levels {
			if math.IsNaN(v) || math.IsInf(v, 0) {
				return bad("level %d is %v", i+1, v)
			}
		}
		return nil
	}
	if math.IsNaN(p.Min) || math.IsNaN(p.Max) || math.IsInf(p.Min, 0) || math.IsInf(p.Max, 0) || !(p.Min < p.Max) {
		return bad("range must be [min, max] with finite min < max, got [%v, %v]", p.Min, p.Max)
	}
	switch p.Dist {
	case "", Uniform:
	case LogUniform:
		if p.Min <= 0 {
			return bad("loguniform needs min > 0, got %v", p.Min)
		}
	case Triangular:
		if !(p.Mode >= p.Min && p.Mode <= p.Max) {
			return bad("triangular mode must be in [%v, %v], got %v", p.Min, p.Max, p.Mode)
		}
	case Normal:
		if !(p.SD > 0) || math.IsInf(p.SD, 0) || math.IsNaN(p.Mean) || math.IsInf(p.Mean, 0) {
			return bad("normal needs a finite mean and sd > 0, got mean %v sd %v", p.Mean, p.SD)
		}
		n := distuv.Normal{Mu: p.Mean, Sigma: p.SD}
		if n.CDF(p.Max)-n.CDF(p.Min) < 1e-12 {
			return bad("normal(%v, %v) has no mass in [%v, %v]", p.Mean, p.SD, p.Min, p.Max)
		}
	default:
		return bad("unknown distribution %q, want one of %v", p.Dist, Dists)
	}
	if p.Integer && math.Floor(p.Max) < math.Ceil(p.Min) {
		return bad("integer range [%v, %v] holds no integer", p.Min, p.Max)
	}
	return nil
}

// Value maps the unit coordinate u in [0, 1] to a value of p: the
// u-quantile of p's distribution, or for levels the level whose share of
// [0, 1] holds u. p must be valid.
func (p Param) Value(u float64) float64 {
	u = math.Min(math.Max(u, 0), 1)
	if n := len(p.Levels); n > 0 {
		i := min(int(u*float64(n)), n-1)
		return p.Levels[i]
	}
	var v float64
	switch p.Dist {
	case "", Uniform:
		v = distuv.Uniform{Min: p.Min, Max: p.Max}.Quantile(u)
	case LogUniform:
		v = math.Exp(distuv.Uniform{Min: math.Log(p.Min), Max: math.Log(p.Max)}.Quantile(u))
	case Triangular:
		v = distuv.NewTriangle(p.Min, p.Max, p.Mode, nil).Quantile(u)
	case Normal:
		n := distuv.Normal{Mu: p.Mean, Sigma: p.SD}
		lo, hi := n.CDF(p.Min), n.CDF(p.Max)
		v = n.Quantile(lo + u*(hi-lo))
	}
	v = math.Min(math.Max(v, p.Min), p.Max) // guard rounding at the ends
	if p.Integer {
		v = math.Round(v)
		v = math.Min(math.Max(v, math.Ceil(p.Min)), math.Floor(p.Max))
	}
	return v
}

// GridValues returns the values a full-factorial grid uses for p: its
// levels if it has them, otherwise n values spread evenly over the range
// (geometrically for LogUniform), duplicates dropped when Integer rounding
// merges them.
func (p Param) GridValues(n int) []float64 {
	if len(p.Levels) > 0 {
		return append([]float64(nil), p.Levels...)
	}
	if n == 1 {
		return []float64{p.Value(0.5)}
	}
	out := make([]float64, 0, n)
	for i := range n {
		t := float64(i) / float64(n-1)
		var v float64
		if p.Dist == LogUniform {
			v = math.Exp(math.Log(p.Min) + t*(math.Log(p.Max)-math.Log(p.Min)))
		} else {
			v = p.Min + t*(p.Max-p.Min)
		}
		if i == n-1 {
			v = p.Max
		}
		if p.Integer {
			v = math.Round(v)
		}
		if len(out) > 0 && out[len(out)-1] == v {
			continue
		}
		out = append(out, v)
	}
	return out
}
