package powerlaw

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"

	"gonum.org/v1/gonum/mathext"
)

// GoodnessOfFit is CSN's semi-parametric bootstrap test of a power-law fit
// (CSN Sec. 4.1): reps synthetic data sets of the fit's size N are drawn,
// each observation from the fitted power law with probability NTail/N and
// otherwise uniformly from the observations below XMin; each is fitted
// afresh (x_min chosen again) and the p-value is the share whose KS
// distance is at least the fit's. p near 0 (CSN: p ≤ 0.1) rules the power
// law out; a large p says only that it is plausible. The p-value's
// standard error is about sqrt(p(1−p)/reps) (CSN use 2,500 reps for ±0.01).
//
// values and counts are the data the fit was made on (as for
// FitHistogram). Synthetic data sets whose fit fails (too few data, no
// exponent in range) count as less extreme than the fit. The draws come
// from rng only, so a fixed seed gives a fixed p.
func GoodnessOfFit(values []float64, counts []int64, fit Fit, reps int, rng *rand.Rand) (float64, error) {
	if reps < 1 {
		return 0, fmt.Errorf("%w: reps = %d, want at least 1", ErrInput, reps)
	}
	if !(fit.Alpha > 1) || fit.XMin < 1 || fit.N < 1 || fit.NTail > fit.N {
		return 0, fmt.Errorf("%w: not a fitted power law (alpha %v, x_min %d, n %d, tail %d)", ErrInput, fit.Alpha, fit.XMin, fit.N, fit.NTail)
	}
	// The body: observations below x_min, as a cumulative table.
	var body []float64
	var cum []int64
	var nb int64
	for i, v := range values {
		if v < float64(fit.XMin) && counts[i] > 0 {
			nb += counts[i]
			body = append(body, v)
			cum = append(cum, nb)
		}
	}
	pTail := float64(fit.NTail) / float64(fit.N)
	draw := newTailSampler(fit.Alpha, fit.XMin)
	data := make([]int64, fit.N)
	extreme := 0
	for range reps {
		for i := range data {
			if nb == 0 || rng.Float64() < pTail {
				data[i] = draw.sample(rng)
				continue
			}
			k := rng.Int64N(nb)
			j, _ := slices.BinarySearch(cum, k+1)
			data[i] = int64(body[j])
		}
		f, err := FitDiscrete(data)
		if err == nil && f.KS >= fit.KS {
			extreme++
		}
	}
	return float64(extreme) / float64(reps), nil
}

// tailSampler draws from the discrete power law x^−α/ζ(α, x_min), x ≥ x_min,
// exactly: by inversion of its upper tail ζ(α, x)/ζ(α, x_min), starting from
// CSN's continuous approximation (their eq. D.7) and stepping to the exact
// integer.
type tailSampler struct {
	alpha, xmin, z0 float64
}

func newTailSampler(alpha float64, xmin int64) tailSampler {
	x := float64(xmin)
	return tailSampler{alpha: alpha, xmin: x, z0: mathext.Zeta(alpha, x)}
}

// upper is P(X ≥ x).
func (s tailSampler) upper(x float64) float64 {
	if x <= s.xmin {
		return 1
	}
	return mathext.Zeta(s.alpha, x) / s.z0
}

// sample returns the largest x with P(X ≥ x) ≥ t for t uniform in (0, 1].
func (s tailSampler) sample(rng *rand.Rand) int64 {
	t := 1 - rng.Float64() // (0, 1]
	x := math.Floor((s.xmin-0.5)*math.Pow(t, -1/(s.alpha-1)) + 0.5)
	if x < s.xmin || math.IsNaN(x) {
		x = s.xmin
	}
	if x > maxExact {
		return maxExact
	}
	for x > s.xmin && s.upper(x) < t {
		x--
	}
	for x < maxExact && s.upper(x+1) >= t {
		x++
	}
	return int64(x)
}
