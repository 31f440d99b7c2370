package sweep

import (
	"math/rand/v2"
	"slices"

	"gonum.org/v1/gonum/stat"
)

// Bootstrap configures percentile-bootstrap confidence intervals.
type Bootstrap struct {
	// Resamples is the number of bootstrap resamples; default 1000.
	Resamples int
	// Level is the confidence level of the intervals; default 0.95.
	Level float64
	// Src is the source of the resampling; nil means a PCG generator
	// with a fixed seed, so that analyses are reproducible by default.
	Src rand.Source
}

func (b Bootstrap) withDefaults() Bootstrap {
	if b.Resamples <= 0 {
		b.Resamples = 1000
	}
	if !(b.Level > 0 && b.Level < 1) {
		b.Level = 0.95
	}
	if b.Src == nil {
		b.Src = rand.NewPCG(0xb007, 0x57a9)
	}
	return b
}

// Interval is a confidence interval.
type Interval struct {
	Lo, Hi float64
}

// Contains reports whether x lies in [Lo, Hi].
func (iv Interval) Contains(x float64) bool { return x >= iv.Lo && x <= iv.Hi }

// Width returns Hi - Lo.
func (iv Interval) Width() float64 { return iv.Hi - iv.Lo }

// percentile returns the (1-level)/2 and (1+level)/2 empirical quantiles
// of xs, which it sorts.
func percentile(xs []float64, level float64) Interval {
	slices.Sort(xs)
	a := (1 - level) / 2
	return Interval{
		Lo: stat.Quantile(a, stat.Empirical, xs, nil),
		Hi: stat.Quantile(1-a, stat.Empirical, xs, nil),
	}
}
