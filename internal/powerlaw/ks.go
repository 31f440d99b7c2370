package powerlaw

import (
	"math"

	"gonum.org/v1/gonum/mathext"
)

// maxGapSum is the longest run of integers between two observed values
// whose terms x^−α are summed directly; a longer gap costs one evaluation of
// ζ instead (which takes about as long as a dozen powers).
const maxGapSum = 8

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
// x = v_{k+1} − 1. In terms of upper tails, with A_k the share of the tail
// above v_k and Z(x) = ζ(α, x), so that P(X ≥ x) = Z(x)/Z(xmin), the gaps
// are |Z(v_k+1)/Z(xmin) − A_k| and |Z(v_{k+1})/Z(xmin) − A_k|.
//
// Z is evaluated once at the top, Z(v_last+1), and carried down with
// Z(x) = Z(x+1) + x^−α across the observed values and short gaps; a long
// gap restarts from a direct evaluation. The cost per call is thus
// O(len(vals)) powers plus one ζ per long gap.
func ksDistance(vals []float64, counts []int64, n int64, alpha float64) float64 {
	z0 := mathext.Zeta(alpha, vals[0])
	nf := float64(n)
	last := len(vals) - 1
	var zTop float64 // Z(v_{k+1})
	var above int64  // observations > v_k
	d := 0.0
	for k := last; k >= 0; k-- {
		v := vals[k]
		var zAbove float64 // Z(v_k + 1)
		switch {
		case k == last || vals[k+1]-v-1 > maxGapSum:
			zAbove = mathext.Zeta(alpha, v+1)
		default:
			zAbove = zTop
			for x := vals[k+1] - 1; x > v; x-- {
				zAbove += math.Pow(x, -alpha)
			}
		}
		a := float64(above) / nf
		d = math.Max(d, math.Abs(zAbove/z0-a))
		if k < last {
			d = math.Max(d, math.Abs(zTop/z0-a))
		}
		zTop = zAbove + math.Pow(v, -alpha)
		above += counts[k]
	}
	return d
}
