package plots

import (
	"fmt"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"

	"github.com/insurgo/insurgo/internal/report"
)

// StepFans returns fan charts side by side, one for each metric and scope
// of keys, with its y label from ylabels: the series at each recorded
// step, median and 50% and 90% bands over replicates; title heads the
// first. The error wraps ErrNoData if a series is missing.
func StepFans(s *report.Summary, title string, keys [][2]string, ylabels []string) ([]*plot.Plot, error) {
	var ps []*plot.Plot
	for i, k := range keys {
		se := s.Find(k[0], k[1])
		if se == nil {
			return nil, fmt.Errorf("%w: no series %s/%s in the summary of %s", ErrNoData, k[0], k[1], s.Scenario)
		}
		t := ""
		if i == 0 {
			t = runTitle(title, s)
		}
		p := NewPlot(t, "step", ylabels[i])
		AddGrid(p)
		if err := addFan(p, se); err != nil {
			return nil, err
		}
		p.X.Tick.Marker = plainTicks{}
		p.X.Min, p.X.Max = 0, float64(len(se.P50)-1)
		p.Y.Min = 0
		if _, _, _, ymax := plotter.XYRange(seriesXYs(se.P95)); ymax <= 0 {
			p.Y.Max = 1
		}
		ps = append(ps, p)
	}
	return ps, nil
}
