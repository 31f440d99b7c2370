package main

import (
	"fmt"
	"io"
	"math"
	"slices"
	"strings"
	"text/tabwriter"

	"github.com/insurgo/insurgo/internal/report"
)

// printRunSummary prints the targets table and attacks per month by year.
func printRunSummary(w io.Writer, s *report.Summary) {
	fmt.Fprintf(w, "%s: %d replicates, seed %d, %s to %s\n", s.Scenario, s.Replicates, s.Seed, s.Start, s.End)
	if len(s.Targets) > 0 {
		fmt.Fprintln(w, "\nTargets and checks (observed against the 90% interval of the simulated value plus observation error):")
		tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
		fmt.Fprintln(tw, "name\tkind\tobserved\tmedian\tobs s.d.\tp05\tp95\tcovered\t")
		var targets, covered, checks, checksIn int
		for _, t := range s.Targets {
			mark := "no"
			if t.Covered {
				mark = "yes"
			}
			if t.Kind == report.KindCheck {
				checks++
				if t.Covered {
					checksIn++
				}
			} else {
				targets++
				if t.Covered {
					covered++
				}
			}
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t\n", t.Name, t.Kind, short(t.Observed), short(t.P50),
				short(t.ObsSD), short(t.PredP05), short(t.PredP95), mark)
		}
		tw.Flush()
		fmt.Fprintf(w, "%d of %d targets covered", covered, targets)
		if checks > 0 {
			fmt.Fprintf(w, "; checks (scenario inputs, not counted): %d of %d within their interval", checksIn, checks)
		}
		fmt.Fprintln(w)
	}
	printCivilSummary(w, s)
	printIntergroupSummary(w, s)
	scopes := []string{"total", "country:afghanistan", "group:kp"}
	var have []*report.Series
	var names []string
	for _, sc := range scopes {
		if se := s.Find("attacks", sc); se != nil {
			have = append(have, se)
			names = append(names, sc)
		}
	}
	if len(have) == 0 {
		return
	}
	fmt.Fprintln(w, "\nAttacks per month by year (mean over replicates; median of monthly medians in brackets):")
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(tw, "year\tmonths\t%s\t\n", strings.Join(names, "\t"))
	for _, y := range years(s.Months) {
		fmt.Fprintf(tw, "%s\t%d", y.year, y.to-y.from)
		for _, se := range have {
			var mean float64
			for m := y.from; m < y.to; m++ {
				mean += se.Mean[m]
			}
			mean /= float64(y.to - y.from)
			fmt.Fprintf(tw, "\t%.1f [%s]", mean, short(median(se.P50[y.from:y.to])))
		}
		fmt.Fprintln(tw, "\t")
	}
	tw.Flush()
}

type yearSpan struct {
	year     string
	from, to int
}

// years splits YYYY-MM month labels into calendar years.
func years(months []string) []yearSpan {
	var out []yearSpan
	for i, m := range months {
		y := m[:4]
		if len(out) == 0 || out[len(out)-1].year != y {
			out = append(out, yearSpan{y, i, i})
		}
		out[len(out)-1].to = i + 1
	}
	return out
}

func median(xs []float64) float64 {
	s := slices.Clone(xs)
	slices.Sort(s)
	n := len(s)
	if n == 0 {
		return math.NaN()
	}
	if n%2 == 1 {
		return s[n/2]
	}
	return (s[n/2-1] + s[n/2]) / 2
}

// short formats a figure compactly: integers as integers, shares with
// three decimals.
func short(x float64) string {
	if x == math.Trunc(x) && math.Abs(x) < 1e15 {
		return fmt.Sprintf("%d", int64(x))
	}
	return fmt.Sprintf("%.3g", x)
}
