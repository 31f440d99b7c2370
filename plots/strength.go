package plots

import (
	"fmt"

	"gonum.org/v1/plot"

	"github.com/insurgo/insurgo/internal/report"
)

// Strength returns two fan charts side by side, for Render or Write:
// ISK's fighters and its cells at the end of each month (series
// "fighters" and "cells" in scope "total"), median with 50% and 90%
// bands. The first plot's title names the figure. The error wraps
// ErrNoData if either series is missing.
func Strength(s *report.Summary) ([]*plot.Plot, error) {
	var ps []*plot.Plot
	for _, m := range []string{"fighters", "cells"} {
		se := s.Find(m, "total")
		if se == nil {
			return nil, fmt.Errorf("%w: no series %s/total in the summary of %s", ErrNoData, m, s.Scenario)
		}
		p := NewPlot("", "month", metricUnit(m))
		AddGrid(p)
		if err := addFan(p, se); err != nil {
			return nil, err
		}
		setMonthAxis(p, s)
		p.X.Tick.Marker = monthTicks{labels: s.Months, maxLabels: 3} // a panel is under half the width
		p.Y.Min = 0
		if p.Y.Max <= 0 {
			p.Y.Max = 1
		}
		ps = append(ps, p)
	}
	ps[0].Title.Text = runTitle("Strength: fighters (left) and cells (right) at month end", s)
	return ps, nil
}
