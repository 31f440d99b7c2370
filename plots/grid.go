package plots

import (
	"bytes"
	"fmt"
	"io"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"
	"gonum.org/v1/plot/vg/vgsvg"

	"github.com/insurgo/insurgo/internal/atomicfile"
	"github.com/insurgo/insurgo/plots/internal/pdfcanvas"
)

// WriteGrid writes a grid of plots (rows of columns; nil cells are left
// blank), aligned so that their axes line up, as one side × side figure
// in the format to path, atomically: for pair plots.
func WriteGrid(path, format string, side vg.Length, grid [][]*plot.Plot) error {
	if err := checkFormat(format); err != nil {
		return err
	}
	if len(grid) == 0 || len(grid[0]) == 0 {
		return fmt.Errorf("%w: empty grid", ErrNoData)
	}
	return atomicfile.Write(path, func(w io.Writer) error {
		var c vg.CanvasWriterTo
		switch format {
		case "png":
			c = vgimg.PngCanvas{Canvas: vgimg.NewWith(vgimg.UseWH(side, side), vgimg.UseDPI(DPI/2))}
		case "svg":
			c = vgsvg.New(side, side)
		default:
			c = pdfcanvas.New(side, side)
		}
		rows, cols := len(grid), len(grid[0])
		full := make([][]*plot.Plot, rows)
		for i := range grid {
			full[i] = make([]*plot.Plot, cols)
			for j := range full[i] {
				if j < len(grid[i]) && grid[i][j] != nil {
					full[i][j] = grid[i][j]
				} else {
					full[i][j] = plot.New()
					full[i][j].HideAxes()
				}
			}
		}
		pad := vg.Points(4)
		tiles := draw.Tiles{Rows: rows, Cols: cols, PadX: vg.Millimeter, PadY: vg.Millimeter,
			PadTop: pad, PadBottom: pad, PadLeft: pad, PadRight: pad}
		cv := plot.Align(full, tiles, draw.New(c))
		for i := range grid {
			for j := range grid[i] {
				if grid[i][j] != nil {
					grid[i][j].Draw(cv[i][j])
				}
			}
		}
		if format != "svg" {
			_, err := c.WriteTo(w)
			return err
		}
		var buf bytes.Buffer
		if _, err := c.WriteTo(&buf); err != nil {
			return err
		}
		_, err := w.Write(svgFallback(buf.Bytes()))
		return err
	})
}
