package calibrate

import (
	"fmt"
	"image/color"
	"math"
	"os"
	"path/filepath"
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"github.com/insurgo/insurgo/plots"
	"github.com/insurgo/insurgo/sim/abc"
)

// bins of the figures' histograms.
const bins = 24

// drawFigures draws the calibration's figures into dir: for each
// parameter its prior against its posterior marginal, a pair plot of the
// posterior, epsilon and acceptance by generation, and for each target
// the posterior predictive with the observed figure marked.
func drawFigures(dir string, p *Problem, res *abc.Result, s *Summary, format string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	t := posteriorTable(p, res.Final())
	title := func(what string) string {
		return fmt.Sprintf("%s\ncalibration %s: %d particles, generation %d, epsilon %.3g", what, s.Name, len(t.rows), len(res.Generations)-1, s.Epsilon)
	}
	for i, ps := range p.Config.Params {
		x, w := column(t, i)
		pl, err := marginalPlot(title("prior and posterior of "+ps.Key), ps, x, w)
		if err != nil {
			return err
		}
		if err := plots.Write(filepath.Join(dir, "marginal-"+fileName(ps.Key)+"."+format), format, pl); err != nil {
			return err
		}
	}
	if len(p.Config.Params) > 1 {
		if err := writePairs(filepath.Join(dir, "pairs."+format), format, p, t); err != nil {
			return err
		}
	}
	eps, acc := generationPlots(title, res.Generations)
	if err := plots.Write(filepath.Join(dir, "generations."+format), format, eps, acc); err != nil {
		return err
	}
	for j, tg := range p.Targets {
		x := make([]float64, len(t.rows))
		w := make([]float64, len(t.rows))
		for i, r := range t.rows {
			x[i], w[i] = r.stats[j], r.weight
		}
		pl, err := predictivePlot(title("posterior predictive of "+tg.Name), tg.Name, x, w, tg.Observed)
		if err != nil {
			return err
		}
		if err := plots.Write(filepath.Join(dir, "predictive-"+fileName(tg.Name)+"."+format), format, pl); err != nil {
			return err
		}
	}
	return nil
}

// column returns parameter i's values and weights over the particles
// that have it.
func column(t *table, i int) (x, w []float64) {
	for _, r := range t.rows {
		if !math.IsNaN(r.theta[i]) {
			x, w = append(x, r.theta[i]), append(w, r.weight)
		}
	}
	return x, w
}

// fileName makes a key usable in a file name.
func fileName(k string) string {
	return strings.Map(func(r rune) rune {
		if r == '/' || r == ':' || r == ' ' || r == '\\' {
			return '_'
		}
		return r
	}, k)
}

// histogram returns a weighted histogram of x, normalised to a density,
// over [lo, hi] (from the data where not finite).
func histogram(x, w []float64, lo, hi float64, c color.Color) (*plotter.Histogram, error) {
	xy := make(plotter.XYs, len(x))
	for i := range x {
		xy[i] = plotter.XY{X: x[i], Y: w[i]}
	}
	dlo, dhi := math.Inf(1), math.Inf(-1)
	for _, v := range x {
		dlo, dhi = math.Min(dlo, v), math.Max(dhi, v)
	}
	if math.IsInf(lo, 0) || math.IsInf(hi, 0) || dlo < lo || dhi > hi {
		lo, hi = dlo, dhi
	}
	if !(hi > lo) {
		lo, hi = lo-0.5, hi+0.5
	}
	// Pin the bins to [lo, hi] with two zero-weight points.
	xy = append(xy, plotter.XY{X: lo}, plotter.XY{X: hi})
	h, err := plotter.NewHistogram(xy, bins)
	if err != nil {
		return nil, err
	}
	h.Normalize(1)
	h.FillColor = withAlpha(c, 0.55)
	h.LineStyle.Color = c
	h.LineStyle.Width = vg.Points(0.5)
	return h, nil
}

func withAlpha(c color.Color, a float64) color.Color {
	r, g, b, _ := c.RGBA()
	return color.NRGBA{uint8(r >> 8), uint8(g >> 8), uint8(b >> 8), uint8(255 * a)}
}

// marginalPlot draws a parameter's posterior marginal (weighted
// histogram) over its prior density.
func marginalPlot(title string, ps ParamSpec, x, w []float64) (*plot.Plot, error) {
	pl := plots.NewPlot(title, ps.Key, "density")
	plots.AddGrid(pl)
	prior := ps.Prior.ABCPrior()
	lo, hi := prior.Support()
	plo, phi := lo, hi
	if math.IsInf(plo, 0) || math.IsInf(phi, 0) {
		// Show the prior over mean ± 4 sd, or the data, whichever is wider.
		m, sd := ps.Prior.Mean, ps.Prior.SD
		if ps.Prior.Dist == LogNormal {
			plo, phi = 0, math.Exp(m+3*sd)
		} else {
			plo, phi = m-4*sd, m+4*sd
		}
		for _, v := range x {
			plo, phi = math.Min(plo, v), math.Max(phi, v)
		}
	}
	if len(x) > 0 {
		h, err := histogram(x, w, plo, phi, plots.Blue)
		if err != nil {
			return nil, err
		}
		pl.Add(h)
		pl.Legend.Add("posterior", h)
	}
	const n = 200
	line := make(plotter.XYs, 0, n+1)
	for i := 0; i <= n; i++ {
		v := plo + (phi-plo)*float64(i)/n
		d := math.Exp(prior.LogProb(v))
		if math.IsNaN(d) || math.IsInf(d, 0) {
			continue
		}
		line = append(line, plotter.XY{X: v, Y: d})
	}
	if len(line) > 1 {
		l, err := plotter.NewLine(line)
		if err != nil {
			return nil, err
		}
		l.Color = plots.Vermillion
		l.Width = vg.Points(1.2)
		l.Dashes = []vg.Length{vg.Points(4), vg.Points(2)}
		pl.Add(l)
		pl.Legend.Add("prior "+ps.Prior.String(), l)
	}
	return pl, nil
}

// predictivePlot draws a target's simulated values over the final
// particles (weighted) and the observed figure as a vertical line.
func predictivePlot(title, name string, x, w []float64, observed float64) (*plot.Plot, error) {
	pl := plots.NewPlot(title, name, "density")
	plots.AddGrid(pl)
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, v := range append(x, observed) {
		lo, hi = math.Min(lo, v), math.Max(hi, v)
	}
	h, err := histogram(x, w, lo, hi, plots.SkyBlue)
	if err != nil {
		return nil, err
	}
	pl.Add(h)
	pl.Legend.Add("simulated (posterior)", h)
	ymax := 0.0
	for _, b := range h.Bins {
		ymax = math.Max(ymax, b.Weight)
	}
	l, err := plotter.NewLine(plotter.XYs{{X: observed, Y: 0}, {X: observed, Y: ymax * 1.05}})
	if err != nil {
		return nil, err
	}
	l.Color = plots.Black
	l.Width = vg.Points(1.5)
	pl.Add(l)
	pl.Legend.Add(fmt.Sprintf("observed %g", observed), l)
	return pl, nil
}

// generationPlots draws epsilon and the acceptance rate by generation.
func generationPlots(title func(string) string, gens []abc.Generation) (*plot.Plot, *plot.Plot) {
	eps := plots.NewPlot(title("tolerance by generation"), "generation", "epsilon")
	acc := plots.NewPlot("acceptance rate by generation", "generation", "acceptance rate")
	plots.AddGrid(eps)
	plots.AddGrid(acc)
	var e, a plotter.XYs
	for _, g := range gens {
		e = append(e, plotter.XY{X: float64(g.Index), Y: g.Epsilon})
		a = append(a, plotter.XY{X: float64(g.Index), Y: g.AcceptanceRate})
	}
	for _, x := range []struct {
		p   *plot.Plot
		xy  plotter.XYs
		c   color.Color
		lab string
	}{{eps, e, plots.Blue, "epsilon"}, {acc, a, plots.Orange, "acceptance"}} {
		l, s, err := plotter.NewLinePoints(x.xy)
		if err != nil {
			continue
		}
		l.Color, s.Color = x.c, x.c
		x.p.Add(l, s)
		x.p.Y.Min = 0
	}
	return eps, acc
}

// writePairs writes the pair plot: each parameter's posterior histogram
// on the diagonal, particles for each pair of parameters below it
// (darker for heavier weight).
func writePairs(path, format string, p *Problem, t *table) error {
	n := len(p.Config.Params)
	grid := make([][]*plot.Plot, n)
	var wmax float64
	for _, r := range t.rows {
		wmax = math.Max(wmax, r.weight)
	}
	for i := range grid {
		grid[i] = make([]*plot.Plot, n)
		for j := range grid[i] {
			xl, yl := "", ""
			if i == n-1 {
				xl = p.Config.Params[j].Key
			}
			if j == 0 {
				yl = p.Config.Params[i].Key
			}
			pl := plots.NewPlot("", xl, yl)
			grid[i][j] = pl
			switch {
			case i == j:
				x, w := column(t, i)
				if len(x) == 0 {
					continue
				}
				lo, hi := p.Config.Params[i].Prior.Support()
				h, err := histogram(x, w, lo, hi, plots.Blue)
				if err != nil {
					return err
				}
				pl.Add(h)
			case i > j:
				var xy plotter.XYs
				var ws []float64
				for _, r := range t.rows {
					if !math.IsNaN(r.theta[i]) && !math.IsNaN(r.theta[j]) {
						xy = append(xy, plotter.XY{X: r.theta[j], Y: r.theta[i]})
						ws = append(ws, r.weight)
					}
				}
				if len(xy) == 0 {
					continue
				}
				sc, err := plotter.NewScatter(xy)
				if err != nil {
					return err
				}
				sc.GlyphStyleFunc = func(k int) draw.GlyphStyle {
					a := 0.25 + 0.75*ws[k]/wmax
					return draw.GlyphStyle{Color: withAlpha(plots.Blue, a), Radius: vg.Points(1.5), Shape: draw.CircleGlyph{}}
				}
				pl.Add(sc)
			default:
				grid[i][j] = nil
			}
		}
	}
	side := vg.Length(math.Max(float64(plots.Width), float64(n)*5*float64(vg.Centimeter)))
	return plots.WriteGrid(path, format, side, grid)
}
