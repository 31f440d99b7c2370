package powerlaw

import (
	"fmt"
	"math"
	"slices"

	"gonum.org/v1/gonum/mathext"
)

// MinTail is the fewest observations a candidate tail may hold: x_min is
// chosen among the distinct positive values v with at least MinTail
// observations ≥ v. This is a rule of this package, not of CSN (who scan
// every distinct value): with fewer points the standard error of α exceeds
// about 0.2 for α ≈ 2.5, and a KS distance computed on a handful of points
// is small by chance, so the search would drift to tiny tails at the
// extreme of the data.
const MinTail = 50

// maxExact is 2^53, the largest value a float64 holds with every integer
// below it exactly.
const maxExact = 1 << 53

// Fit is a discrete power law fitted to the tail x ≥ XMin of some data.
type Fit struct {
	// Alpha is the maximum-likelihood exponent for the tail.
	Alpha float64
	// StdErr is the asymptotic standard error of Alpha from the Fisher
	// information of the discrete law, 1/sqrt(NTail·Var(ln x)) with the
	// variance taken under the fitted law (CSN Sec. 3.1, Appendix B). It is
	// close to (Alpha−1)/sqrt(NTail) when XMin is large. It does not include
	// the uncertainty of XMin; CSN's published ± values come from a
	// bootstrap over both and are larger.
	StdErr float64
	// XMin is the smallest value of the power-law tail.
	XMin int64
	// KS is the Kolmogorov–Smirnov distance between the empirical CDF of
	// the tail and the fitted CDF, the quantity XMin minimises.
	KS float64
	// NTail is the number of observations ≥ XMin.
	NTail int
	// N is the number of observations given, zeros included.
	N int
}

// CCDF returns P(X ≥ x) under the fitted law for the tail: 1 for x ≤ XMin,
// and ζ(Alpha, ⌈x⌉)/ζ(Alpha, XMin) above. To draw it over the CCDF of all
// N observations, scale it by NTail/N. CCDF returns NaN for NaN x and for a
// Fit that does not hold a fitted law (Alpha ≤ 1 or XMin < 1), such as the
// zero Fit.
func (f Fit) CCDF(x float64) float64 {
	if !(f.Alpha > 1) || f.XMin < 1 || math.IsNaN(x) {
		return math.NaN()
	}
	xmin := float64(f.XMin)
	if x <= xmin {
		return 1
	}
	if math.IsInf(x, 1) {
		return 0
	}
	return mathext.Zeta(f.Alpha, math.Ceil(x)) / mathext.Zeta(f.Alpha, xmin)
}

// FitDiscrete fits a discrete power law to the tail of data, which must be
// non-negative integers below 2^53. Zeros are allowed and count in N, but
// never lie in a tail (x_min ≥ 1). data is not modified.
func FitDiscrete(data []int64) (Fit, error) {
	sorted := slices.Clone(data)
	slices.Sort(sorted)
	if len(sorted) > 0 {
		if v := sorted[0]; v < 0 {
			i := slices.Index(data, v)
			return Fit{}, fmt.Errorf("%w: data[%d] = %d, want a non-negative integer", ErrInput, i, v)
		}
		if v := sorted[len(sorted)-1]; v > maxExact {
			i := slices.Index(data, v)
			return Fit{}, fmt.Errorf("%w: data[%d] = %d, want at most 2^53", ErrInput, i, v)
		}
	}
	var vals []float64
	var counts []int64
	for i, v := range sorted {
		if i > 0 && v == sorted[i-1] {
			counts[len(counts)-1]++
			continue
		}
		vals = append(vals, float64(v))
		counts = append(counts, 1)
	}
	return fitSorted(vals, counts, int64(len(data)))
}

// FitHistogram fits a discrete power law to the tail of data given as
// distinct values and how often each occurred (the form sim.Histogram.Values
// returns). values need not be sorted and may repeat (counts add up); each
// must be a non-negative integer below 2^53 stored as float64, and each
// count non-negative. Zeros are allowed and count in N, but never lie in a
// tail. The inputs are not modified.
func FitHistogram(values []float64, counts []int64) (Fit, error) {
	if len(values) != len(counts) {
		return Fit{}, fmt.Errorf("%w: %d values but %d counts", ErrInput, len(values), len(counts))
	}
	idx := make([]int, 0, len(values))
	var total int64
	for i, v := range values {
		if !(v >= 0 && v <= maxExact && v == math.Trunc(v)) {
			return Fit{}, fmt.Errorf("%w: values[%d] = %v, want a non-negative integer at most 2^53", ErrInput, i, v)
		}
		c := counts[i]
		if c < 0 {
			return Fit{}, fmt.Errorf("%w: counts[%d] = %d (value %v), want ≥ 0", ErrInput, i, c, v)
		}
		if c > math.MaxInt64-total {
			return Fit{}, fmt.Errorf("%w: total count overflows int64 at counts[%d]", ErrInput, i)
		}
		total += c
		if c > 0 {
			idx = append(idx, i)
		}
	}
	slices.SortFunc(idx, func(a, b int) int {
		if values[a] < values[b] {
			return -1
		}
		if values[a] > values[b] {
			return 1
		}
		return 0
	})
	vals := make([]float64, 0, len(idx))
	cnts := make([]int64, 0, len(idx))
	for _, i := range idx {
		if n := len(vals); n > 0 && vals[n-1] == values[i] {
			cnts[n-1] += counts[i]
			continue
		}
		vals = append(vals, values[i])
		cnts = append(cnts, counts[i])
	}
	return fitSorted(vals, cnts, total)
}

// fitSorted fits distinct non-negative integer values vals, in increasing
// order, with positive counts; total is the number of observations.
func fitSorted(vals []float64, counts []int64, total int64) (Fit, error) {
	if len(vals) > 0 && vals[0] == 0 {
		vals, counts = vals[1:], counts[1:]
	}
	// Suffix sums: tailN[j] observations ≥ vals[j], tailLog[j] the sum of
	// their logarithms.
	m := len(vals)
	tailN := make([]int64, m+1)
	tailLog := make([]float64, m+1)
	for j := m - 1; j >= 0; j-- {
		tailN[j] = tailN[j+1] + counts[j]
		tailLog[j] = tailLog[j+1] + float64(counts[j])*math.Log(vals[j])
	}
	if tailN[0] < MinTail {
		return Fit{}, fmt.Errorf("%w: %d positive observations (of %d), want at least %d", ErrTooFewData, tailN[0], total, MinTail)
	}
	best := Fit{KS: math.Inf(1)}
	found := false
	for j := 0; j < m && tailN[j] >= MinTail; j++ {
		n := tailN[j]
		alpha, ok := mleAlpha(vals[j], tailLog[j]/float64(n))
		if !ok {
			continue
		}
		d := ksDistance(vals[j:], counts[j:], n, alpha)
		if d < best.KS { // ties keep the smaller x_min
			best = Fit{Alpha: alpha, XMin: int64(vals[j]), KS: d, NTail: int(n)}
			found = true
		}
	}
	if !found {
		return Fit{}, fmt.Errorf("%w: the maximum-likelihood alpha is outside (1, %v] for every x_min with at least %d observations", ErrNoFit, AlphaMax, MinTail)
	}
	best.StdErr = stdErr(best.Alpha, float64(best.XMin), int64(best.NTail))
	best.N = int(total)
	return best, nil
}
