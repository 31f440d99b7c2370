package plots

import (
	"cmp"
	"fmt"
	"image/color"
	"slices"
	"strconv"
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
)

// Band is a scenario's monthly series for Overlay: per month (YYYY-MM),
// or per recorded step of a stepped run (the step's number), the median
// and the 5% and 95% quantiles over replicates.
type Band struct {
	Name          string
	Months        []string
	P05, P50, P95 []float64
}

// Overlay returns the monthly series of several scenarios on one month
// axis (the union of their months): each scenario's median as a line and
// its 90% band as a light fill of the same colour. The error wraps
// ErrNoData if no band has a month.
func Overlay(title, ylabel string, bands []Band) (*plot.Plot, error) {
	var months []string
	for _, b := range bands {
		if len(b.P05) != len(b.Months) || len(b.P50) != len(b.Months) || len(b.P95) != len(b.Months) {
			return nil, fmt.Errorf("plots: band %s: %d months but %d/%d/%d quantiles", b.Name, len(b.Months), len(b.P05), len(b.P50), len(b.P95))
		}
		for _, m := range b.Months {
			if !slices.Contains(months, m) {
				months = append(months, m)
			}
		}
	}
	if len(months) == 0 {
		return nil, fmt.Errorf("%w: no month to draw", ErrNoData)
	}
	// YYYY-MM sorts as time does, and step numbers (a stepped
	// calendar's labels) by length first as numbers do.
	slices.SortFunc(months, func(a, b string) int { return cmp.Or(cmp.Compare(len(a), len(b)), strings.Compare(a, b)) })
	// A stepped run's labels are its recorded steps' numbers: drawn on a
	// numeric step axis.
	steps := make([]float64, len(months))
	for i, m := range months {
		n, err := strconv.Atoi(m)
		if err != nil {
			steps = nil
			break
		}
		steps[i] = float64(n)
	}
	xOf := func(m string) float64 {
		i := slices.Index(months, m)
		if steps != nil {
			return steps[i]
		}
		return float64(i)
	}
	xlabel := "month"
	if steps != nil {
		xlabel = "step"
	}
	p := NewPlot(title, xlabel, ylabel)
	AddGrid(p)
	for i, b := range bands {
		c := Palette[i%len(Palette)]
		var lo, hi, med plotter.XYs
		for j, m := range b.Months {
			x := xOf(m)
			lo = append(lo, plotter.XY{X: x, Y: b.P05[j]})
			hi = append(hi, plotter.XY{X: x, Y: b.P95[j]})
			med = append(med, plotter.XY{X: x, Y: b.P50[j]})
		}
		if len(med) == 0 {
			continue
		}
		ring := append(slices.Clone(lo), reversed(hi)...)
		poly, err := plotter.NewPolygon(ring)
		if err != nil {
			return nil, err
		}
		poly.Color = alpha(toNRGBA(c), 0.18)
		poly.LineStyle.Width = 0
		p.Add(poly)
		l, err := plotter.NewLine(med)
		if err != nil {
			return nil, err
		}
		l.Color = c
		l.Width = vg.Points(1.5)
		p.Add(l)
		p.Legend.Add(b.Name, l, poly)
	}
	if steps != nil {
		p.X.Min, p.X.Max = steps[0], steps[len(steps)-1]
	} else {
		p.X.Tick.Marker = monthTicks{labels: months}
		p.X.Min, p.X.Max = -0.5, float64(len(months))-0.5
	}
	p.Y.Min = 0
	return p, nil
}

func reversed(xs plotter.XYs) plotter.XYs {
	out := slices.Clone(xs)
	slices.Reverse(out)
	return out
}

// toNRGBA converts c to straight (non-premultiplied) RGBA.
func toNRGBA(c interface{ RGBA() (r, g, b, a uint32) }) color.NRGBA {
	return color.NRGBAModel.Convert(c).(color.NRGBA)
}
