package abc

import (
	"fmt"
	"math"
	"math/rand/v2"

	"gonum.org/v1/gonum/stat/distuv"
)

// Prior is a one-dimensional prior over a setting.
//
// The six implementations in this package (Uniform, LogUniform, Normal,
// LogNormal, Beta, TruncNormal) are plain value structs; each has a Valid
// method that Config.Validate calls.
type Prior interface {
	// Rand draws one value from the prior using r.
	Rand(r *rand.Rand) float64
	// LogProb is the log density at x, -Inf outside the support.
	LogProb(x float64) float64
	// CDF is the cumulative distribution function at x. It gives an
	// integer setting's prior mass at k, CDF(k+0.5) - CDF(k-0.5).
	CDF(x float64) float64
	// Support is the closed interval outside which the density is zero
	// (either end may be infinite).
	Support() (lo, hi float64)
	// String names the prior as a user writes it, e.g. "uniform(0.1, 0.5)".
	String() string
	// Valid reports whether the prior's parameters make a distribution.
	Valid() error
}

func finite(x float64) bool { return !math.IsNaN(x) && !math.IsInf(x, 0) }

// Uniform is the uniform prior on [Lo, Hi].
type Uniform struct{ Lo, Hi float64 }

// Rand draws from the prior.
func (u Uniform) Rand(r *rand.Rand) float64 { return u.Lo + (u.Hi-u.Lo)*r.Float64() }

// LogProb is the log density at x.
func (u Uniform) LogProb(x float64) float64 {
	if x < u.Lo || x > u.Hi || math.IsNaN(x) {
		return math.Inf(-1)
	}
	return -math.Log(u.Hi - u.Lo)
}

// CDF is the cumulative distribution function at x.
func (u Uniform) CDF(x float64) float64 {
	switch {
	case x <= u.Lo:
		return 0
	case x >= u.Hi:
		return 1
	}
	return (x - u.Lo) / (u.Hi - u.Lo)
}

// Support is [Lo, Hi].
func (u Uniform) Support() (float64, float64) { return u.Lo, u.Hi }

// String renders "uniform(Lo, Hi)".
func (u Uniform) String() string { return fmt.Sprintf("uniform(%g, %g)", u.Lo, u.Hi) }

// Valid requires finite Lo < Hi.
func (u Uniform) Valid() error {
	if !finite(u.Lo) || !finite(u.Hi) || !(u.Lo < u.Hi) {
		return fmt.Errorf("uniform prior needs finite lo < hi, got lo=%g hi=%g", u.Lo, u.Hi)
	}
	return nil
}

// LogUniform is the prior whose logarithm is uniform on [log Lo, log Hi].
type LogUniform struct{ Lo, Hi float64 }

// Rand draws from the prior.
func (u LogUniform) Rand(r *rand.Rand) float64 {
	a, b := math.Log(u.Lo), math.Log(u.Hi)
	return math.Exp(a + (b-a)*r.Float64())
}

// LogProb is the log density at x: 1/(x log(Hi/Lo)) on [Lo, Hi].
func (u LogUniform) LogProb(x float64) float64 {
	if x < u.Lo || x > u.Hi || math.IsNaN(x) {
		return math.Inf(-1)
	}
	return -math.Log(x) - math.Log(math.Log(u.Hi/u.Lo))
}

// CDF is the cumulative distribution function at x.
func (u LogUniform) CDF(x float64) float64 {
	switch {
	case x <= u.Lo:
		return 0
	case x >= u.Hi:
		return 1
	}
	return math.Log(x/u.Lo) / math.Log(u.Hi/u.Lo)
}

// Support is [Lo, Hi].
func (u LogUniform) Support() (float64, float64) { return u.Lo, u.Hi }

// String renders "loguniform(Lo, Hi)".
func (u LogUniform) String() string { return fmt.Sprintf("loguniform(%g, %g)", u.Lo, u.Hi) }

// Valid requires finite 0 < Lo < Hi.
func (u LogUniform) Valid() error {
	if !finite(u.Lo) || !finite(u.Hi) || !(u.Lo > 0) || !(u.Lo < u.Hi) {
		return fmt.Errorf("loguniform prior needs finite 0 < lo < hi, got lo=%g hi=%g", u.Lo, u.Hi)
	}
	return nil
}

// Normal is the normal prior with mean Mu and standard deviation Sigma.
type Normal struct{ Mu, Sigma float64 }

func (n Normal) dist() distuv.Normal { return distuv.Normal{Mu: n.Mu, Sigma: n.Sigma} }

// Rand draws from the prior.
func (n Normal) Rand(r *rand.Rand) float64 { return n.Mu + n.Sigma*r.NormFloat64() }

// LogProb is the log density at x.
func (n Normal) LogProb(x float64) float64 { return n.dist().LogProb(x) }

// CDF is the cumulative distribution function at x.
func (n Normal) CDF(x float64) float64 { return n.dist().CDF(x) }

// Support is the real line.
func (n Normal) Support() (float64, float64) { return math.Inf(-1), math.Inf(1) }

// String renders "normal(Mu, Sigma)".
func (n Normal) String() string { return fmt.Sprintf("normal(%g, %g)", n.Mu, n.Sigma) }

// Valid requires finite Mu and finite Sigma > 0.
func (n Normal) Valid() error {
	if !finite(n.Mu) || !finite(n.Sigma) || !(n.Sigma > 0) {
		return fmt.Errorf("normal prior needs finite mu and sigma > 0, got mu=%g sigma=%g", n.Mu, n.Sigma)
	}
	return nil
}

// LogNormal is the prior whose logarithm is normal with mean Mu and
// standard deviation Sigma.
type LogNormal struct{ Mu, Sigma float64 }

func (n LogNormal) dist() distuv.LogNormal { return distuv.LogNormal{Mu: n.Mu, Sigma: n.Sigma} }

// Rand draws from the prior.
func (n LogNormal) Rand(r *rand.Rand) float64 { return math.Exp(n.Mu + n.Sigma*r.NormFloat64()) }

// LogProb is the log density at x.
func (n LogNormal) LogProb(x float64) float64 {
	if !(x > 0) {
		return math.Inf(-1)
	}
	return n.dist().LogProb(x)
}

// CDF is the cumulative distribution function at x.
func (n LogNormal) CDF(x float64) float64 {
	if !(x > 0) {
		return 0
	}
	return n.dist().CDF(x)
}

// Support is [0, +Inf).
func (n LogNormal) Support() (float64, float64) { return 0, math.Inf(1) }

// String renders "lognormal(Mu, Sigma)".
func (n LogNormal) String() string { return fmt.Sprintf("lognormal(%g, %g)", n.Mu, n.Sigma) }

// Valid requires finite Mu and finite Sigma > 0.
func (n LogNormal) Valid() error {
	if !finite(n.Mu) || !finite(n.Sigma) || !(n.Sigma > 0) {
		return fmt.Errorf("lognormal prior needs finite mu and sigma > 0, got mu=%g sigma=%g", n.Mu, n.Sigma)
	}
	return nil
}

// Beta is the beta prior on [0, 1] with shapes Alpha and Beta.
type Beta struct{ Alpha, Beta float64 }

// Rand draws from the prior (gonum's gamma-ratio sampler, fed by r).
func (b Beta) Rand(r *rand.Rand) float64 {
	return distuv.Beta{Alpha: b.Alpha, Beta: b.Beta, Src: r}.Rand()
}

// LogProb is the log density at x.
func (b Beta) LogProb(x float64) float64 {
	if x < 0 || x > 1 || math.IsNaN(x) {
		return math.Inf(-1)
	}
	return distuv.Beta{Alpha: b.Alpha, Beta: b.Beta}.LogProb(x)
}

// CDF is the cumulative distribution function at x.
func (b Beta) CDF(x float64) float64 {
	switch {
	case x <= 0:
		return 0
	case x >= 1:
		return 1
	}
	return distuv.Beta{Alpha: b.Alpha, Beta: b.Beta}.CDF(x)
}

// Support is [0, 1].
func (b Beta) Support() (float64, float64) { return 0, 1 }

// String renders "beta(Alpha, Beta)".
func (b Beta) String() string { return fmt.Sprintf("beta(%g, %g)", b.Alpha, b.Beta) }

// Valid requires finite Alpha > 0 and Beta > 0.
func (b Beta) Valid() error {
	if !finite(b.Alpha) || !finite(b.Beta) || !(b.Alpha > 0) || !(b.Beta > 0) {
		return fmt.Errorf("beta prior needs finite alpha > 0 and beta > 0, got alpha=%g beta=%g", b.Alpha, b.Beta)
	}
	return nil
}

// TruncNormal is the normal prior with mean Mu and standard deviation
// Sigma truncated to [Lo, Hi]; either bound may be infinite.
type TruncNormal struct{ Mu, Sigma, Lo, Hi float64 }

// mass returns Φ(b) - Φ(a) for the standardised bounds, computed on the
// side of the mean where it does not cancel.
func (t TruncNormal) mass() float64 {
	a, b := (t.Lo-t.Mu)/t.Sigma, (t.Hi-t.Mu)/t.Sigma
	return normMass(a, b)
}

// normMass returns Φ(b) - Φ(a) for a <= b without catastrophic
// cancellation in either tail.
func normMass(a, b float64) float64 {
	if a > 0 {
		return 0.5 * (math.Erfc(a/math.Sqrt2) - math.Erfc(b/math.Sqrt2))
	}
	if b < 0 {
		return 0.5 * (math.Erfc(-b/math.Sqrt2) - math.Erfc(-a/math.Sqrt2))
	}
	return 1 - 0.5*math.Erfc(-a/math.Sqrt2) - 0.5*math.Erfc(b/math.Sqrt2)
}

// Rand draws from the prior by inverting the normal CDF on the
// truncated interval (on the lower tail's side, where it is accurate).
func (t TruncNormal) Rand(r *rand.Rand) float64 {
	a, b := (t.Lo-t.Mu)/t.Sigma, (t.Hi-t.Mu)/t.Sigma
	u := r.Float64()
	var z float64
	if a > 0 { // both bounds in the upper tail: sample -Z on [-b, -a]
		pa, pb := distuv.UnitNormal.CDF(-b), distuv.UnitNormal.CDF(-a)
		z = -distuv.UnitNormal.Quantile(pa + u*(pb-pa))
	} else {
		pa, pb := distuv.UnitNormal.CDF(a), distuv.UnitNormal.CDF(b)
		z = distuv.UnitNormal.Quantile(pa + u*(pb-pa))
	}
	x := t.Mu + t.Sigma*z
	return math.Min(math.Max(x, t.Lo), t.Hi)
}

// LogProb is the log density at x.
func (t TruncNormal) LogProb(x float64) float64 {
	if x < t.Lo || x > t.Hi || math.IsNaN(x) {
		return math.Inf(-1)
	}
	return distuv.Normal{Mu: t.Mu, Sigma: t.Sigma}.LogProb(x) - math.Log(t.mass())
}

// CDF is the cumulative distribution function at x.
func (t TruncNormal) CDF(x float64) float64 {
	switch {
	case x <= t.Lo:
		return 0
	case x >= t.Hi:
		return 1
	}
	return normMass((t.Lo-t.Mu)/t.Sigma, (x-t.Mu)/t.Sigma) / t.mass()
}

// Support is [Lo, Hi].
func (t TruncNormal) Support() (float64, float64) { return t.Lo, t.Hi }

// String renders "truncnormal(Mu, Sigma, Lo, Hi)".
func (t TruncNormal) String() string {
	return fmt.Sprintf("truncnormal(%g, %g, %g, %g)", t.Mu, t.Sigma, t.Lo, t.Hi)
}

// Valid requires finite Mu, finite Sigma > 0, Lo < Hi (not NaN) and a
// truncated interval holding a representable share of the normal's mass.
func (t TruncNormal) Valid() error {
	if !finite(t.Mu) || !finite(t.Sigma) || !(t.Sigma > 0) {
		return fmt.Errorf("truncnormal prior needs finite mu and sigma > 0, got mu=%g sigma=%g", t.Mu, t.Sigma)
	}
	if math.IsNaN(t.Lo) || math.IsNaN(t.Hi) || !(t.Lo < t.Hi) {
		return fmt.Errorf("truncnormal prior needs lo < hi, got lo=%g hi=%g", t.Lo, t.Hi)
	}
	if !(t.mass() > 1e-300) {
		return fmt.Errorf("truncnormal prior: [%g, %g] holds no mass of normal(%g, %g)", t.Lo, t.Hi, t.Mu, t.Sigma)
	}
	return nil
}
