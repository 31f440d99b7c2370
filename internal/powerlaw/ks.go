package powerlaw

import (
	"math"

	"gonum.org/v1/gonum/mathext"
)

// ksDistance returns the Kolmogorov–Smirnov distance
//
//	D = max_{x ≥ xmin} |S(x) − P(x)|
//
// between the empirical CDF S of a tail and the CDF P of the discrete power
// law with exponent alpha starting at xmin = vals[0] (CSN Sec. 3.3).
// vals are the tail's distinct values in increasing order, counts their
// counts and n the sum of counts.
//
// The supremum is exact over all integers x ≥ xmin, as in CSN's plfit.m,
// which evaluates both CDFs at every integer from xmin to the largest value:
// S is constant between consecutive observed values v_k < v_{k+1} while P
// increases, so the largest gap on that stretch is at x = v_k or at
// x = v_{k+1} − 1. With P(x) = 1 − ζ(α, x+1)/ζ(α, xmin) this needs ζ only
// at v_k + 1 and at v_{k+1}.
func ksDistance(vals []float64, counts []int64, n int64, alpha float64) float64 {
	z0 := mathext.Zeta(alpha, vals[0])
	nf := float64(n)
	var cum int64
	d := 0.0
	for k, v := range vals {
		cum += counts[k]
		s := float64(cum) / nf
		zAfter := mathext.Zeta(alpha, v+1) // P(X ≥ v+1)·z0
		d = math.Max(d, math.Abs(s-(1-zAfter/z0)))
		if k+1 < len(vals) && vals[k+1] != v+1 {
			zNext := mathext.Zeta(alpha, vals[k+1]) // P(X ≥ v_{k+1})·z0
			d = math.Max(d, math.Abs(s-(1-zNext/z0)))
		}
	}
	return d
}
