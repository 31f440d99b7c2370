package compare

import (
	"math"
	"sort"

	"gonum.org/v1/gonum/stat"
)

// Dist summarises a sample of per-replicate values: the median, the 90%
// interval (5% and 95% quantiles) and the mean. Quantiles are gonum's
// stat.Empirical ones (the smallest value whose cumulative share reaches
// p), the same definition as sim.Histogram. NaN values (a statistic that
// is undefined in a replicate, such as a share of zero attacks) are left
// out and counted in Undefined; +Inf values (such as a rebound that never
// happened within the run) sort last and are counted in Infinite.
type Dist struct {
	N         int     // defined values, +Inf included
	Undefined int     // NaN values left out
	Infinite  int     // +Inf values among the N
	Median    float64 // NaN when N is 0
	P05, P95  float64 // the 90% interval; NaN when N is 0
	Mean      float64 // of the finite values; NaN when there are none
}

// Summarize returns the Dist of xs. It does not modify xs.
func Summarize(xs []float64) Dist {
	v := make([]float64, 0, len(xs))
	var d Dist
	for _, x := range xs {
		switch {
		case math.IsNaN(x):
			d.Undefined++
		default:
			if math.IsInf(x, 1) {
				d.Infinite++
			}
			v = append(v, x)
		}
	}
	d.N = len(v)
	if d.N == 0 {
		nan := math.NaN()
		d.Median, d.P05, d.P95, d.Mean = nan, nan, nan, nan
		return d
	}
	sort.Float64s(v)
	d.Median = stat.Quantile(0.5, stat.Empirical, v, nil)
	d.P05 = stat.Quantile(0.05, stat.Empirical, v, nil)
	d.P95 = stat.Quantile(0.95, stat.Empirical, v, nil)
	fin := v[:0:0]
	for _, x := range v {
		if !math.IsInf(x, 0) {
			fin = append(fin, x)
		}
	}
	if len(fin) == 0 {
		d.Mean = math.NaN()
	} else {
		d.Mean = stat.Mean(fin, nil)
	}
	return d
}

// quantiles returns the 5%, 50% and 95% empirical quantiles of sorted xs.
func quantiles(sorted []float64) (p05, p50, p95 float64) {
	if len(sorted) == 0 {
		nan := math.NaN()
		return nan, nan, nan
	}
	return stat.Quantile(0.05, stat.Empirical, sorted, nil),
		stat.Quantile(0.5, stat.Empirical, sorted, nil),
		stat.Quantile(0.95, stat.Empirical, sorted, nil)
}
