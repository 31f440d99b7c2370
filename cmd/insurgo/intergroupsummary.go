package main

import (
	"fmt"
	"io"

	"github.com/insurgo/insurgo/internal/report"
)

// printIntergroupSummary prints, for a run of the inter-group violence
// model, each group's citizens at the end, how many runs saw a group
// wiped out and when, and the killings, arrests and births per run; it
// prints nothing for other models.
func printIntergroupSummary(w io.Writer, s *report.Summary) {
	blue, green, minority := s.Find("population", "group:blue"), s.Find("population", "group:green"), s.Find("minority", "total")
	if blue == nil || green == nil || minority == nil || len(minority.Mean) == 0 {
		return
	}
	last := func(se *report.Series) float64 {
		if se == nil || len(se.Mean) == 0 {
			return 0
		}
		return se.Mean[len(se.Mean)-1]
	}
	total := func(metric string) float64 {
		var t float64
		if se := s.Find(metric, "total"); se != nil {
			for _, v := range se.Mean {
				t += v
			}
		}
		return t
	}
	end := len(minority.Mean) - 1
	fmt.Fprintf(w, "\nCitizens at the end, mean over replicates: blue %.1f, green %.1f; the smaller group %.1f (median %s, 90%% of replicates %s to %s)\n",
		last(blue), last(green), last(minority), short(minority.P50[end]), short(minority.P05[end]), short(minority.P95[end]))
	var gone int64
	d := s.Distribution("extinction_step")
	if d != nil {
		for _, c := range d.Counts {
			gone += c
		}
	}
	fmt.Fprintf(w, "A group wiped out in %d of %d replicates", gone, s.Replicates)
	if gone > 0 {
		fmt.Fprintf(w, ", at step %s (median)", short(distMedian(d)))
	}
	fmt.Fprintln(w)
	fmt.Fprintf(w, "Per run, mean over replicates: %.0f citizens killed, %.0f arrests, %.0f births, %.0f deaths of age\n",
		total("killed"), total("arrests"), total("births"), total("deaths"))
}
