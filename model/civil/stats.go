package civil

import (
	"math"
	"slices"
)

// RunStats are the per-run statistics on which the model is docked with
// Mesa: each is computed from one run's per-step counts (steps 1 to n,
// counts taken after each step).
type RunStats struct {
	ActiveFraction   float64 // mean active citizens over citizens
	JailedFraction   float64 // mean jailed citizens over citizens
	ArrestsPerStep   float64 // mean arrests per step
	OutburstsPer1000 float64 // outbursts begun per 1,000 steps
	MedianPeak       float64 // median peak of the outbursts; NaN if none
	MedianInterval   float64 // median steps between the starts of successive outbursts; NaN if fewer than two
}

// Outburst is a maximal run of steps with at least the outburst threshold
// of active citizens.
type Outburst struct {
	Start, End int   // first step and one past the last, as indices into the series
	Peak       int64 // most active citizens in one step of it
}

// Outbursts returns the outbursts of the active series at threshold th.
func Outbursts(activeSeries []int64, th int64) []Outburst {
	var out []Outburst
	for i := 0; i < len(activeSeries); {
		if activeSeries[i] < th {
			i++
			continue
		}
		o := Outburst{Start: i}
		for i < len(activeSeries) && activeSeries[i] >= th {
			o.Peak = max(o.Peak, activeSeries[i])
			i++
		}
		o.End = i
		out = append(out, o)
	}
	return out
}

// Stats returns the run statistics of the per-step series of active and
// jailed citizens and arrests, for a run with the given citizens and
// outburst threshold th.
func Stats(activeSeries, jailedSeries, arrestSeries []int64, citizens int, th int64) RunStats {
	n := float64(len(activeSeries))
	mean := func(xs []int64) float64 {
		var s int64
		for _, x := range xs {
			s += x
		}
		return float64(s) / float64(len(xs))
	}
	st := RunStats{
		ActiveFraction: mean(activeSeries) / float64(citizens),
		JailedFraction: mean(jailedSeries) / float64(citizens),
		ArrestsPerStep: mean(arrestSeries),
	}
	obs := Outbursts(activeSeries, th)
	st.OutburstsPer1000 = float64(len(obs)) * 1000 / n
	peaks := make([]float64, len(obs))
	var gaps []float64
	for i, o := range obs {
		peaks[i] = float64(o.Peak)
		if i > 0 {
			gaps = append(gaps, float64(o.Start-obs[i-1].Start))
		}
	}
	st.MedianPeak = Median(peaks)
	st.MedianInterval = Median(gaps)
	return st
}

// Median returns the median of xs, the mean of the middle two for an even
// count (as numpy and Python's statistics do), NaN for none. It sorts xs.
func Median(xs []float64) float64 {
	if len(xs) == 0 {
		return math.NaN()
	}
	slices.Sort(xs)
	m := len(xs) / 2
	if len(xs)%2 == 1 {
		return xs[m]
	}
	return (xs[m-1] + xs[m]) / 2
}
