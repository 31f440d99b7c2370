package powerlaw

import (
	"math"

	"gonum.org/v1/gonum/mathext"
)

// AlphaMax is the largest exponent the fitter considers. The likelihood is
// maximised over α in (1, AlphaMax]; a tail whose maximum lies at or beyond
// AlphaMax is not fitted (see ErrNoFit).
const AlphaMax = 6.0

const (
	alphaMin = 1 + 1e-6 // ζ(α, q) diverges at α = 1
	alphaTol = 1e-9     // absolute tolerance of the search (plus 1.5e-8·α)
	edgeTol  = 1e-6     // a maximiser this close to a bound is on the bound
)

// negLogLik returns −(1/n)·log L(α) for a discrete power-law tail starting
// at xmin whose observations have mean logarithm meanLog:
//
//	log L(α) = −n·ln ζ(α, xmin) − α·Σ ln x_i   (CSN Sec. 3.1, discrete case)
func negLogLik(alpha, xmin, meanLog float64) float64 {
	return math.Log(mathext.Zeta(alpha, xmin)) + alpha*meanLog
}

// mleAlpha returns the α in (1, AlphaMax] maximising the likelihood of a
// tail starting at xmin with mean logarithm meanLog, and whether that
// maximum is interior (not on a bound). The negative log-likelihood is
// convex in α (ln ζ is a log-sum-exp of functions linear in α), so it has
// a single minimum on the interval, which Brent's method finds.
func mleAlpha(xmin, meanLog float64) (alpha float64, ok bool) {
	f := func(a float64) float64 { return negLogLik(a, xmin, meanLog) }
	alpha = brentMin(f, alphaMin, AlphaMax, alphaTol)
	ok = alpha > alphaMin+edgeTol && alpha < AlphaMax-edgeTol
	return alpha, ok
}

// brentMin returns a minimiser of f on [a, b] by Brent's method (golden
// section combined with parabolic interpolation; R. P. Brent, Algorithms for
// Minimization without Derivatives, 1973, ch. 5, procedure localmin). For a
// unimodal f the result is within about 1.5e-8·|x| + tol of the minimum.
func brentMin(f func(float64) float64, a, b, tol float64) float64 {
	const (
		golden  = 0.3819660112501051     // (3 − √5)/2
		sqrtEps = 1.4901161193847656e-08 // √(float64 epsilon)
	)
	x := a + golden*(b-a)
	w, v := x, x
	fx := f(x)
	fw, fv := fx, fx
	var d, e float64
	for {
		m := (a + b) / 2
		tol1 := sqrtEps*math.Abs(x) + tol/3
		tol2 := 2 * tol1
		if math.Abs(x-m) <= tol2-(b-a)/2 {
			return x
		}
		useGolden := true
		if math.Abs(e) > tol1 {
			// Fit a parabola through (v, fv), (w, fw), (x, fx).
			r := (x - w) * (fx - fv)
			q := (x - v) * (fx - fw)
			p := (x-v)*q - (x-w)*r
			q = 2 * (q - r)
			if q > 0 {
				p = -p
			} else {
				q = -q
			}
			r, e = e, d
			if math.Abs(p) < math.Abs(q*r/2) && p > q*(a-x) && p < q*(b-x) {
				d = p / q
				if u := x + d; u-a < tol2 || b-u < tol2 {
					d = math.Copysign(tol1, m-x)
				}
				useGolden = false
			}
		}
		if useGolden {
			if x < m {
				e = b - x
			} else {
				e = a - x
			}
			d = golden * e
		}
		u := x + d
		if math.Abs(d) < tol1 {
			u = x + math.Copysign(tol1, d)
		}
		fu := f(u)
		if fu <= fx {
			if u < x {
				b = x
			} else {
				a = x
			}
			v, fv = w, fw
			w, fw = x, fx
			x, fx = u, fu
			continue
		}
		if u < x {
			a = u
		} else {
			b = u
		}
		switch {
		case fu <= fw || w == x:
			v, fv = w, fw
			w, fw = u, fu
		case fu <= fv || v == x || v == w:
			v, fv = u, fu
		}
	}
}

// stdErr returns the asymptotic standard error of the maximum-likelihood α
// from the Fisher information of the discrete power law (CSN Sec. 3.1 and
// Appendix B):
//
//	σ = 1 / sqrt(n · d²/dα² ln ζ(α, xmin)),
//
// where d²/dα² ln ζ = ζ”/ζ − (ζ'/ζ)² is the variance of ln x under the
// fitted law. The second derivative is taken by central differences. For
// large xmin it approaches CSN's continuous approximation (α−1)/√n.
func stdErr(alpha, xmin float64, n int64) float64 {
	h := 1e-4
	if alpha-h <= 1 {
		h = (alpha - 1) / 2
	}
	g := func(a float64) float64 { return math.Log(mathext.Zeta(a, xmin)) }
	info := (g(alpha+h) - 2*g(alpha) + g(alpha-h)) / (h * h)
	if !(info > 0) {
		return math.NaN()
	}
	return 1 / math.Sqrt(float64(n)*info)
}
