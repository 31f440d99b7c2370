package sweeprun

import (
	"image/color"
	"math"
	"strconv"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/palette"
	"gonum.org/v1/plot/palette/moreland"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"github.com/insurgo/insurgo/plots"
	"github.com/insurgo/insurgo/sim/sweep"
)

// errBars are points with asymmetric vertical or horizontal error bars.
type errBars struct {
	x, y, lo, hi []float64 // lo, hi are the interval's ends
}

// Len, XY, YError and XError implement plotter's XYer and error interfaces.
func (e errBars) Len() int                    { return len(e.x) }
func (e errBars) XY(i int) (float64, float64) { return e.x[i], e.y[i] }
func (e errBars) YError(i int) (float64, float64) {
	return math.Max(e.y[i]-e.lo[i], 0), math.Max(e.hi[i]-e.y[i], 0)
}
func (e errBars) XError(i int) (float64, float64) {
	return math.Max(e.x[i]-e.lo[i], 0), math.Max(e.hi[i]-e.x[i], 0)
}

// sobolFigure draws first-order and total indices as bars with their
// bootstrap intervals.
func sobolFigure(title string, names []string, r *sweep.SobolIndices) (*plot.Plot, error) {
	p := plots.NewPlot(title, "", "Sobol' index")
	plots.AddGrid(p)
	w := vg.Points(12)
	for i, s := range []struct {
		label string
		v     []float64
		ci    []sweep.Interval
		c     color.Color
	}{
		{"first order S1", r.S1, r.S1CI, plots.Blue},
		{"total ST", r.ST, r.STCI, plots.Orange},
	} {
		bars, err := plotter.NewBarChart(plotter.Values(s.v), w)
		if err != nil {
			return nil, err
		}
		bars.Color = s.c
		bars.LineStyle.Width = 0
		dx := 0.18 * float64(2*i-1)
		bars.XMin = dx
		p.Add(bars)
		p.Legend.Add(s.label, bars)
		eb := errBars{x: make([]float64, len(s.v)), y: s.v, lo: make([]float64, len(s.v)), hi: make([]float64, len(s.v))}
		for j := range s.v {
			eb.x[j] = float64(j) + dx
			eb.lo[j], eb.hi[j] = s.ci[j].Lo, s.ci[j].Hi
		}
		yb, err := plotter.NewYErrorBars(eb)
		if err != nil {
			return nil, err
		}
		yb.LineStyle.Width = vg.Points(1)
		p.Add(yb)
	}
	p.NominalX(names...)
	p.Y.Min = math.Min(0, p.Y.Min)
	return p, nil
}

// morrisFigure draws sigma against mu* with the mu* intervals, one
// labelled point per parameter, and the line sigma = mu*.
func morrisFigure(title string, names []string, r *sweep.MorrisEffects) (*plot.Plot, error) {
	p := plots.NewPlot(title, "mu* (mean |elementary effect|, per whole range)", "sigma (sd of effects)")
	plots.AddGrid(p)
	eb := errBars{x: r.MuStar, y: r.Sigma, lo: make([]float64, len(names)), hi: make([]float64, len(names))}
	top := 0.0
	for i := range names {
		eb.lo[i], eb.hi[i] = r.MuStarCI[i].Lo, r.MuStarCI[i].Hi
		top = math.Max(top, math.Max(r.MuStarCI[i].Hi, r.Sigma[i]))
	}
	if !(top > 0) {
		top = 1
	}
	line, err := plotter.NewLine(plotter.XYs{{X: 0, Y: 0}, {X: top * 1.05, Y: top * 1.05}})
	if err != nil {
		return nil, err
	}
	line.Dashes = []vg.Length{vg.Points(3), vg.Points(3)}
	line.Color = plots.Grey
	p.Add(line)
	p.Legend.Add("sigma = mu*", line)
	xb, err := plotter.NewXErrorBars(eb)
	if err != nil {
		return nil, err
	}
	xb.Color = plots.Grey
	p.Add(xb)
	// Each parameter is its own colour and marker, named in the legend
	// beside the plot: names written next to the points overlap where the
	// points crowd near the origin.
	shapes := []draw.GlyphDrawer{draw.CircleGlyph{}, draw.SquareGlyph{}, draw.TriangleGlyph{}, draw.RingGlyph{}, draw.BoxGlyph{}, draw.PyramidGlyph{}, draw.CrossGlyph{}, draw.PlusGlyph{}}
	for i, name := range names {
		sc, err := plotter.NewScatter(plotter.XYs{{X: r.MuStar[i], Y: r.Sigma[i]}})
		if err != nil {
			return nil, err
		}
		sc.GlyphStyle.Color = plots.Palette[i%len(plots.Palette)]
		sc.GlyphStyle.Shape = shapes[(i/len(plots.Palette)+i)%len(shapes)]
		sc.GlyphStyle.Radius = vg.Points(3.5)
		p.Add(sc)
		p.Legend.Add(name, sc)
	}
	p.X.Min, p.Y.Min = 0, 0
	p.X.Max, p.Y.Max = top*1.15, top*1.15
	return p, nil
}

// grid2 is a two-parameter response surface, cells indexed by level.
type grid2 struct {
	xs, ys []float64
	z      [][]float64 // z[c][r]
}

// Dims, Z, X, Y, Min and Max implement plotter.GridXYZ on level indices.
func (g grid2) Dims() (int, int)   { return len(g.xs), len(g.ys) }
func (g grid2) Z(c, r int) float64 { return g.z[c][r] }
func (g grid2) X(c int) float64    { return float64(c) }
func (g grid2) Y(r int) float64    { return float64(r) }
func (g grid2) Min() (m float64)   { return g.extreme(math.Min, math.Inf(1)) }
func (g grid2) Max() (m float64)   { return g.extreme(math.Max, math.Inf(-1)) }
func (g grid2) extreme(f func(a, b float64) float64, m float64) float64 {
	for _, col := range g.z {
		for _, v := range col {
			m = f(m, v)
		}
	}
	return m
}

// levelTicks labels level indices with their values.
type levelTicks []float64

// Ticks implements plot.Ticker.
func (l levelTicks) Ticks(min, max float64) []plot.Tick {
	step := max1(len(l) / 8)
	var ts []plot.Tick
	for i, v := range l {
		t := plot.Tick{Value: float64(i)}
		if i%step == 0 {
			t.Label = strconv.FormatFloat(v, 'g', 4, 64)
		}
		ts = append(ts, t)
	}
	return ts
}

func max1(n int) int {
	if n < 1 {
		return 1
	}
	return n
}

// heatmapFigure draws a two-parameter grid's mean output as a heat map in
// a sequential palette (Kindlmann: dark for low, light for high, readable
// in grey), each cell with its value written in it, and a colour bar to
// the right of the grid with its scale.
func heatmapFigure(title, xname, yname string, g grid2) (*plot.Plot, error) {
	p := plots.NewPlot(title, xname, yname)
	lo, hi := g.Min(), g.Max()
	if lo == hi {
		lo, hi = lo-0.5, hi+0.5
	}
	cm := moreland.Kindlmann()
	cm.SetMin(lo)
	cm.SetMax(hi)
	const n = 64
	hm := plotter.NewHeatMap(g, cm.Palette(n))
	hm.Min, hm.Max = lo, hi
	p.Add(hm)
	nx, ny := g.Dims()
	// Values in the cells, dark text on light cells and light on dark.
	var dark, light plotter.XYLabels
	for c := 0; c < nx; c++ {
		for r := 0; r < ny; r++ {
			v := g.Z(c, r)
			lab := strconv.FormatFloat(v, 'g', 3, 64)
			pt := plotter.XY{X: float64(c), Y: float64(r)}
			if (v-lo)/(hi-lo) > 0.55 {
				dark.XYs, dark.Labels = append(dark.XYs, pt), append(dark.Labels, lab)
			} else {
				light.XYs, light.Labels = append(light.XYs, pt), append(light.Labels, lab)
			}
		}
	}
	for _, set := range []struct {
		l plotter.XYLabels
		c color.Color
	}{{dark, color.Black}, {light, color.White}} {
		if len(set.l.XYs) == 0 {
			continue
		}
		lb, err := plotter.NewLabels(set.l)
		if err != nil {
			return nil, err
		}
		for i := range lb.TextStyle {
			lb.TextStyle[i].Font = plots.Font(7)
			lb.TextStyle[i].Color = set.c
			lb.TextStyle[i].XAlign = draw.XCenter
			lb.TextStyle[i].YAlign = draw.YCenter
		}
		p.Add(lb)
	}
	// The colour bar stands right of the data area, in room its glyph box
	// reserves, so the x axis, its ticks and its label span the grid alone.
	p.Add(colorBar{cm: cm, lo: lo, hi: hi})
	p.X.Tick.Marker = levelTicks(g.xs)
	p.Y.Tick.Marker = levelTicks(g.ys)
	p.X.Min, p.X.Max = -0.5, float64(nx)-0.5
	p.Y.Min, p.Y.Max = -0.5, float64(ny)-0.5
	return p, nil
}

// Colour bar geometry: the gap between the data area and the bar, the
// bar's width, and the gap between the bar and its values.
const (
	barGap   = vg.Length(8)
	barWidth = vg.Length(10)
	barPad   = vg.Length(3)
)

// colorBar draws a colour map's range as a vertical bar to the right of
// a plot's data area, as tall as it, with five values beside it. Its
// glyph box makes the plot leave room for it, outside the axes.
type colorBar struct {
	cm     palette.ColorMap
	lo, hi float64
}

// labels are the bar's five values, bottom to top.
func (b colorBar) labels() []string {
	ls := make([]string, 5)
	for i := range ls {
		ls[i] = strconv.FormatFloat(b.lo+(b.hi-b.lo)*float64(i)/4, 'g', 4, 64)
	}
	return ls
}

// textStyle is the style of the bar's values.
func (b colorBar) textStyle() draw.TextStyle {
	return draw.TextStyle{Color: color.Black, Font: plots.Font(7), Handler: plot.DefaultTextHandler,
		XAlign: draw.XLeft, YAlign: draw.YCenter}
}

// width is the room the bar and its values take right of the data area.
func (b colorBar) width() vg.Length {
	sty := b.textStyle()
	var w vg.Length
	for _, l := range b.labels() {
		w = max(w, sty.Width(l))
	}
	return barGap + barWidth + 2*barPad + w // a margin right of the values
}

// Plot implements plot.Plotter.
func (b colorBar) Plot(c draw.Canvas, p *plot.Plot) {
	x0 := c.Max.X + barGap
	x1 := x0 + barWidth
	h := c.Max.Y - c.Min.Y
	const steps = 64
	for i := 0; i < steps; i++ {
		v := b.lo + (b.hi-b.lo)*(float64(i)+0.5)/steps
		col, err := b.cm.At(v)
		if err != nil {
			continue
		}
		ya := c.Min.Y + h*vg.Length(i)/steps
		yb := c.Min.Y + h*vg.Length(i+1)/steps
		c.FillPolygon(col, []vg.Point{{X: x0, Y: ya}, {X: x1, Y: ya}, {X: x1, Y: yb}, {X: x0, Y: yb}})
	}
	sty := b.textStyle()
	for i, l := range b.labels() {
		c.FillText(sty, vg.Point{X: x1 + barPad, Y: c.Min.Y + h*vg.Length(i)/4}, l)
	}
}

// GlyphBoxes implements plot.GlyphBoxer: a box at the right edge of the
// data area as wide as the bar and its values, which the plot pads for.
func (b colorBar) GlyphBoxes(p *plot.Plot) []plot.GlyphBox {
	return []plot.GlyphBox{{X: 1, Y: 0.5, Rectangle: vg.Rectangle{Max: vg.Point{X: b.width()}}}}
}

// lineFigure draws a one-parameter grid's mean output with ± one
// standard deviation over replicates.
func lineFigure(title, xname, yname string, xs, mean, sd []float64) (*plot.Plot, error) {
	p := plots.NewPlot(title, xname, yname)
	plots.AddGrid(p)
	pts := make(plotter.XYs, len(xs))
	eb := errBars{x: xs, y: mean, lo: make([]float64, len(xs)), hi: make([]float64, len(xs))}
	for i := range xs {
		pts[i] = plotter.XY{X: xs[i], Y: mean[i]}
		s := sd[i]
		if math.IsNaN(s) {
			s = 0
		}
		eb.lo[i], eb.hi[i] = mean[i]-s, mean[i]+s
	}
	l, sc, err := plotter.NewLinePoints(pts)
	if err != nil {
		return nil, err
	}
	l.Color, sc.Color = plots.Blue, plots.Blue
	p.Add(l, sc)
	p.Legend.Add("mean over replicates (bars: ± 1 sd)", l, sc)
	yb, err := plotter.NewYErrorBars(eb)
	if err != nil {
		return nil, err
	}
	p.Add(yb)
	return p, nil
}

// figureName turns an output name into a file-name part.
func figureName(s string) string {
	b := []byte(s)
	for i, c := range b {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_' || c == '.') {
			b[i] = '_'
		}
	}
	return string(b)
}
