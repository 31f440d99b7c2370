package plots

import (
	"fmt"
	"math"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"github.com/insurgo/insurgo/internal/report"
)

// Figures of a run of Epstein's civil-violence model (model/civil), drawn
// by WriteDefault when the summary holds its series: fans of the active,
// jailed and quiet citizens step by step, and the distributions of
// outburst sizes and of the waits between outbursts.

// isCivil reports whether s is a run of the civil-violence model: one with
// active and jailed citizens per step.
func isCivil(s *report.Summary) bool {
	return s.Find("active", "total") != nil && s.Find("jailed", "total") != nil
}

// civilDefaults are the default figures of a civil-violence run.
func civilDefaults(s *report.Summary) []figure {
	return []figure{
		{"civil-citizens", func() ([]*plot.Plot, error) { return CivilCitizens(s) }},
		{"outburst-sizes-ccdf", one(func() (*plot.Plot, error) {
			return StepCCDF(s, "outburst_size", "Outburst sizes (peak active citizens), CCDF", "peak active citizens, x", true)
		})},
		{"outburst-waits-ccdf", one(func() (*plot.Plot, error) {
			return StepCCDF(s, "outburst_interval", "Waits between outbursts (start to start), CCDF", "steps, x", false)
		})},
	}
}

// CivilCitizens returns three fan charts side by side: the active, jailed
// and quiet citizens at each recorded step, median and 50% and 90% bands
// over replicates. The error wraps ErrNoData if a series is missing.
func CivilCitizens(s *report.Summary) ([]*plot.Plot, error) {
	return StepFans(s, "Citizens active, jailed and quiet, by step",
		[][2]string{{"active", "total"}, {"jailed", "total"}, {"quiet", "total"}},
		[]string{"active citizens", "jailed citizens", "quiet citizens"})
}

// StepCCDF returns the complementary cumulative distribution of the pooled
// distribution name of s: for each x, the share of the observations that
// are at least x; on log–log axes if loglog, else with only the share on
// a log axis (where exponential waits fall on a straight line). The error
// wraps ErrNoData if there is no such distribution or it is empty.
func StepCCDF(s *report.Summary, name, what, xlabel string, loglog bool) (*plot.Plot, error) {
	d := s.Distribution(name)
	if d == nil || len(d.Values) == 0 {
		return nil, fmt.Errorf("%w: no distribution %q in the summary of %s", ErrNoData, name, s.Scenario)
	}
	if len(d.Values) != len(d.Counts) {
		return nil, fmt.Errorf("plots: distribution %s has %d values but %d counts", name, len(d.Values), len(d.Counts))
	}
	var n int64
	for _, c := range d.Counts {
		n += c
	}
	var pts plotter.XYs
	above := n
	for i, v := range d.Values {
		if v > 0 {
			x := v
			if loglog {
				x = math.Log10(v)
			}
			pts = append(pts, plotter.XY{X: x, Y: math.Log10(float64(above) / float64(n))})
		}
		above -= d.Counts[i]
	}
	if len(pts) == 0 {
		return nil, fmt.Errorf("%w: distribution %q of %s has no positive value", ErrNoData, name, s.Scenario)
	}
	p := NewPlot(runTitle(fmt.Sprintf("%s (%d pooled over replicates)", what, n), s), xlabel, "share ≥ x")
	AddGrid(p)
	p.Y.Tick.Marker = log10Ticks{}
	if loglog {
		p.X.Tick.Marker = log10Ticks{}
	} else {
		p.X.Tick.Marker = plainTicks{}
	}
	sc, err := plotter.NewScatter(pts)
	if err != nil {
		return nil, fmt.Errorf("plots: %w", err)
	}
	sc.GlyphStyle = draw.GlyphStyle{Color: Blue, Radius: vg.Points(2), Shape: draw.CircleGlyph{}}
	p.Add(sc)
	p.Legend.Add("simulated", sc)
	return p, nil
}
