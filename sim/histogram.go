package sim

import (
	"math"
	"sort"

	"gonum.org/v1/gonum/stat"
)

// Histogram counts how often each value occurred. Values that are integers
// (attack counts, casualties) are held exactly, so quantiles are exact and
// two histograms merge exactly, in any order. The zero Histogram is empty
// and ready to use.
type Histogram struct {
	small  []int64 // small[v] counts the integer v, for 0 <= v < denseMax
	counts map[float64]int64
	n      int64
}

// denseMax bounds the integers counted in a slice rather than a map: most
// monthly counts are small, and a slice index is far cheaper than a map
// update on the per-replicate path.
const denseMax = 256

// Add counts one occurrence of v.
func (h *Histogram) Add(v float64) { h.AddN(v, 1) }

// AddN counts n occurrences of v.
func (h *Histogram) AddN(v float64, n int64) {
	if n == 0 {
		return
	}
	if v >= 0 && v < denseMax && v == float64(int(v)) {
		i := int(v)
		if i >= len(h.small) {
			h.small = growDense(h.small, i+1)
		}
		h.small[i] += n
		h.n += n
		return
	}
	if h.counts == nil {
		h.counts = map[float64]int64{}
	}
	h.counts[v] += n
	h.n += n
}

// growDense returns small lengthened with zeros to the least power of two
// that is at least n (n <= denseMax, itself a power of two) and twice
// small's length, so that a histogram whose largest value creeps up one
// replicate at a time reallocates a few times, not once per new largest
// value.
func growDense(small []int64, n int) []int64 {
	m := max(8, 2*len(small))
	for m < n {
		m *= 2
	}
	m = min(denseMax, m)
	out := make([]int64, m)
	copy(out, small)
	return out
}

// Merge adds every count of o to h.
func (h *Histogram) Merge(o *Histogram) {
	for v, n := range o.small {
		h.AddN(float64(v), n)
	}
	for v, n := range o.counts {
		h.AddN(v, n)
	}
}

// N returns the number of occurrences counted.
func (h *Histogram) N() int64 { return h.n }

// Count returns how often v occurred.
func (h *Histogram) Count(v float64) int64 {
	if v >= 0 && v < float64(len(h.small)) && v == float64(int(v)) {
		return h.small[int(v)]
	}
	return h.counts[v]
}

// Values returns the distinct values in increasing order, and their counts.
func (h *Histogram) Values() (vals []float64, counts []int64) {
	vals = make([]float64, 0, len(h.counts)+len(h.small))
	for v, n := range h.small {
		if n != 0 {
			vals = append(vals, float64(v))
		}
	}
	for v := range h.counts {
		vals = append(vals, v)
	}
	sort.Float64s(vals)
	counts = make([]int64, len(vals))
	for i, v := range vals {
		counts[i] = h.Count(v)
	}
	return vals, counts
}

// Quantile returns the p-quantile (0 <= p <= 1) as the smallest value whose
// cumulative share reaches p (gonum's stat.Empirical). It is NaN for an
// empty histogram.
func (h *Histogram) Quantile(p float64) float64 {
	if h.n == 0 {
		return math.NaN()
	}
	vals, counts := h.Values()
	w := make([]float64, len(counts))
	for i, c := range counts {
		w[i] = float64(c)
	}
	return stat.Quantile(p, stat.Empirical, vals, w)
}

// Mean returns the mean value, summed in increasing order of value so the
// result does not depend on how the histogram was built. NaN when empty.
func (h *Histogram) Mean() float64 {
	if h.n == 0 {
		return math.NaN()
	}
	vals, counts := h.Values()
	var s float64
	for i, v := range vals {
		s += v * float64(counts[i])
	}
	return s / float64(h.n)
}

// Summary is the usual five quantiles and the mean of a histogram.
type Summary struct {
	P05, P25, P50, P75, P95, Mean float64
}

// Summarize returns h's quantiles and mean.
func (h *Histogram) Summarize() Summary {
	vals, counts := h.Values()
	if len(vals) == 0 {
		nan := math.NaN()
		return Summary{nan, nan, nan, nan, nan, nan}
	}
	w := make([]float64, len(counts))
	var s float64
	for i, c := range counts {
		w[i] = float64(c)
		s += vals[i] * w[i]
	}
	q := func(p float64) float64 { return stat.Quantile(p, stat.Empirical, vals, w) }
	return Summary{q(0.05), q(0.25), q(0.5), q(0.75), q(0.95), s / float64(h.n)}
}
