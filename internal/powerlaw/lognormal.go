package powerlaw

import (
	"fmt"
	"math"

	"gonum.org/v1/gonum/mathext"
	"gonum.org/v1/gonum/optimize"
)

// Comparison is a likelihood-ratio test of the power-law fit against a
// log-normal fitted to the same tail x ≥ XMin (CSN Sec. 5, with Vuong's
// normalised ratio for non-nested models).
type Comparison struct {
	// R is the log-likelihood ratio, power law minus log-normal, summed
	// over the tail: positive favours the power law.
	R float64
	// P is the two-sided p-value of R ≠ 0 (Vuong): a small P (CSN: below
	// 0.1) means the sign of R can be trusted; a large one, that the data
	// cannot tell the two apart.
	P float64
	// Mu and Sigma are the log-normal's parameters (of ln x), fitted by
	// maximum likelihood to the tail, conditional on x ≥ XMin.
	Mu, Sigma float64
	// NTail is the number of observations compared.
	NTail int
}

// CompareLognormal tests fit (made on values and counts, as for
// FitHistogram) against a discrete log-normal on the same tail: the
// probability of integer x is that of a log-normal variable falling in
// [x − ½, x + ½), conditional on being at least XMin − ½.
func CompareLognormal(values []float64, counts []int64, fit Fit) (Comparison, error) {
	if !(fit.Alpha > 1) || fit.XMin < 1 {
		return Comparison{}, fmt.Errorf("%w: not a fitted power law (alpha %v, x_min %d)", ErrInput, fit.Alpha, fit.XMin)
	}
	xmin := float64(fit.XMin)
	var xs []float64
	var ns []float64
	var n, sl, sl2 float64
	for i, v := range values {
		if v >= xmin && counts[i] > 0 {
			c := float64(counts[i])
			xs = append(xs, v)
			ns = append(ns, c)
			n += c
			sl += c * math.Log(v)
			sl2 += c * math.Log(v) * math.Log(v)
		}
	}
	if n < 2 {
		return Comparison{}, fmt.Errorf("%w: %v observations in the tail", ErrTooFewData, n)
	}
	m0 := sl / n
	s0 := math.Sqrt(math.Max(sl2/n-m0*m0, 1e-4))
	nll := func(x []float64) float64 {
		mu, sigma := x[0], math.Exp(x[1])
		var ll float64
		for i, v := range xs {
			ll += ns[i] * logLognormalPMF(v, xmin, mu, sigma)
		}
		if math.IsNaN(ll) || math.IsInf(ll, 0) {
			return math.Inf(1)
		}
		return -ll
	}
	res, err := optimize.Minimize(optimize.Problem{Func: nll}, []float64{m0, math.Log(s0)}, nil, &optimize.NelderMead{})
	if err != nil && res == nil {
		return Comparison{}, fmt.Errorf("powerlaw: log-normal fit: %w", err)
	}
	mu, sigma := res.X[0], math.Exp(res.X[1])
	lz := math.Log(mathext.Zeta(fit.Alpha, xmin))
	var r, r2 float64
	for i, v := range xs {
		d := -fit.Alpha*math.Log(v) - lz - logLognormalPMF(v, xmin, mu, sigma)
		r += ns[i] * d
		r2 += ns[i] * d * d
	}
	mean := r / n
	sd := math.Sqrt(math.Max(r2/n-mean*mean, 0))
	p := 1.0
	if sd > 0 {
		p = math.Erfc(math.Abs(r) / (math.Sqrt(2*n) * sd))
	}
	return Comparison{R: r, P: p, Mu: mu, Sigma: sigma, NTail: int(n)}, nil
}

// logLognormalPMF is the log-probability of integer x under a log-normal
// (mu, sigma of ln x) rounded to integers and conditioned on x ≥ xmin.
func logLognormalPMF(x, xmin, mu, sigma float64) float64 {
	z := func(y float64) float64 { return (math.Log(y) - mu) / sigma }
	return logNormalMass(z(x-0.5), z(x+0.5)) - logNormalUpper(z(xmin-0.5))
}

// logNormalUpper is ln P(Z ≥ a) for a standard normal Z.
func logNormalUpper(a float64) float64 {
	return math.Log(0.5 * math.Erfc(a/math.Sqrt2))
}

// logNormalMass is ln P(a ≤ Z < b) for a standard normal Z, accurate in
// both tails; where it underflows it falls back on the density at the
// midpoint times the width.
func logNormalMass(a, b float64) float64 {
	var m float64
	if a > 0 {
		m = 0.5 * (math.Erfc(a/math.Sqrt2) - math.Erfc(b/math.Sqrt2))
	} else {
		m = 0.5 * (math.Erfc(-b/math.Sqrt2) - math.Erfc(-a/math.Sqrt2))
	}
	if m > 0 {
		return math.Log(m)
	}
	mid := (a + b) / 2
	return -mid*mid/2 - 0.5*math.Log(2*math.Pi) + math.Log(b-a)
}
