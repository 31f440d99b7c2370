package plots

import (
	"fmt"

	"gonum.org/v1/plot"

	"github.com/insurgo/insurgo/internal/report"
)

// Tempo returns the distribution of the number of attacks in a month
// (the pooled distribution "attacks_per_month": every month of every
// replicate), one violin per run, so the tempo of several scenarios can
// be compared at a glance. The error wraps ErrNoData if runs is empty or a
// run has no such distribution.
func Tempo(runs ...*report.Summary) (*plot.Plot, error) {
	if len(runs) == 0 {
		return nil, fmt.Errorf("%w: no run", ErrNoData)
	}
	ds := make([]Dist, len(runs))
	for i, s := range runs {
		d := s.Distribution("attacks_per_month")
		if d == nil {
			return nil, fmt.Errorf("%w: no distribution \"attacks_per_month\" in the summary of %s", ErrNoData, s.Scenario)
		}
		ds[i] = Dist{Name: s.Scenario, Values: d.Values, Counts: d.Counts}
	}
	return Violins(runsTitle("Tempo: attacks in a month, every month of every replicate", runs), "attacks per month", ds)
}

// TargetDists returns, for the target named name, its distribution over
// replicates in each run that has it, with the observed figure. The error
// wraps ErrNoData if no run has the target.
func TargetDists(runs []*report.Summary, name string) ([]Dist, *report.Target, error) {
	var ds []Dist
	var first *report.Target
	for _, s := range runs {
		t := findTarget(s, name)
		if t == nil {
			continue
		}
		if first == nil {
			first = t
		}
		ds = append(ds, Dist{Name: s.Scenario, Values: t.Values, Counts: t.Counts, Observed: t.Observed, HasObserved: true})
	}
	if len(ds) == 0 {
		return nil, nil, fmt.Errorf("%w: no run has a target %q", ErrNoData, name)
	}
	return ds, first, nil
}

// findTarget returns s's target named name, or nil.
func findTarget(s *report.Summary, name string) *report.Target {
	for i := range s.Targets {
		if s.Targets[i].Name == name {
			return &s.Targets[i]
		}
	}
	return nil
}

// TargetUnit is the axis label of a target's statistic, with its unit.
func TargetUnit(t *report.Target) string {
	m := spaced(t.Metric)
	switch t.Statistic {
	case "sum":
		return fmt.Sprintf("%s, %s..%s", m, t.From, t.To)
	case "mean_per_month":
		return fmt.Sprintf("%s per month, %s..%s", m, t.From, t.To)
	case "share":
		return fmt.Sprintf("share of %s (of %s)", m, scopeName(t.Of))
	case "distinct_regions":
		return fmt.Sprintf("regions with %s", m)
	case "end_value":
		return fmt.Sprintf("%s in %s", m, t.To)
	}
	return m
}

// Target returns a violin, one per run, of the distribution over
// replicates of the target named name, with its observed figure. It is
// the figure "insurgo compare" draws for each shared target. The error
// wraps ErrNoData if no run has the target or its distribution is empty.
func Target(runs []*report.Summary, name string) (*plot.Plot, error) {
	ds, t, err := TargetDists(runs, name)
	if err != nil {
		return nil, err
	}
	what := fmt.Sprintf("Target %s: %s of %s in %s, %s..%s", t.Name, spaced(t.Statistic), spaced(t.Metric), scopeName(t.Scope), t.From, t.To)
	return Violins(runsTitle(what, runs), TargetUnit(t), ds)
}
