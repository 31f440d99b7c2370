package calibrate

import (
	"fmt"
	"math"
	"slices"

	"github.com/insurgo/insurgo/internal/textdist"
)

// Prior distribution names of a [[calibrate.param]].
const (
	Uniform     = "uniform"      // range = [lo, hi]
	LogUniform  = "log_uniform"  // range = [lo, hi], 0 < lo
	Normal      = "normal"       // mean, sd
	LogNormal   = "log_normal"   // mean, sd of the logarithm
	Beta        = "beta"         // alpha, beta
	TruncNormal = "trunc_normal" // mean, sd, range = [lo, hi]
)

// Priors lists the prior distributions a file may name.
var Priors = []string{Uniform, LogUniform, Normal, LogNormal, Beta, TruncNormal}

// PriorSpec is a parameter's prior as the file gives it.
type PriorSpec struct {
	Dist        string
	Lo, Hi      float64 // range, for uniform, log_uniform and trunc_normal
	Mean, SD    float64 // for normal, log_normal (of the log) and trunc_normal
	Alpha, Beta float64 // for beta
}

// Support returns the interval outside which the prior has no mass.
func (p PriorSpec) Support() (lo, hi float64) {
	switch p.Dist {
	case Uniform, LogUniform, TruncNormal:
		return p.Lo, p.Hi
	case LogNormal:
		return 0, math.Inf(1)
	case Beta:
		return 0, 1
	}
	return math.Inf(-1), math.Inf(1)
}

// String formats p as "uniform(0.1, 0.5)", "normal(1, 0.2)", ...
func (p PriorSpec) String() string {
	switch p.Dist {
	case Uniform, LogUniform:
		return fmt.Sprintf("%s(%v, %v)", p.Dist, p.Lo, p.Hi)
	case Normal, LogNormal:
		return fmt.Sprintf("%s(%v, %v)", p.Dist, p.Mean, p.SD)
	case Beta:
		return fmt.Sprintf("beta(%v, %v)", p.Alpha, p.Beta)
	case TruncNormal:
		return fmt.Sprintf("trunc_normal(%v, %v, %v, %v)", p.Mean, p.SD, p.Lo, p.Hi)
	}
	return p.Dist
}

// finite reports whether every value is a finite number.
func finite(xs ...float64) bool {
	for _, x := range xs {
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return false
		}
	}
	return true
}

// priorSpec checks a param's prior keys and returns its spec, or a
// message saying what is wrong.
func priorSpec(p paramDoc) (ps PriorSpec, key, msg string) {
	ps = PriorSpec{Dist: p.Prior}
	if p.Prior == "" {
		return ps, "prior", fmt.Sprintf("missing: one of %v", Priors)
	}
	if !slices.Contains(Priors, p.Prior) {
		return ps, "prior", fmt.Sprintf("want one of %v, got %q%s", Priors, p.Prior, textdist.Hint(p.Prior, Priors))
	}
	wantRange := p.Prior == Uniform || p.Prior == LogUniform || p.Prior == TruncNormal
	wantMoments := p.Prior == Normal || p.Prior == LogNormal || p.Prior == TruncNormal
	wantShape := p.Prior == Beta
	switch {
	case wantRange && len(p.Range) != 2:
		return ps, "prior", fmt.Sprintf("%s needs range = [lo, hi], got %d values", p.Prior, len(p.Range))
	case !wantRange && p.Range != nil:
		return ps, "prior", fmt.Sprintf("range is not a setting of %s", p.Prior)
	case wantMoments && (p.Mean == nil || p.SD == nil):
		return ps, "prior", fmt.Sprintf("%s needs mean and sd", p.Prior)
	case !wantMoments && (p.Mean != nil || p.SD != nil):
		return ps, "prior", fmt.Sprintf("mean and sd are not settings of %s", p.Prior)
	case wantShape && (p.Alpha == nil || p.Beta == nil):
		return ps, "prior", "beta needs alpha and beta"
	case !wantShape && (p.Alpha != nil || p.Beta != nil):
		return ps, "prior", fmt.Sprintf("alpha and beta are not settings of %s", p.Prior)
	}
	if wantRange {
		ps.Lo, ps.Hi = p.Range[0], p.Range[1]
		switch {
		case !finite(ps.Lo, ps.Hi):
			return ps, "range", fmt.Sprintf("range must be finite numbers, got [%v, %v]", ps.Lo, ps.Hi)
		case ps.Lo >= ps.Hi:
			return ps, "range", fmt.Sprintf("range [%v, %v] is reversed or empty: want lo < hi", ps.Lo, ps.Hi)
		case p.Prior == LogUniform && ps.Lo <= 0:
			return ps, "range", fmt.Sprintf("log_uniform needs 0 < lo, got range [%v, %v]", ps.Lo, ps.Hi)
		}
	}
	if wantMoments {
		ps.Mean, ps.SD = *p.Mean, *p.SD
		if !finite(ps.Mean, ps.SD) || !(ps.SD > 0) {
			return ps, "sd", fmt.Sprintf("needs a finite mean and sd > 0, got mean %v, sd %v", ps.Mean, ps.SD)
		}
	}
	if wantShape {
		ps.Alpha, ps.Beta = *p.Alpha, *p.Beta
		if !finite(ps.Alpha, ps.Beta) || !(ps.Alpha > 0 && ps.Beta > 0) {
			return ps, "alpha", fmt.Sprintf("beta needs finite alpha > 0 and beta > 0, got %v, %v", ps.Alpha, ps.Beta)
		}
	}
	return ps, "", ""
}
