package plots

import (
	"fmt"
	"io"
	"time"

	"codeberg.org/go-pdf/fpdf"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"
	"gonum.org/v1/plot/vg/vgpdf"
	"gonum.org/v1/plot/vg/vgsvg"

	"github.com/insurgo/insurgo/internal/atomicfile"
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
		return vgpdf.New(Width, Height), nil
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
	if _, err := c.WriteTo(w); err != nil {
		return fmt.Errorf("plots: %w", err)
	}
	return nil
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
