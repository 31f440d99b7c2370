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
	alphaTol = 1e-9     // width of the final golden-section bracket
	edgeTol  = 1e-6     // a maximiser this close to a bound is on the bound
)

// invPhi is 1/φ = (√5 − 1)/2, the golden-section step.
var invPhi = (math.Sqrt(5) - 1) / 2

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
// convex in α (ln ζ is a log-sum-exp of functions linear in α), so a
// golden-section search finds its unique minimum.
func mleAlpha(xmin, meanLog float64) (alpha float64, ok bool) {
	f := func(a float64) float64 { return negLogLik(a, xmin, meanLog) }
	lo, hi := alphaMin, AlphaMax
	c := hi - invPhi*(hi-lo)
	d := lo + invPhi*(hi-lo)
	fc, fd := f(c), f(d)
	for hi-lo > alphaTol {
		if fc < fd {
			hi, d, fd = d, c, fc
			c = hi - invPhi*(hi-lo)
			fc = f(c)
		} else {
			lo, c, fc = c, d, fd
			d = lo + invPhi*(hi-lo)
			fd = f(d)
		}
	}
	alpha = (lo + hi) / 2
	ok = alpha > alphaMin+edgeTol && alpha < AlphaMax-edgeTol
	return alpha, ok
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
