package plots

import (
	"fmt"
	"image/color"
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"github.com/insurgo/insurgo/internal/report"
)

// AttackTypes are the attack types of the published typology (see the
// domain brief), in drawing order; types a scenario adds follow in
// alphabetical order.
var AttackTypes = []string{"attrition", "assassination", "sectarian", "humanitarian", "foreigners", "cross_border", "political"}

// halfYear is a run of consecutive months in the same calendar half-year.
type halfYear struct {
	label    string // "2022 H1", with the month count if partial
	from, to int    // month indices, inclusive
}

// halfYears splits s's months into calendar half-years.
func halfYears(s *report.Summary) []halfYear {
	var hs []halfYear
	for i, m := range s.Months {
		abs, ok := absMonth(m)
		if !ok {
			continue
		}
		label := fmt.Sprintf("%d H%d", abs/12, abs%12/6+1)
		if n := len(hs); n > 0 && hs[n-1].label == label && hs[n-1].to == i-1 {
			hs[n-1].to = i
			continue
		}
		hs = append(hs, halfYear{label: label, from: i, to: i})
	}
	for i := range hs {
		if k := hs[i].to - hs[i].from + 1; k < 6 {
			hs[i].label += fmt.Sprintf(" (%d mo)", k)
		}
	}
	return hs
}

// What returns the attack-type mix by calendar half-year: for each type
// (series "attacks" in scopes "type:<t>") the mean over replicates of its
// attacks in the half-year, as stacked bars, with the mean number of
// suicide attacks (series "suicide_attacks", scope "total") marked on each
// bar. Half-years cut by the run's start or end are labelled with their
// number of months. The error wraps ErrNoData if there is no type series
// or no attack of any type.
func What(s *report.Summary) (*plot.Plot, error) {
	ss := scoped(s, "attacks", "type", AttackTypes)
	if len(ss) == 0 {
		return nil, fmt.Errorf("%w: no attacks series by type in the summary of %s", ErrNoData, s.Scenario)
	}
	hs := halfYears(s)
	if len(hs) == 0 {
		return nil, fmt.Errorf("%w: %s has no months", ErrNoData, s.Scenario)
	}
	sums := func(v []float64) plotter.Values {
		out := make(plotter.Values, len(hs))
		for i, h := range hs {
			for m := h.from; m <= h.to; m++ {
				out[i] += v[m]
			}
		}
		return out
	}
	var total float64
	bars := make([]plotter.Values, len(ss))
	for i, se := range ss {
		bars[i] = sums(se.Mean)
		for _, v := range bars[i] {
			total += v
		}
	}
	if total == 0 {
		return nil, fmt.Errorf("%w: no attacks of any type in %s", ErrNoData, s.Scenario)
	}
	p := NewPlot(runTitle("What: attack types by half-year (mean over replicates)", s), "half-year", "attacks per half-year")
	AddGrid(p)
	width := vg.Length(11*vg.Centimeter) / vg.Length(len(hs)) * 0.6
	if width > vg.Centimeter*1.5 {
		width = vg.Centimeter * 1.5
	}
	charts := make([]*plotter.BarChart, len(ss))
	for i := range ss {
		b, err := plotter.NewBarChart(bars[i], width)
		if err != nil {
			return nil, fmt.Errorf("plots: %w", err)
		}
		b.Color = typeColor(strings.TrimPrefix(ss[i].Scope, "type:"), i)
		b.LineStyle = draw.LineStyle{Color: color.White, Width: vg.Points(0.5)}
		if i > 0 {
			b.StackOn(charts[i-1])
		}
		charts[i] = b
		p.Add(b)
	}
	for i := len(ss) - 1; i >= 0; i-- {
		p.Legend.Add(strings.ReplaceAll(strings.TrimPrefix(ss[i].Scope, "type:"), "_", " "), charts[i])
	}
	if su := s.Find("suicide_attacks", "total"); su != nil {
		v := sums(su.Mean)
		pts := make(plotter.XYs, len(v))
		for i, y := range v {
			pts[i] = plotter.XY{X: float64(i), Y: y}
		}
		sc, err := plotter.NewScatter(pts)
		if err != nil {
			return nil, fmt.Errorf("plots: %w", err)
		}
		sc.GlyphStyle = draw.GlyphStyle{Color: Black, Radius: vg.Points(3.5), Shape: draw.PyramidGlyph{}}
		p.Add(sc)
		p.Legend.Add("suicide attacks", sc)
	}
	labels := make([]string, len(hs))
	for i, h := range hs {
		labels[i] = h.label
	}
	p.NominalX(labels...)
	p.X.Label.Text = "half-year"
	p.Y.Min = 0
	p.Y.Max *= 1.05 // headroom above the tallest bar
	return p, nil
}

// typeColor is the colour of an attack type: fixed for the published
// types, so a type keeps its colour across scenarios, and from the
// palette by position for others.
func typeColor(name string, i int) color.Color {
	for k, t := range AttackTypes {
		if t == name {
			return []color.Color{Orange, SkyBlue, BluishGreen, Yellow, Blue, Vermillion, ReddishPurple}[k]
		}
	}
	return Palette[i%len(Palette)]
}
