package plots

import (
	"fmt"
	"image/color"
	"sort"
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg/draw"

	"github.com/insurgo/insurgo/internal/report"
)

// Groups are the regional groups of the figures (see the domain brief),
// in drawing order, bottom to top, and their colours.
var Groups = []string{"east", "kabul", "north", "other", "kp", "abroad"}

var groupColors = map[string]color.Color{
	"east": Orange, "kabul": Vermillion, "north": SkyBlue,
	"other": Yellow, "kp": BluishGreen, "abroad": ReddishPurple,
}

// scoped returns the series of metric whose scope has the prefix kind+":",
// ordered first by order (names without the prefix) and then by name.
func scoped(s *report.Summary, metric, kind string, order []string) []*report.Series {
	rank := map[string]int{}
	for i, n := range order {
		rank[n] = i
	}
	var out []*report.Series
	for i := range s.Series {
		se := &s.Series[i]
		if se.Metric == metric && strings.HasPrefix(se.Scope, kind+":") {
			out = append(out, se)
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := strings.TrimPrefix(out[i].Scope, kind+":"), strings.TrimPrefix(out[j].Scope, kind+":")
		ra, oka := rank[a]
		rb, okb := rank[b]
		switch {
		case oka && okb:
			return ra < rb
		case oka != okb:
			return oka
		}
		return a < b
	})
	return out
}

// Where returns, month by month, the share of attacks in each regional
// group (series "attacks" in scopes "group:<g>"), stacked to 100%, so a
// shift between groups shows at a glance. The share is that of the mean
// over replicates (mean attacks in the group over mean attacks in all
// groups): summary.json holds marginal quantiles, not each replicate's
// shares, and medians of small monthly counts are often zero. A month
// without attacks in any replicate is left empty. The error wraps
// ErrNoData if there is no group series or no attack at all.
func Where(s *report.Summary) (*plot.Plot, error) {
	ss := scoped(s, "attacks", "group", Groups)
	if len(ss) == 0 {
		return nil, fmt.Errorf("%w: no attacks series by group in the summary of %s", ErrNoData, s.Scenario)
	}
	n := len(s.Months)
	total := make([]float64, n)
	for _, se := range ss {
		for m, v := range se.Mean {
			total[m] += v
		}
	}
	some := false
	for _, t := range total {
		some = some || t > 0
	}
	if !some {
		return nil, fmt.Errorf("%w: no attacks in any group in %s", ErrNoData, s.Scenario)
	}
	p := NewPlot(runTitle("Where: share of attacks by regional group", s), "month", "share of attacks (%)")
	setMonthAxis(p, s)
	p.Y.Min, p.Y.Max = 0, 100
	lower := make([]float64, n)
	pgs := make([]*plotter.Polygon, len(ss))
	for i, se := range ss {
		upper := make([]float64, n)
		for m := range upper {
			upper[m] = lower[m]
			if total[m] > 0 {
				upper[m] += 100 * se.Mean[m] / total[m]
			}
		}
		pg, err := band(lower, upper, draw.LineStyle{Color: color.White, Width: 0})
		if err != nil {
			return nil, err
		}
		name := strings.TrimPrefix(se.Scope, "group:")
		c, ok := groupColors[name]
		if !ok {
			c = Palette[i%len(Palette)]
		}
		pg.Color = c
		p.Add(pg)
		pgs[i] = pg
		lower = upper
	}
	// Legend top to bottom in the order the bands stack, top first.
	for i := len(ss) - 1; i >= 0; i-- {
		p.Legend.Add(strings.TrimPrefix(ss[i].Scope, "group:"), pgs[i])
	}
	return p, nil
}
