package main

import (
	"fmt"
	"io"

	"github.com/insurgo/insurgo/internal/report"
)

// printCivilSummary prints, for a run of the civil-violence model, the
// citizens' mean state over steps and replicates, the arrests per step and
// the outbursts; it prints nothing for other models.
func printCivilSummary(w io.Writer, s *report.Summary) {
	active, jailed, quiet := s.Find("active", "total"), s.Find("jailed", "total"), s.Find("quiet", "total")
	if active == nil || jailed == nil || quiet == nil {
		return
	}
	mean := func(se *report.Series) float64 {
		if se == nil || len(se.Mean) == 0 {
			return 0
		}
		var t float64
		for _, v := range se.Mean {
			t += v
		}
		return t / float64(len(se.Mean))
	}
	total := func(se *report.Series) float64 {
		if se == nil {
			return 0
		}
		var t float64
		for _, v := range se.Mean {
			t += v
		}
		return t
	}
	fmt.Fprintf(w, "\nCitizens, mean over recorded steps and replicates: active %.1f, jailed %.1f, quiet %.1f\n", mean(active), mean(jailed), mean(quiet))
	fmt.Fprintf(w, "Arrests per recorded step: %.2f\n", mean(s.Find("arrests", "total")))
	fmt.Fprintf(w, "Outbursts per run: %.1f", total(s.Find("outbursts", "total")))
	if d := s.Distribution("outburst_size"); d != nil {
		fmt.Fprintf(w, "; median peak %s active", short(distMedian(d)))
	}
	if d := s.Distribution("outburst_interval"); d != nil {
		fmt.Fprintf(w, "; median wait %s steps between starts", short(distMedian(d)))
	}
	fmt.Fprintln(w)
}

// distMedian returns the median of a pooled distribution: the smallest
// value whose cumulative share reaches one half.
func distMedian(d *report.Distribution) float64 {
	var n int64
	for _, c := range d.Counts {
		n += c
	}
	var cum int64
	for i, c := range d.Counts {
		cum += c
		if 2*cum >= n {
			return d.Values[i]
		}
	}
	return 0
}
