package abc

import (
	"math"
	"slices"

	"gonum.org/v1/gonum/stat"
)

// madToSD turns a median absolute deviation into a standard deviation
// for normal data (1/Φ⁻¹(3/4)).
const madToSD = 1.482602218505602

// Scales returns the per-statistic scales of the adaptive distance
// (Prangle 2017) from the statistics of a generation's simulations:
//
//	spread_i = 1.4826 × MAD_i   (median absolute deviation from the median
//	                             of statistic i over the simulations, NaN
//	                             and ±Inf values left out)
//	scale_i  = sqrt(spread_i² + obsSD_i²)
//
// so a statistic measured with observation error obsSD_i counts its
// discrepancy in units of simulated spread and observation error combined
// (the two add as variances of independent errors). If scale_i would be 0
// (every simulation gave one value and there is no observation error), the
// fallback is prev[i] when prev is given, else |observed_i|, else 1.
func Scales(sims [][]float64, observed, obsSD, prev []float64) []float64 {
	n := len(observed)
	scales := make([]float64, n)
	col := make([]float64, 0, len(sims))
	for i := range n {
		col = col[:0]
		for _, s := range sims {
			if v := s[i]; finite(v) {
				col = append(col, v)
			}
		}
		spread := 0.0
		if len(col) > 0 {
			slices.Sort(col)
			med := stat.Quantile(0.5, stat.Empirical, col, nil)
			for j, v := range col {
				col[j] = math.Abs(v - med)
			}
			slices.Sort(col)
			spread = madToSD * stat.Quantile(0.5, stat.Empirical, col, nil)
		}
		sd := 0.0
		if obsSD != nil {
			sd = obsSD[i]
		}
		s := math.Hypot(spread, sd)
		if !(s > 0) || math.IsInf(s, 0) {
			switch {
			case prev != nil:
				s = prev[i]
			case observed[i] != 0:
				s = math.Abs(observed[i])
			default:
				s = 1
			}
		}
		scales[i] = s
	}
	return scales
}

// Distance is the scaled Euclidean distance
// sqrt(Σ_i ((stats_i - observed_i) / scales_i)²); +Inf if any statistic
// is NaN or infinite.
func Distance(stats, observed, scales []float64) float64 {
	d := 0.0
	for i, s := range stats {
		if !finite(s) {
			return math.Inf(1)
		}
		z := (s - observed[i]) / scales[i]
		d += z * z
	}
	return math.Sqrt(d)
}
