package plots

import (
	"errors"
	"fmt"
	"image/color"
	"strconv"
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"

	"github.com/insurgo/insurgo/internal/report"
	"github.com/insurgo/insurgo/sim"
)

// ErrNoData is wrapped by the error of a figure that has nothing to draw:
// a missing or empty series or distribution, or only zeros where zeros
// cannot be shown (shares of a zero total, logarithmic axes).
var ErrNoData = errors.New("plots: no data")

// Figure size and resolution: 16 × 9 cm fits a slide; at 300 dpi a PNG is
// 1890 × 1063 pixels, sharp when printed at that size and readable when
// projected.
const (
	Width  = 16 * vg.Centimeter
	Height = 9 * vg.Centimeter
	DPI    = 300
)

// Okabe–Ito colour-blind-safe palette (Okabe & Ito 2008, "Color Universal
// Design"), in its usual order.
var (
	Black         = color.NRGBA{0x00, 0x00, 0x00, 0xff}
	Orange        = color.NRGBA{0xe6, 0x9f, 0x00, 0xff}
	SkyBlue       = color.NRGBA{0x56, 0xb4, 0xe9, 0xff}
	BluishGreen   = color.NRGBA{0x00, 0x9e, 0x73, 0xff}
	Yellow        = color.NRGBA{0xf0, 0xe4, 0x42, 0xff}
	Blue          = color.NRGBA{0x00, 0x72, 0xb2, 0xff}
	Vermillion    = color.NRGBA{0xd5, 0x5e, 0x00, 0xff}
	ReddishPurple = color.NRGBA{0xcc, 0x79, 0xa7, 0xff}
	Grey          = color.NRGBA{0x99, 0x99, 0x99, 0xff}
)

// Palette is the Okabe–Ito palette without black, for categories.
var Palette = []color.Color{Orange, SkyBlue, BluishGreen, Yellow, Blue, Vermillion, ReddishPurple, Grey}

// alpha returns c with opacity a in [0, 1].
func alpha(c color.NRGBA, a float64) color.NRGBA {
	c.A = uint8(a*255 + 0.5)
	return c
}

// sans is the typeface of every figure: a sans serif reads better on
// slides than gonum/plot's default serif.
var sans = font.Font{Typeface: "Liberation", Variant: "Sans"}

// NewPlot returns a plot in insurgo's style, with the given title and
// axis labels: sans-serif fonts sized for a 16 × 9 cm figure, y-axis tick
// labels in plain decimals, and a compact legend (which Render and Write
// draw to the right of the plot). Every figure of insurgo starts here.
func NewPlot(title, xlabel, ylabel string) *plot.Plot {
	p := plot.New()
	p.Title.Text = title
	p.Title.TextStyle.Font = font.From(sans, 10)
	p.Title.Padding = vg.Points(4)
	for _, a := range []*plot.Axis{&p.X, &p.Y} {
		a.Label.TextStyle.Font = font.From(sans, 9)
		a.Tick.Label.Font = font.From(sans, 8)
	}
	p.Y.Tick.Marker = plainTicks{}
	p.X.Label.Text = xlabel
	p.Y.Label.Text = ylabel
	p.Legend.TextStyle.Font = font.From(sans, 8)
	p.Legend.Top = true
	p.Legend.Left = true
	p.Legend.ThumbnailWidth = vg.Points(14)
	p.Legend.Padding = vg.Points(2)
	return p
}

// AddGrid adds light horizontal grid lines to p, drawn under the data
// added after it.
func AddGrid(p *plot.Plot) {
	g := plotter.NewGrid()
	g.Vertical.Color = nil
	g.Horizontal.Color = color.NRGBA{0xdd, 0xdd, 0xdd, 0xff}
	g.Horizontal.Width = vg.Points(0.5)
	p.Add(g)
}

// runTitle is a figure's title: what it shows, then the run it shows.
func runTitle(what string, s *report.Summary) string {
	return fmt.Sprintf("%s\n%s: %d replicates, seed %d", what, s.Scenario, s.Replicates, s.Seed)
}

// runsTitle is the title of a figure drawn from several runs.
func runsTitle(what string, runs []*report.Summary) string {
	if len(runs) == 1 {
		return runTitle(what, runs[0])
	}
	same := true
	for _, r := range runs[1:] {
		if r.Replicates != runs[0].Replicates || r.Seed != runs[0].Seed {
			same = false
		}
	}
	names := make([]string, len(runs))
	for i, r := range runs {
		names[i] = r.Scenario
		if !same {
			names[i] = fmt.Sprintf("%s (%d replicates, seed %d)", r.Scenario, r.Replicates, r.Seed)
		}
	}
	if same {
		return fmt.Sprintf("%s\n%s: %d replicates each, seed %d", what, strings.Join(names, ", "), runs[0].Replicates, runs[0].Seed)
	}
	return fmt.Sprintf("%s\n%s", what, strings.Join(names, ", "))
}

// monthTicks labels month indices 0..len(labels)-1 with their YYYY-MM
// labels: a labelled tick every step months, aligned to the calendar
// (January, and April, July, October for a quarterly step), and an
// unlabelled tick every month.
type monthTicks struct {
	labels    []string
	maxLabels int // at most this many labels; 0 means 8
}

// step returns the months between labelled ticks: at most about eight
// labels fit the width of a figure.
func (m monthTicks) step() int {
	most := m.maxLabels
	if most <= 0 {
		most = 8
	}
	for _, s := range []int{1, 2, 3, 6, 12} {
		if len(m.labels)/s <= most {
			return s
		}
	}
	return 12 * (len(m.labels)/(12*most) + 1)
}

// Ticks implements plot.Ticker.
func (m monthTicks) Ticks(min, max float64) []plot.Tick {
	step := m.step()
	var ts []plot.Tick
	for i, l := range m.labels {
		x := float64(i)
		if x < min-1e-9 || x > max+1e-9 {
			continue
		}
		t := plot.Tick{Value: x}
		if abs, ok := absMonth(l); ok && abs%step == 0 {
			t.Label = l
		}
		ts = append(ts, t)
	}
	return ts
}

// absMonth returns year×12 + month−1 of a YYYY-MM label.
func absMonth(label string) (int, bool) {
	if len(label) != 7 || label[4] != '-' {
		return 0, false
	}
	y, err1 := strconv.Atoi(label[:4])
	mo, err2 := strconv.Atoi(label[5:])
	if err1 != nil || err2 != nil || mo < 1 || mo > 12 {
		return 0, false
	}
	return y*12 + mo - 1, true
}

// monthIndex returns the index of the YYYY-MM label in s.Months, or -1.
func monthIndex(s *report.Summary, label string) int {
	for i, m := range s.Months {
		if m == label {
			return i
		}
	}
	return -1
}

// setMonthAxis makes p's x axis the months of s.
func setMonthAxis(p *plot.Plot, s *report.Summary) {
	p.X.Tick.Marker = monthTicks{labels: s.Months}
	p.X.Min = -0.5
	p.X.Max = float64(len(s.Months)) - 0.5
	p.X.Label.Text = "month"
}

// gauges are the metrics recorded as month-end values rather than counts
// within the month.
var gauges = map[string]bool{"fighters": true, "cells": true}

// metricName is a readable name of a metric: "claimed" (attacks ISK
// claimed, what the published counts count) reads "claimed attacks".
func metricName(metric string) string {
	if metric == "claimed" {
		return "claimed attacks"
	}
	return strings.ReplaceAll(metric, "_", " ")
}

// metricUnit is the y-axis label of a monthly series of metric.
func metricUnit(metric string) string {
	name := metricName(metric)
	if gauges[metric] {
		return name + " (at month end)"
	}
	return name + " per month"
}

// scopeName is a readable form of a scope: "total", "Afghanistan",
// "group kp", "type sectarian".
func scopeName(scope string) string {
	kind, name, ok := strings.Cut(scope, ":")
	if !ok {
		return scope
	}
	if kind == "country" && name != "" {
		return strings.ToUpper(name[:1]) + name[1:]
	}
	return kind + " " + name
}

// fileScope turns a scope into a file-name part: "country:afghanistan"
// becomes "country-afghanistan".
func fileScope(scope string) string {
	var b strings.Builder
	for _, r := range scope {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9', r == '_', r == '-':
			b.WriteRune(r)
		default:
			b.WriteByte('-')
		}
	}
	return b.String()
}

// Font returns insurgo's typeface at size, for text drawn in a
// plot's data area, such as labels beside points.
func Font(size vg.Length) font.Font { return font.From(sans, size) }

// WindowTitle says a window statistic in words, for titles: "Attacks in
// Afghanistan, summed over 2024-01 to 2024-12", "Share of claimed attacks
// in group kp among total, 2022-01 to 2022-12".
func WindowTitle(w sim.Window) string {
	what := metricName(w.Metric)
	where := " in " + scopeName(w.Scope)
	if w.Scope == "total" {
		where = " in all places"
	}
	span := fmt.Sprintf("%s to %s", w.From, w.To)
	if w.From == w.To {
		span = w.From.String()
	}
	per, end := "month", w.To.String()
	if w.From.IsZero() && w.To.IsZero() { // a run counted in steps, whole
		span, per, end = "the whole run", "recorded step", "the run"
	}
	var s string
	switch w.Statistic {
	case sim.Sum:
		s = fmt.Sprintf("%s%s, summed over %s", what, where, span)
	case sim.MeanPerMonth:
		s = fmt.Sprintf("%s%s, mean per %s over %s", what, where, per, span)
	case sim.EndValue:
		s = fmt.Sprintf("%s%s at the end of %s", what, where, end)
	case sim.Share:
		s = fmt.Sprintf("Share of %s%s among %s, %s", what, where, scopeName(w.Of), span)
	default:
		s = fmt.Sprintf("%s of %s%s, %s", strings.ReplaceAll(w.Statistic, "_", " "), what, where, span)
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// SeriesName says a metric in a scope in words: "claimed attacks in
// Afghanistan", "attacks in all places".
func SeriesName(metric, scope string) string {
	if scope == "total" {
		return metricName(metric) + " in all places"
	}
	return metricName(metric) + " in " + scopeName(scope)
}
