package sweeprun

import (
	"math"
	"testing"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/recorder"

	"github.com/insurgo/insurgo/plots"
)

// box is an axis-aligned rectangle in canvas points.
type box struct{ x0, y0, x1, y1 vg.Length }

func pathBox(p vg.Path) box {
	b := box{x0: vg.Length(math.Inf(1)), y0: vg.Length(math.Inf(1)), x1: vg.Length(math.Inf(-1)), y1: vg.Length(math.Inf(-1))}
	for _, c := range p {
		if c.Type == vg.CloseComp {
			continue
		}
		b.x0, b.x1 = min(b.x0, c.Pos.X), max(b.x1, c.Pos.X)
		b.y0, b.y1 = min(b.y0, c.Pos.Y), max(b.y1, c.Pos.Y)
	}
	return b
}

// The grid heat map's colour bar stands right of the grid, outside the
// axes: drawn on a recording canvas of the figure's size, the bar's
// strips lie right of every heat-map cell and inside the figure, and
// everything drawn below the cells (the x axis line, its ticks, their
// labels and the axis name) ends left of the bar, with the axis name
// centred under the cells. (The bar used to sit in data coordinates, so
// the x axis and its name ran on under it.)
func TestHeatmapColourBarBesideAxis(t *testing.T) {
	g := grid2{xs: []float64{0, 1, 2, 3}, ys: []float64{0.5, 0.7, 0.9},
		z: [][]float64{{425.5, 426.3, 425.5}, {424.4, 425.9, 427.7}, {423.3, 427.3, 431.6}, {424.6, 432.9, 423.5}}}
	const xname = "posture.depth"
	p, err := heatmapFigure("lapsed-posture: af_attacks_2024\nmean over replicates", xname, "posture.tempo", g)
	if err != nil {
		t.Fatal(err)
	}
	var rec recorder.Canvas
	p.Draw(draw.NewCanvas(&rec, plots.Width, plots.Height))

	// Fills: the background, the 12 cells and the bar's strips, which
	// share one left and right edge.
	var fills []box
	strips := map[[2]vg.Length]int{}
	type text struct {
		at  vg.Point
		s   string
		w   vg.Length
		top vg.Length
	}
	var texts []text
	var strokes []box
	for _, a := range rec.Actions {
		switch a := a.(type) {
		case *recorder.Fill:
			b := pathBox(a.Path)
			fills = append(fills, b)
			strips[[2]vg.Length{b.x0, b.x1}]++
		case *recorder.Stroke:
			strokes = append(strokes, pathBox(a.Path))
		case *recorder.FillString:
			sty := draw.TextStyle{Font: plots.Font(a.Size), Handler: plot.DefaultTextHandler}
			texts = append(texts, text{at: a.Point, s: a.String, w: sty.Width(a.String), top: a.Point.Y + a.Size})
		}
	}
	var bar box
	found := false
	for k, n := range strips {
		if n >= 32 {
			bar.x0, bar.x1, found = k[0], k[1], true
		}
	}
	if !found {
		t.Fatal("no colour bar: no column of 32 or more strips among the fills")
	}
	cells := box{x0: vg.Length(math.Inf(1)), y0: vg.Length(math.Inf(1)), x1: vg.Length(math.Inf(-1)), y1: vg.Length(math.Inf(-1))}
	ncells := 0
	for _, b := range fills {
		w, h := b.x1-b.x0, b.y1-b.y0
		if b.x0 == bar.x0 && b.x1 == bar.x1 || w >= plots.Width/2 && h >= plots.Height/2 {
			continue // a strip, or the background
		}
		ncells++
		cells.x0, cells.x1 = min(cells.x0, b.x0), max(cells.x1, b.x1)
		cells.y0, cells.y1 = min(cells.y0, b.y0), max(cells.y1, b.y1)
	}
	if ncells != 12 {
		t.Fatalf("found %d heat-map cells, want 12", ncells)
	}
	if !(bar.x0 > cells.x1) {
		t.Errorf("colour bar [%v, %v] overlaps the cells, which end at %v", bar.x0, bar.x1, cells.x1)
	}
	for _, tx := range texts {
		if tx.at.X >= bar.x1 && tx.at.X+tx.w > plots.Width {
			t.Errorf("colour bar value %q runs off the figure (%v > %v)", tx.s, tx.at.X+tx.w, plots.Width)
		}
	}
	below := 0
	for _, tx := range texts {
		if tx.top >= cells.y0 {
			continue
		}
		below++
		if tx.at.X+tx.w > bar.x0 {
			t.Errorf("x-axis text %q spans [%v, %v], running under the colour bar at %v", tx.s, tx.at.X, tx.at.X+tx.w, bar.x0)
		}
		if tx.s == xname {
			mid := tx.at.X + tx.w/2
			if c := (cells.x0 + cells.x1) / 2; math.Abs(float64(mid-c)) > 1 {
				t.Errorf("axis name centred at %v, the cells at %v", mid, c)
			}
		}
	}
	if below < len(g.xs)+1 {
		t.Errorf("found %d texts below the cells, want the %d tick labels and the axis name", below, len(g.xs))
	}
	for _, s := range strokes {
		if s.y1 < cells.y0 && s.x1 > bar.x0 {
			t.Errorf("a line below the cells ends at %v, under the colour bar at %v", s.x1, bar.x0)
		}
	}
}
