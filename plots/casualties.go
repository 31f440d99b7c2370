package plots

import (
	"errors"
	"fmt"
	"math"
	"strconv"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"github.com/insurgo/insurgo/internal/powerlaw"
	"github.com/insurgo/insurgo/internal/report"
)

// Casualties returns the complementary cumulative distribution (CCDF) of
// casualties per attack, pooled over replicates (the distribution
// "casualties" of s), on log–log axes: for each x, the share of all
// attacks with at least x casualties. Attacks with no casualties count in
// the shares but cannot be shown on a log axis. A discrete power law fitted
// by maximum likelihood (internal/powerlaw, Clauset, Shalizi & Newman 2009)
// is drawn over its tail x ≥ x_min, scaled to the share of attacks in the
// tail, with its exponent α in the legend; when the tail is too short to
// fit, the legend says so. The error wraps ErrNoData if there is no such
// distribution or no attack had a casualty.
func Casualties(s *report.Summary) (*plot.Plot, error) {
	d := s.Distribution("casualties")
	if d == nil {
		return nil, fmt.Errorf("%w: no distribution \"casualties\" in the summary of %s", ErrNoData, s.Scenario)
	}
	if len(d.Values) != len(d.Counts) {
		return nil, fmt.Errorf("plots: distribution casualties has %d values but %d counts", len(d.Values), len(d.Counts))
	}
	var n, zeros int64
	for i, v := range d.Values {
		n += d.Counts[i]
		if v <= 0 {
			zeros += d.Counts[i]
		}
	}
	if n == zeros {
		return nil, fmt.Errorf("%w: no attack with casualties in %s (%d attacks)", ErrNoData, s.Scenario, n)
	}
	// CCDF at each distinct positive value: share of all attacks with at
	// least that many casualties. Values are sorted increasing.
	var pts plotter.XYs
	var above int64 = n
	for i, v := range d.Values {
		if v > 0 {
			pts = append(pts, plotter.XY{X: v, Y: float64(above) / float64(n)})
		}
		above -= d.Counts[i]
	}
	what := fmt.Sprintf("Casualties per attack, CCDF (%d attacks)", n)
	if zeros > 0 {
		what = fmt.Sprintf("Casualties per attack, CCDF (%d attacks; %d with none, not shown)", n, zeros)
	}
	p := NewPlot(runTitle(what, s), "casualties per attack, x", "share of attacks with ≥ x casualties")
	// The axes hold log10 of the values, with ticks labelled in the
	// values: gonum/plot's LogScale centres axis labels at the arithmetic
	// midpoint of the range, which on a log axis squeezes the plot.
	p.X.Tick.Marker = log10Ticks{}
	p.Y.Tick.Marker = log10Ticks{}
	for i := range pts {
		pts[i] = plotter.XY{X: math.Log10(pts[i].X), Y: math.Log10(pts[i].Y)}
	}
	sc, err := plotter.NewScatter(pts)
	if err != nil {
		return nil, fmt.Errorf("plots: %w", err)
	}
	sc.GlyphStyle = draw.GlyphStyle{Color: Blue, Radius: vg.Points(2), Shape: draw.CircleGlyph{}}
	p.Add(sc)
	p.Legend.Add("simulated", sc)

	fit, err := powerlaw.FitHistogram(d.Values, d.Counts)
	switch {
	case err == nil:
		xmax := math.Pow(10, pts[len(pts)-1].X)
		xmin := float64(fit.XMin)
		scale := float64(fit.NTail) / float64(fit.N)
		var line plotter.XYs
		// Points at every integer up to 100 and then log-spaced, enough
		// for a smooth line through the discrete law's steps.
		for x := xmin; x <= xmax; {
			line = append(line, plotter.XY{X: math.Log10(x), Y: math.Log10(scale * fit.CCDF(x))})
			if x < 100 {
				x++
			} else {
				x = math.Ceil(x * 1.05)
			}
		}
		if len(line) < 2 {
			line = append(line, plotter.XY{X: math.Log10(xmax), Y: math.Log10(scale * fit.CCDF(xmax))})
		}
		l, err := plotter.NewLine(line)
		if err != nil {
			return nil, fmt.Errorf("plots: %w", err)
		}
		l.LineStyle = draw.LineStyle{Color: Vermillion, Width: vg.Points(1.5), Dashes: []vg.Length{vg.Points(5), vg.Points(3)}}
		p.Add(l)
		p.Legend.Add(fmt.Sprintf("power law α = %.2f ± %.2f, x ≥ %d", fit.Alpha, fit.StdErr, fit.XMin), l)
	case errors.Is(err, powerlaw.ErrTooFewData), errors.Is(err, powerlaw.ErrNoFit):
		p.Legend.Add("no power-law fit (tail too short)")
	default:
		return nil, fmt.Errorf("plots: casualties: %w", err)
	}
	return p, nil
}

// log10Ticks marks an axis whose data are log10 of the values shown: a
// labelled tick at each power of ten and unlabelled ticks at 2–9 times it.
type log10Ticks struct{}

// Ticks implements plot.Ticker.
func (log10Ticks) Ticks(min, max float64) []plot.Tick {
	var ts []plot.Tick
	for e := math.Floor(min); e <= math.Ceil(max); e++ {
		for k := 1; k <= 9; k++ {
			v := e + math.Log10(float64(k))
			if v < min-1e-9 || v > max+1e-9 {
				continue
			}
			t := plot.Tick{Value: v}
			if k == 1 {
				t.Label = strconv.FormatFloat(math.Pow(10, e), 'f', -1, 64)
			}
			ts = append(ts, t)
		}
	}
	return ts
}
