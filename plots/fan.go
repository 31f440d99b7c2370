package plots

import (
	"fmt"
	"math"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"github.com/insurgo/insurgo/internal/report"
	"github.com/insurgo/insurgo/sim"
)

// Fan returns a fan chart of a monthly series of s: the median over
// replicates as a line, the 50% (p25–p75) and 90% (p05–p95) bands around
// it. The observed targets of the same metric and scope whose statistic
// is a sum or a mean per month are drawn over it as horizontal segments
// across their months at their per-month mean (sum / months), labelled
// with their name and value; an end_value target is drawn as a point in
// its month. The error wraps ErrNoData if s has no such series or no
// months.
func Fan(s *report.Summary, metric, scope string) (*plot.Plot, error) {
	se := s.Find(metric, scope)
	if se == nil {
		return nil, fmt.Errorf("%w: no series %s/%s in the summary of %s", ErrNoData, metric, scope, s.Scenario)
	}
	if len(s.Months) == 0 {
		return nil, fmt.Errorf("%w: %s has no months", ErrNoData, s.Scenario)
	}
	what := fmt.Sprintf("Monthly %s, %s", metricName(metric), scopeName(scope))
	sparse := isSparse(se)
	if sparse {
		what += ": mean per month (too few to draw as bands)"
	}
	p := NewPlot(runTitle(what, s), "month", metricUnit(metric))
	AddGrid(p)
	if sparse {
		if err := addMeanBars(p, se); err != nil {
			return nil, err
		}
	} else if err := addFan(p, se); err != nil {
		return nil, err
	}
	setMonthAxis(p, s)
	if err := addTargets(p, s, metric, scope); err != nil {
		return nil, err
	}
	p.Y.Min = 0
	if _, _, _, ymax := plotter.XYRange(seriesXYs(se.P95)); ymax <= 0 {
		p.Y.Max = 1 // an honest flat line at zero, not a degenerate axis
	}
	return p, nil
}

// spaced replaces underscores in a metric name with spaces.
func spaced(metric string) string {
	b := []byte(metric)
	for i := range b {
		if b[i] == '_' {
			b[i] = ' '
		}
	}
	return string(b)
}

// seriesXYs returns the points (month index, v[i]).
func seriesXYs(v []float64) plotter.XYs {
	xys := make(plotter.XYs, len(v))
	for i, y := range v {
		xys[i] = plotter.XY{X: float64(i), Y: y}
	}
	return xys
}

// band returns the polygon between lo and hi.
func band(lo, hi []float64, c draw.LineStyle) (*plotter.Polygon, error) {
	n := len(lo)
	ring := make(plotter.XYs, 0, 2*n)
	for i := 0; i < n; i++ {
		ring = append(ring, plotter.XY{X: float64(i), Y: hi[i]})
	}
	for i := n - 1; i >= 0; i-- {
		ring = append(ring, plotter.XY{X: float64(i), Y: lo[i]})
	}
	if n == 1 { // a single month: a short bar rather than a degenerate polygon
		ring = plotter.XYs{{X: -0.2, Y: hi[0]}, {X: 0.2, Y: hi[0]}, {X: 0.2, Y: lo[0]}, {X: -0.2, Y: lo[0]}}
	}
	pg, err := plotter.NewPolygon(ring)
	if err != nil {
		return nil, fmt.Errorf("plots: %w", err)
	}
	pg.LineStyle = c
	return pg, nil
}

// isSparse reports whether se is a small count (never above 3 in 95% of
// replicates in any month, as leaders killed): its quantiles are mostly 0
// and bands would draw steps of whole units, so its mean is drawn instead.
func isSparse(se *report.Series) bool {
	if gauges[se.Metric] || len(se.P95) == 0 {
		return false
	}
	for _, x := range se.P95 {
		if x > 3 {
			return false
		}
	}
	return true
}

// addMeanBars adds the mean of se per month as bars, with a legend entry.
func addMeanBars(p *plot.Plot, se *report.Series) error {
	if len(se.Mean) == 0 {
		return fmt.Errorf("%w: series %s/%s has no months", ErrNoData, se.Metric, se.Scope)
	}
	bars, err := plotter.NewBarChart(plotter.Values(se.Mean), vg.Points(4))
	if err != nil {
		return fmt.Errorf("plots: %w", err)
	}
	bars.Color = alpha(Blue, 0.7)
	bars.LineStyle.Width = 0
	p.Add(bars)
	p.Legend.Add("mean over replicates", bars)
	return nil
}

// addFan adds the bands and median of se to p, with legend entries.
func addFan(p *plot.Plot, se *report.Series) error {
	if len(se.P50) == 0 {
		return fmt.Errorf("%w: series %s/%s has no months", ErrNoData, se.Metric, se.Scope)
	}
	for _, v := range [][]float64{se.P05, se.P25, se.P50, se.P75, se.P95} {
		for _, x := range v {
			if math.IsNaN(x) || math.IsInf(x, 0) {
				return fmt.Errorf("%w: series %s/%s has a missing quantile", ErrNoData, se.Metric, se.Scope)
			}
		}
	}
	noLine := draw.LineStyle{}
	b90, err := band(se.P05, se.P95, noLine)
	if err != nil {
		return err
	}
	b90.Color = alpha(Blue, 0.18)
	b50, err := band(se.P25, se.P75, noLine)
	if err != nil {
		return err
	}
	b50.Color = alpha(Blue, 0.40)
	med, err := plotter.NewLine(seriesXYs(se.P50))
	if err != nil {
		return fmt.Errorf("plots: %w", err)
	}
	med.Color = Blue
	med.Width = vg.Points(1.5)
	p.Add(b90, b50, med)
	p.Legend.Add("median", med)
	p.Legend.Add("50% of replicates", b50)
	p.Legend.Add("90% of replicates", b90)
	return nil
}

// addTargets draws the observed window targets of metric in scope over a
// fan chart.
func addTargets(p *plot.Plot, s *report.Summary, metric, scope string) error {
	var segs [][2]plotter.XY
	var segNames []string
	var pts plotter.XYs
	var ptNames []string
	for _, t := range s.Targets {
		if t.Metric != metric || t.Scope != scope {
			continue
		}
		from, to := monthIndex(s, t.From.String()), monthIndex(s, t.To.String())
		if from < 0 || to < from {
			continue
		}
		months := float64(to - from + 1)
		var y float64
		switch t.Statistic {
		case sim.Sum:
			y = t.Observed / months
		case sim.MeanPerMonth:
			y = t.Observed
		case sim.EndValue:
			pts = append(pts, plotter.XY{X: float64(to), Y: t.Observed})
			ptNames = append(ptNames, fmt.Sprintf("observed %s: %.3g", monthWords(t.To.String()), t.Observed))
			continue
		default: // shares and region counts are not monthly counts
			continue
		}
		x0, x1 := float64(from)-0.4, float64(to)+0.4
		segs = append(segs, [2]plotter.XY{{X: x0, Y: y}, {X: x1, Y: y}})
		segNames = append(segNames, fmt.Sprintf("observed %s–%s: %.3g/month", monthWords(t.From.String()), monthWords(t.To.String()), y))
	}
	if len(segs) == 0 && len(pts) == 0 {
		return nil
	}
	// Each observed figure is named in the legend, in words, beside the
	// plot: a label inside it would cross the median.
	style := draw.LineStyle{Color: Vermillion, Width: vg.Points(2)}
	for i, sg := range segs {
		l, err := plotter.NewLine(plotter.XYs{sg[0], sg[1]})
		if err != nil {
			return fmt.Errorf("plots: %w", err)
		}
		l.LineStyle = style
		p.Add(l)
		p.Legend.Add(segNames[i], l)
	}
	for i, pt := range pts {
		sc, err := plotter.NewScatter(plotter.XYs{pt})
		if err != nil {
			return fmt.Errorf("plots: %w", err)
		}
		sc.GlyphStyle = draw.GlyphStyle{Color: Vermillion, Radius: vg.Points(3), Shape: draw.CircleGlyph{}}
		p.Add(sc)
		p.Legend.Add(ptNames[i], sc)
	}
	return nil
}

// monthWords writes a YYYY-MM month as "Sep 2021".
func monthWords(label string) string {
	abs, ok := absMonth(label)
	if !ok {
		return label
	}
	names := [...]string{"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"}
	return fmt.Sprintf("%s %d", names[abs%12], abs/12)
}
