package plots

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"codeberg.org/go-pdf/fpdf"
	"github.com/insurgo/insurgo/plots/internal/pdfcanvas"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"
	"gonum.org/v1/plot/vg/vgsvg"

	"github.com/insurgo/insurgo/internal/atomicfile"
	"github.com/insurgo/insurgo/internal/report"
	"github.com/insurgo/insurgo/sim"
)

// Formats lists the output formats, the first the default.
var Formats = []string{"png", "svg", "pdf"}

func init() {
	// fpdf stamps every document with the time it was written; a fixed
	// date keeps PDF output a function of its inputs.
	fpdf.SetDefaultCreationDate(time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC))
	fpdf.SetDefaultModificationDate(time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC))
}

// checkFormat returns an error unless format is one of Formats.
func checkFormat(format string) error {
	for _, f := range Formats {
		if f == format {
			return nil
		}
	}
	return fmt.Errorf("plots: unknown format %q, want one of %v", format, Formats)
}

// newCanvas returns a Width × Height canvas of the format.
func newCanvas(format string) (vg.CanvasWriterTo, error) {
	switch format {
	case "png":
		return vgimg.PngCanvas{Canvas: vgimg.NewWith(vgimg.UseWH(Width, Height), vgimg.UseDPI(DPI))}, nil
	case "svg":
		return vgsvg.New(Width, Height), nil
	case "pdf":
		return pdfcanvas.New(Width, Height), nil
	}
	return nil, checkFormat(format)
}

// Render writes plots, side by side, as one Width × Height figure in the
// format (png, svg or pdf) to w. The legend of the first plot is drawn
// once, to the right of the plots, so it never hides data.
func Render(w io.Writer, format string, plots ...*plot.Plot) error {
	if len(plots) == 0 {
		return fmt.Errorf("%w: no plot to render", ErrNoData)
	}
	c, err := newCanvas(format)
	if err != nil {
		return err
	}
	drawRow(draw.New(c), plots)
	if format == "svg" {
		// vgsvg names the typeface alone; a renderer without it then
		// falls back to a serif of other widths and clips the legend.
		var buf bytes.Buffer
		if _, err := c.WriteTo(&buf); err != nil {
			return fmt.Errorf("plots: %w", err)
		}
		_, err := w.Write(svgFallback(buf.Bytes()))
		if err != nil {
			return fmt.Errorf("plots: %w", err)
		}
		return nil
	}
	if _, err := c.WriteTo(w); err != nil {
		return fmt.Errorf("plots: %w", err)
	}
	return nil
}

// svgFamilies is the font-family list of insurgo's SVG text: Liberation
// Sans, then fonts of the same metrics (Arimo, Arial), then any sans-serif.
const svgFamilies = "font-family:'Liberation Sans',Arimo,Arial,Helvetica,sans-serif;"

// svgFallback gives every font-family of an SVG written by vgsvg the
// generic fallbacks of svgFamilies.
func svgFallback(svg []byte) []byte {
	return bytes.ReplaceAll(svg, []byte("font-family:Liberation Sans;"), []byte(svgFamilies))
}

// drawRow draws plots side by side on dc. The first plot's title is drawn
// across the whole figure and its legend once, in a column at the right,
// so that neither squeezes the plotting area nor hides data.
func drawRow(dc draw.Canvas, plots []*plot.Plot) {
	first := plots[0]
	title := first.Title
	if title.Text != "" {
		sty := title.TextStyle
		sty.XAlign = draw.XCenter
		sty.YAlign = draw.YTop
		top := dc.Max.Y - title.Padding
		dc.FillText(sty, vg.Point{X: (dc.Min.X + dc.Max.X) / 2, Y: top}, title.Text)
		dc = draw.Crop(dc, 0, 0, 0, -(sty.Height(title.Text) + 2*title.Padding))
	}
	legend := first.Legend
	pad := vg.Points(6)
	lw := legend.Rectangle(dc).Size().X
	if lw > 0 {
		lw += 2 * pad
	}
	area := draw.Crop(dc, 0, -lw, 0, 0)
	saved := make([]plot.Legend, len(plots))
	for i, p := range plots {
		saved[i] = p.Legend
		p.Legend = plot.NewLegend()
	}
	first.Title.Text = ""
	if len(plots) == 1 {
		first.Draw(area)
	} else {
		tiles := draw.Tiles{Rows: 1, Cols: len(plots), PadX: vg.Points(8)}
		for i, c := range plot.Align([][]*plot.Plot{plots}, tiles, area)[0] {
			plots[i].Draw(c)
		}
	}
	first.Title.Text = title.Text
	for i, p := range plots {
		p.Legend = saved[i]
	}
	if lw > 0 {
		lc := draw.Crop(dc, dc.Size().X-lw+pad, -pad, 0, -pad)
		legend.Left = true
		legend.Top = true
		legend.Draw(lc)
	}
}

// Write writes plots side by side as one figure to path in the format,
// atomically: the file is whole or absent.
func Write(path, format string, plots ...*plot.Plot) error {
	if err := checkFormat(format); err != nil {
		return err
	}
	return atomicfile.Write(path, func(w io.Writer) error {
		return Render(w, format, plots...)
	})
}

// figure is one default figure: its file name (without extension) and how
// to draw it.
type figure struct {
	name string
	make func() ([]*plot.Plot, error)
}

func one(f func() (*plot.Plot, error)) func() ([]*plot.Plot, error) {
	return func() ([]*plot.Plot, error) {
		p, err := f()
		if err != nil {
			return nil, err
		}
		return []*plot.Plot{p}, nil
	}
}

// FanSeries returns the series of the default fan charts of s, as
// metric/scope keys: attacks in total and in each country with at least
// 5% of all attacks (by mean over the run), then every metric and scope
// that a target with a sum, mean_per_month or end_value statistic refers
// to (claimed attacks, raids, ...), in target order, without repeats and
// only where s has the series.
func FanSeries(s *report.Summary) []sim.Key {
	var out []sim.Key
	seen := map[sim.Key]bool{}
	add := func(metric, scope string) {
		k := sim.Key{Metric: metric, Scope: scope}
		if !seen[k] && s.Find(metric, scope) != nil {
			seen[k] = true
			out = append(out, k)
		}
	}
	add("attacks", "total")
	sum := func(v []float64) float64 {
		var t float64
		for _, x := range v {
			t += x
		}
		return t
	}
	var all float64
	if t := s.Find("attacks", "total"); t != nil {
		all = sum(t.Mean)
	}
	for _, se := range s.Series {
		if se.Metric == "attacks" && strings.HasPrefix(se.Scope, "country:") && sum(se.Mean) >= 0.05*all {
			add(se.Metric, se.Scope)
		}
	}
	for _, t := range s.Targets {
		switch t.Statistic {
		case sim.Sum, sim.MeanPerMonth, sim.EndValue:
			add(t.Metric, t.Scope)
		}
	}
	return out
}

// defaults lists the default figures of s in a fixed order.
func defaults(s *report.Summary) []figure {
	switch {
	case isIntergroup(s):
		return intergroupDefaults(s)
	case isCivil(s):
		return civilDefaults(s)
	}
	var fs []figure
	for _, k := range FanSeries(s) {
		name := "fan-" + fileScope(k.Metric) + "-" + fileScope(k.Scope)
		fs = append(fs, figure{name, one(func() (*plot.Plot, error) { return Fan(s, k.Metric, k.Scope) })})
	}
	fs = append(fs,
		figure{"tempo", one(func() (*plot.Plot, error) { return Tempo(s) })},
		figure{"where-groups", one(func() (*plot.Plot, error) { return Where(s) })},
		figure{"what-types", one(func() (*plot.Plot, error) { return What(s) })},
		figure{"casualties-ccdf", one(func() (*plot.Plot, error) { return Casualties(s) })},
		figure{"strength", func() ([]*plot.Plot, error) { return Strength(s) }},
	)
	return fs
}

// DefaultNames returns the base names (without extension) of the default
// figures WriteDefault would draw for s, in order.
func DefaultNames(s *report.Summary) []string {
	var ns []string
	for _, f := range defaults(s) {
		ns = append(ns, f.name)
	}
	return ns
}

// WriteDefault draws the default figures of a run into dir (created if
// need be) in the format: a fan chart for each series of FanSeries
// (fan-attacks-total, fan-attacks-country-afghanistan,
// fan-claimed-country-afghanistan, ...),
// tempo, where-groups, what-types, casualties-ccdf and strength. Each file
// is written atomically. It returns the paths written, in order. A figure
// with nothing to draw is skipped: if every problem was of that kind the
// error wraps ErrNoData (and lists them), so a caller may treat it as a
// warning; any other error stops the drawing and is returned alone.
func WriteDefault(s *report.Summary, dir, format string) ([]string, error) {
	if err := checkFormat(format); err != nil {
		return nil, err
	}
	return writeAll(defaults(s), dir, format)
}

// writeAll draws the figures fs into dir, skipping those with no data.
func writeAll(fs []figure, dir, format string) ([]string, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("plots: %w", err)
	}
	var written []string
	var skipped []error
	for _, f := range fs {
		ps, err := f.make()
		if errors.Is(err, ErrNoData) {
			skipped = append(skipped, fmt.Errorf("%s: %w", f.name, err))
			continue
		}
		if err != nil {
			return written, fmt.Errorf("plots: %s: %w", f.name, err)
		}
		path := filepath.Join(dir, f.name+"."+format)
		if err := Write(path, format, ps...); err != nil {
			return written, err
		}
		written = append(written, path)
	}
	return written, errors.Join(skipped...)
}

// SharedTargets returns the names of the targets present in every run, in
// the order of the first run.
func SharedTargets(runs []*report.Summary) []string {
	if len(runs) == 0 {
		return nil
	}
	var out []string
	for _, t := range runs[0].Targets {
		all := true
		for _, r := range runs[1:] {
			all = all && findTarget(r, t.Name) != nil
		}
		if all {
			out = append(out, t.Name)
		}
	}
	return out
}

// WriteCompare draws the comparison figures of several runs into dir
// (created if need be): compare-tempo, and compare-<target> for each
// target the runs share (SharedTargets), each a violin per run. Errors
// are handled as by WriteDefault.
func WriteCompare(runs []*report.Summary, dir, format string) ([]string, error) {
	if err := checkFormat(format); err != nil {
		return nil, err
	}
	if len(runs) == 0 {
		return nil, fmt.Errorf("%w: no run to compare", ErrNoData)
	}
	fs := []figure{{"compare-tempo", one(func() (*plot.Plot, error) { return Tempo(runs...) })}}
	for _, name := range SharedTargets(runs) {
		fs = append(fs, figure{"compare-" + fileScope(name), one(func() (*plot.Plot, error) { return Target(runs, name) })})
	}
	return writeAll(fs, dir, format)
}

// Rendered is a figure drawn into memory: its default file name (without
// extension), the first line of its title, and the encoded image.
type Rendered struct {
	Name, Title string
	Data        []byte
}

// RenderDefault draws the default figures of s (those WriteDefault
// writes) in the format, in memory, for reports. Figures with nothing to
// draw are skipped, as by WriteDefault.
func RenderDefault(s *report.Summary, format string) ([]Rendered, error) {
	if err := checkFormat(format); err != nil {
		return nil, err
	}
	var out []Rendered
	var skipped []error
	for _, f := range defaults(s) {
		ps, err := f.make()
		if errors.Is(err, ErrNoData) {
			skipped = append(skipped, fmt.Errorf("%s: %w", f.name, err))
			continue
		}
		if err != nil {
			return out, fmt.Errorf("plots: %s: %w", f.name, err)
		}
		title, _, _ := strings.Cut(ps[0].Title.Text, "\n")
		var buf bytes.Buffer
		if err := Render(&buf, format, ps...); err != nil {
			return out, err
		}
		out = append(out, Rendered{Name: f.name, Title: title, Data: buf.Bytes()})
	}
	return out, errors.Join(skipped...)
}
