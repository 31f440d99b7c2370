package isk

import (
	"math"
	"math/rand/v2"

	"gonum.org/v1/gonum/stat/distuv"
)

// poissonNormalAbove is the mean above which poisson uses the normal
// approximation N(mean, mean), rounded and floored at 0. Above it the
// approximation's error is below 1e-3 in every quantile's relative terms,
// and gonum's exact sampler slows down and, for means near the largest
// float64, never returns. Validation keeps calibrated scenarios far below
// it (attacks.rate <= MaxAttackRate and bounded cells).
const poissonNormalAbove = 1e7

// maxPoissonDraw caps a draw, so that no mean, however large, yields an
// integer overflow.
const maxPoissonDraw = 1 << 40

// poisson draws a Poisson variate of the given mean: by inversion for
// small means (one uniform), by gonum's distuv.Poisson with r as its Src
// for moderate ones, and by the normal approximation above
// poissonNormalAbove (a NaN mean draws 0).
func poisson(r *rand.Rand, mean float64) int {
	switch {
	case !(mean > 0):
		return 0
	case mean < 30:
		return poissonInv(r, mean, math.Exp(-mean))
	case mean < poissonNormalAbove:
		return int(distuv.Poisson{Lambda: mean, Src: r}.Rand())
	}
	x := math.Round(mean + math.Sqrt(mean)*r.NormFloat64())
	switch {
	case x <= 0:
		return 0
	case !(x < maxPoissonDraw):
		return maxPoissonDraw
	}
	return int(x)
}

// fixedPoisson is a Poisson distribution whose mean is known before the
// run, with exp(-mean) computed once: draw gives exactly what
// poisson(r, mean) gives, with the same uniforms.
type fixedPoisson struct{ mean, p0 float64 }

// newFixedPoisson returns the Poisson distribution of the given mean.
func newFixedPoisson(mean float64) fixedPoisson {
	return fixedPoisson{mean: mean, p0: math.Exp(-mean)}
}

// draw draws from f with r.
func (f fixedPoisson) draw(r *rand.Rand) int {
	if f.mean > 0 && f.mean < 30 {
		return poissonInv(r, f.mean, f.p0)
	}
	return poisson(r, f.mean)
}

// maxInversionSteps bounds poissonInv's search, so that a u within float
// rounding of 1 cannot loop for long. For a mean below 30 the chance of a
// draw of 200 or more is below 1e-90 (ln P(X >= 200) < -209 by the
// Chernoff bound for Poisson(30)), so the bound never binds in practice.
const maxInversionSteps = 200

// poissonInv draws a Poisson variate of a small mean (< 30) by inversion,
// given p0 = exp(-mean) (callers with a fixed mean compute it once).
func poissonInv(r *rand.Rand, mean, p0 float64) int {
	if mean <= 0 {
		return 0
	}
	if mean >= 30 {
		return poisson(r, mean)
	}
	u := r.Float64()
	p := p0
	f := p
	k := 0
	for u > f && k < maxInversionSteps {
		k++
		p *= mean / float64(k)
		f += p
	}
	return k
}

// binomial draws the number of successes in n trials of probability p.
func binomial(r *rand.Rand, n int, p float64) int {
	switch {
	case n <= 0 || p <= 0:
		return 0
	case p >= 1:
		return n
	case n < 40:
		k := 0
		for range n {
			if r.Float64() < p {
				k++
			}
		}
		return k
	}
	return int(distuv.Binomial{N: float64(n), P: p, Src: r}.Rand())
}

// expDays draws a whole number of days, at least 1, with the given mean
// (exponential, rounded up).
func expDays(r *rand.Rand, mean float64) int {
	if mean <= 0 {
		return 0
	}
	return max(1, int(math.Ceil(r.ExpFloat64()*mean)))
}

// pickWeighted draws an index with probability proportional to its
// weight, given u uniform in [0, Σ weights): the first index whose weight
// exceeds what is left of u after the weights before it. It never picks
// a zero weight; when float rounding leaves u past the last weight it
// picks the last positive one, and -1 when no weight is positive. Every
// weighted choice of the model (raid targets, attacking cells, attack
// types, targets abroad, moves) draws through it, with one uniform of its
// stream.
func pickWeighted(u float64, weights []float64) int {
	pick := -1
	for i, wt := range weights {
		if wt <= 0 {
			continue
		}
		pick = i
		if u < wt {
			break
		}
		u -= wt
	}
	return pick
}

// grow returns buf resized to n, reallocating only when it is too small.
func grow(buf []float64, n int) []float64 {
	if cap(buf) < n {
		return make([]float64, n, 2*n)
	}
	return buf[:n]
}
