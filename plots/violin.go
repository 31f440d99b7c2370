package plots

import (
	"fmt"
	"image/color"
	"math"

	"gonum.org/v1/gonum/stat"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// Dist is a labelled distribution over replicates: distinct values and
// how often each occurred (the form of report.Target.Values and Counts and
// of report.Distribution), with an optional observed figure to hold
// against it.
type Dist struct {
	Name   string
	Values []float64
	Counts []int64
	// Observed is drawn as a marker when HasObserved is true.
	Observed    float64
	HasObserved bool
	// Of is the number of replicates the distribution is a part of, when
	// some had no value (a rebound that never came): the violin is drawn
	// Counts/Of as wide as a full one and its label says "n of Of". Zero
	// means the distribution is whole.
	Of int64
}

// check returns an error unless d holds at least one occurrence of a
// finite value.
func (d Dist) check() error {
	if len(d.Values) != len(d.Counts) {
		return fmt.Errorf("plots: distribution %q has %d values but %d counts", d.Name, len(d.Values), len(d.Counts))
	}
	var n int64
	for i, v := range d.Values {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return fmt.Errorf("plots: distribution %q has value %v", d.Name, v)
		}
		if d.Counts[i] < 0 {
			return fmt.Errorf("plots: distribution %q has count %d", d.Name, d.Counts[i])
		}
		n += d.Counts[i]
	}
	if n == 0 {
		return fmt.Errorf("%w: distribution %q is empty", ErrNoData, d.Name)
	}
	return nil
}

// sorted returns d's values in increasing order with their counts as
// weights, values with zero count dropped.
func (d Dist) sorted() (vals, weights []float64) {
	idx := make([]int, 0, len(d.Values))
	for i := range d.Values {
		if d.Counts[i] > 0 {
			idx = append(idx, i)
		}
	}
	// insertion sort keeps this dependency-free and stable; values are
	// usually already sorted.
	for i := 1; i < len(idx); i++ {
		for j := i; j > 0 && d.Values[idx[j]] < d.Values[idx[j-1]]; j-- {
			idx[j], idx[j-1] = idx[j-1], idx[j]
		}
	}
	for _, i := range idx {
		if n := len(vals); n > 0 && vals[n-1] == d.Values[i] {
			weights[n-1] += float64(d.Counts[i])
			continue
		}
		vals = append(vals, d.Values[i])
		weights = append(weights, float64(d.Counts[i]))
	}
	return vals, weights
}

// violin draws one distribution at x as a mirrored histogram (a step
// violin, honest for the integer-valued counts insurgo records) with a box
// inside: p25–p75 as a bar, p05–p95 as a whisker, the median as a white
// tick, and the observed figure, if any, as a diamond.
type violin struct {
	x        float64
	half     float64 // largest half-width, in x data units
	color    color.Color
	edges    []float64 // bin edges, len(dens)+1
	dens     []float64 // bin heights scaled to [0, 1]
	q        [5]float64
	observed float64
	hasObs   bool
}

// maxBins bounds the bins of a violin: enough to show shape, few enough
// that each holds several replicates.
const maxBins = 30

// newViolin bins d for a violin at x.
func newViolin(d Dist, x float64, c color.Color) (*violin, error) {
	if err := d.check(); err != nil {
		return nil, err
	}
	vals, w := d.sorted()
	v := &violin{x: x, half: 0.4, color: c, observed: d.Observed, hasObs: d.HasObserved}
	var total int64
	for _, k := range d.Counts {
		total += k
	}
	if d.Of > 0 && total < d.Of {
		v.half *= float64(total) / float64(d.Of)
	}
	for i, p := range []float64{0.05, 0.25, 0.5, 0.75, 0.95} {
		v.q[i] = stat.Quantile(p, stat.Empirical, vals, w)
	}
	lo, hi := vals[0], vals[len(vals)-1]
	if lo == hi {
		v.edges = []float64{lo, hi}
		v.dens = []float64{1}
		return v, nil
	}
	// Values on a lattice (counts, sums of counts: step g) get bins that
	// are whole multiples of g centred on the lattice points, so no bin
	// falls between two possible values and shows a false gap.
	g, onLattice := lattice(vals)
	var n int
	var width float64
	if onLattice {
		k := math.Ceil(((hi-lo)/g + 1) / maxBins) // lattice points per bin
		width = k * g
		n = int(math.Floor((hi-lo)/width+1e-9)) + 1
		lo -= g / 2
	} else {
		n = maxBins
		width = (hi - lo) / float64(n)
	}
	v.edges = make([]float64, n+1)
	for i := range v.edges {
		v.edges[i] = lo + float64(i)*width
	}
	v.dens = make([]float64, n)
	for i, x := range vals {
		b := int((x - lo) / width)
		if b >= n {
			b = n - 1
		}
		v.dens[b] += w[i]
	}
	var top float64
	for _, c := range v.dens {
		top = math.Max(top, c)
	}
	for i := range v.dens {
		v.dens[i] /= top
	}
	return v, nil
}

// Plot implements plot.Plotter.
func (v *violin) Plot(c draw.Canvas, p *plot.Plot) {
	tx, ty := p.Transforms(&c)
	fill := c.ClipPolygonXY
	var left, right []vg.Point
	if len(v.dens) == 1 && v.edges[0] == v.edges[1] {
		// a single value: a flat bar
		y := ty(v.edges[0])
		c.StrokeLine2(draw.LineStyle{Color: v.color, Width: vg.Points(2)}, tx(v.x-v.half), y, tx(v.x+v.half), y)
	} else {
		for i, d := range v.dens {
			y0, y1 := ty(v.edges[i]), ty(v.edges[i+1])
			xr := tx(v.x + v.half*d)
			xl := tx(v.x - v.half*d)
			right = append(right, vg.Point{X: xr, Y: y0}, vg.Point{X: xr, Y: y1})
			left = append(left, vg.Point{X: xl, Y: y0}, vg.Point{X: xl, Y: y1})
		}
		ring := append([]vg.Point{}, right...)
		for i := len(left) - 1; i >= 0; i-- {
			ring = append(ring, left[i])
		}
		ring = append(ring, ring[0])
		c.FillPolygon(fadeColor(v.color), fill(ring))
		c.StrokeLines(draw.LineStyle{Color: v.color, Width: vg.Points(0.75)}, c.ClipLinesXY(ring)...)
	}
	// box: whisker p05–p95, bar p25–p75, median tick
	x := tx(v.x)
	bw := vg.Points(3)
	dark := color.NRGBA{0x33, 0x33, 0x33, 0xff}
	c.StrokeLine2(draw.LineStyle{Color: dark, Width: vg.Points(1)}, x, ty(v.q[0]), x, ty(v.q[4]))
	bar := []vg.Point{{X: x - bw, Y: ty(v.q[1])}, {X: x + bw, Y: ty(v.q[1])}, {X: x + bw, Y: ty(v.q[3])}, {X: x - bw, Y: ty(v.q[3])}}
	c.FillPolygon(dark, c.ClipPolygonXY(bar))
	c.StrokeLine2(draw.LineStyle{Color: color.White, Width: vg.Points(1.5)}, x-bw, ty(v.q[2]), x+bw, ty(v.q[2]))
	if v.hasObs {
		pt := vg.Point{X: x, Y: ty(v.observed)}
		if c.Contains(pt) {
			c.DrawGlyph(observedGlyph, pt)
		}
	}
}

// observedGlyph marks an observed figure in violins.
var observedGlyph = draw.GlyphStyle{Color: Vermillion, Radius: vg.Points(4), Shape: diamondGlyph{}}

// diamondGlyph is a filled diamond.
type diamondGlyph struct{}

// DrawGlyph implements draw.GlyphDrawer.
func (diamondGlyph) DrawGlyph(c *draw.Canvas, sty draw.GlyphStyle, pt vg.Point) {
	r := sty.Radius
	c.FillPolygon(sty.Color, []vg.Point{{X: pt.X, Y: pt.Y + r}, {X: pt.X + r, Y: pt.Y}, {X: pt.X, Y: pt.Y - r}, {X: pt.X - r, Y: pt.Y}})
}

// fadeColor returns c at 45% opacity.
func fadeColor(c color.Color) color.Color {
	r, g, b, _ := c.RGBA()
	return alpha(color.NRGBA{uint8(r >> 8), uint8(g >> 8), uint8(b >> 8), 0xff}, 0.45)
}

// lattice returns the step g of which every gap between the sorted
// distinct values vals is a whole multiple (to a relative 1e-6), and
// whether there is one.
func lattice(vals []float64) (g float64, ok bool) {
	g = math.Inf(1)
	for i := 1; i < len(vals); i++ {
		g = math.Min(g, vals[i]-vals[i-1])
	}
	if !(g > 0) || math.IsInf(g, 0) {
		return 0, false
	}
	for i := 1; i < len(vals); i++ {
		r := (vals[i] - vals[i-1]) / g
		if math.Abs(r-math.Round(r)) > 1e-6*r {
			return 0, false
		}
	}
	return g, true
}

// DataRange implements plot.DataRanger.
func (v *violin) DataRange() (xmin, xmax, ymin, ymax float64) {
	ymin, ymax = v.edges[0], v.edges[len(v.edges)-1]
	if v.hasObs {
		ymin, ymax = math.Min(ymin, v.observed), math.Max(ymax, v.observed)
	}
	return v.x - 0.5, v.x + 0.5, ymin, ymax
}

// Thumbnail implements plot.Thumbnailer.
func (v *violin) Thumbnail(c *draw.Canvas) {
	pts := []vg.Point{{X: c.Min.X, Y: c.Min.Y}, {X: c.Min.X, Y: c.Max.Y}, {X: c.Max.X, Y: c.Max.Y}, {X: c.Max.X, Y: c.Min.Y}}
	c.FillPolygon(fadeColor(v.color), c.ClipPolygonY(pts))
}

// greyThumb is the legend thumbnail of a violin of any colour.
type greyThumb struct{}

// Thumbnail implements plot.Thumbnailer.
func (greyThumb) Thumbnail(c *draw.Canvas) {
	pts := []vg.Point{{X: c.Min.X, Y: c.Min.Y}, {X: c.Min.X, Y: c.Max.Y}, {X: c.Max.X, Y: c.Max.Y}, {X: c.Max.X, Y: c.Min.Y}}
	c.FillPolygon(fadeColor(Grey), c.ClipPolygonY(pts))
}

// boxThumb is the legend thumbnail of a violin's inner box.
type boxThumb struct{}

// Thumbnail implements plot.Thumbnailer.
func (boxThumb) Thumbnail(c *draw.Canvas) {
	dark := color.NRGBA{0x33, 0x33, 0x33, 0xff}
	y := (c.Min.Y + c.Max.Y) / 2
	c.StrokeLine2(draw.LineStyle{Color: dark, Width: vg.Points(1)}, c.Min.X, y, c.Max.X, y)
	h := vg.Points(3)
	mid := (c.Min.X + c.Max.X) / 2
	w := (c.Max.X - c.Min.X) / 4
	c.FillPolygon(dark, []vg.Point{{X: mid - w, Y: y - h}, {X: mid + w, Y: y - h}, {X: mid + w, Y: y + h}, {X: mid - w, Y: y + h}})
	c.StrokeLine2(draw.LineStyle{Color: color.White, Width: vg.Points(1.5)}, mid, y-h, mid, y+h)
}

// obsThumb is the legend thumbnail of an observed figure.
type obsThumb struct{}

// Thumbnail implements plot.Thumbnailer.
func (obsThumb) Thumbnail(c *draw.Canvas) {
	c.DrawGlyph(observedGlyph, c.Center())
}

// Violins returns a plot of the distributions side by side as violins
// (mirrored histograms) with their median, 50% and 90% ranges drawn
// inside, and each observed figure as a diamond. The x axis names the
// distributions. The error wraps ErrNoData if ds is empty or a
// distribution holds no occurrence.
func Violins(title, ylabel string, ds []Dist) (*plot.Plot, error) {
	if len(ds) == 0 {
		return nil, fmt.Errorf("%w: no distribution to compare", ErrNoData)
	}
	p := NewPlot(title, "", ylabel)
	AddGrid(p)
	names := make([]string, len(ds))
	obs := false
	for i, d := range ds {
		v, err := newViolin(d, float64(i), Palette[i%len(Palette)])
		if err != nil {
			return nil, err
		}
		p.Add(v)
		names[i] = d.Name
		if d.Of > 0 {
			var n int64
			for _, k := range d.Counts {
				n += k
			}
			if n < d.Of {
				names[i] += fmt.Sprintf("\n(%d of %d)", n, d.Of)
			}
		}
		obs = obs || d.HasObserved
	}
	p.NominalX(names...)
	p.X.Min, p.X.Max = -0.6, float64(len(ds))-0.4
	// One neutral swatch: the violins' colours only tell them apart, the
	// axis names them.
	p.Legend.Add("replicates (histogram)", greyThumb{})
	p.Legend.Add("median, 50%, 90%", boxThumb{})
	if obs {
		p.Legend.Add("observed", obsThumb{})
	}
	return p, nil
}

// AddReference draws a dashed horizontal line at y across the n violins
// of p (no change, for a ratio at 1 or a difference at 0), in the legend
// as "reference".
func AddReference(p *plot.Plot, y float64, n int) error {
	l, err := plotter.NewLine(plotter.XYs{{X: -0.6, Y: y}, {X: float64(n) - 0.4, Y: y}})
	if err != nil {
		return err
	}
	l.Color = Vermillion
	l.Width = vg.Points(1)
	l.Dashes = []vg.Length{vg.Points(4), vg.Points(3)}
	p.Add(l)
	p.Legend.Add(fmt.Sprintf("%g: no change", y), l)
	return nil
}
