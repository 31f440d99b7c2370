package sweeprun

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"text/tabwriter"

	"gonum.org/v1/gonum/stat"
	"gonum.org/v1/plot"

	"github.com/insurgo/insurgo/internal/atomicfile"
	"github.com/insurgo/insurgo/plots"
	"github.com/insurgo/insurgo/sim/sweep"
)

// AnalyzeOptions configures Analyze.
type AnalyzeOptions struct {
	Resamples int    // bootstrap resamples; default 1000
	Format    string // figure format: png (default), svg or pdf
	NoFigures bool   // skip the figures
	// InlineSVG also renders each figure as SVG into Analysis.Figures,
	// for a report that carries its figures inside it.
	InlineSVG bool
	// Out is the directory the analysis is written to; default
	// DIR/analysis.
	Out string
}

// Figure is a figure of the analysis rendered as SVG, with a caption in
// words.
type Figure struct {
	Name    string // file name without extension
	Caption string
	SVG     []byte
}

// Analysis is what Analyze found, per output. It is written to
// analysis/analysis.json.
type Analysis struct {
	Sweep      string           `json:"sweep"`
	Hash       string           `json:"hash"`
	Design     string           `json:"design"`
	Points     int              `json:"points"`
	Replicates int              `json:"replicates"`
	Params     []string         `json:"params"`
	Outputs    []OutputAnalysis `json:"outputs"`
	Files      []string         `json:"-"`
	// Figures are the figures as SVG, with AnalyzeOptions.InlineSVG.
	Figures []Figure `json:"-"`
}

// OutputAnalysis is the analysis of one output. Indices are computed on
// the per-point means over replicates; replicate noise adds to the
// variance the indices divide, so noisy outputs need more replicates.
type OutputAnalysis struct {
	Output string `json:"output"`
	// Sobol designs.
	Sobol *sweep.SobolIndices `json:"sobol,omitempty"`
	// Morris designs.
	Morris *sweep.MorrisEffects `json:"morris,omitempty"`
	// Grid designs: the mean output at each level of each parameter,
	// averaged over the other parameters (main effects), by parameter.
	MainEffects [][]Level `json:"main_effects,omitempty"`
	// LHS designs: Pearson and Spearman correlations of each parameter
	// with the output.
	Pearson  []float64 `json:"pearson,omitempty"`
	Spearman []float64 `json:"spearman,omitempty"`
	// Noise is the mean variance of a point mean due to replicate noise
	// (sample variance over replicates / replicates), as a share of the
	// variance of the point means (0 with one replicate).
	Noise    float64  `json:"noise_share"`
	Warnings []string `json:"warnings,omitempty"`
}

// Level is a parameter level and the mean output there.
type Level struct {
	Value float64 `json:"value"`
	Mean  float64 `json:"mean"`
}

// Analyze reads the merged results of the sweep in dir and writes the
// analysis the design supports to dir/analysis: Sobol' indices with
// bootstrap intervals (sobol), mu*, mu and sigma (morris), main effects
// and, for two parameters, a heat map of the response surface (grid),
// correlations (lhs). It holds one mean per point and output in memory.
func Analyze(dir string, o AnalyzeOptions) (*Analysis, error) {
	man, err := ReadManifest(dir)
	if err != nil {
		return nil, err
	}
	if o.Format == "" {
		o.Format = "png"
	}
	d, err := sweep.New(man.Spec())
	if err != nil {
		return nil, err
	}
	k, nout := len(man.Params), len(man.Outputs)
	mean, vr, err := pointMeans(dir, man, d)
	if err != nil {
		return nil, err
	}
	out := o.Out
	if out == "" {
		out = filepath.Join(dir, "analysis")
	}
	if err := os.MkdirAll(out, 0o755); err != nil {
		return nil, err
	}
	a := &Analysis{Sweep: man.Name, Hash: man.Hash, Design: man.Design, Points: man.Points, Replicates: man.Replicates, Params: man.ParamNames()}
	names := man.ParamNames()
	col := func(o int, xs []float64) []float64 {
		y := make([]float64, man.Points)
		for p := range y {
			y[p] = xs[p*nout+o]
		}
		return y
	}
	for oi, oname := range man.OutputNames() {
		oa := OutputAnalysis{Output: oname}
		y := col(oi, mean)
		_, total := stat.MeanVariance(y, nil)
		if man.Replicates > 1 && total > 0 {
			oa.Noise = stat.Mean(col(oi, vr), nil) / total
			if oa.Noise > 0.5 {
				oa.Warnings = append(oa.Warnings, fmt.Sprintf("replicate noise is %.0f%% of the variance of the point means: add replicates", 100*oa.Noise))
			}
		}
		if !(total > 0) {
			oa.Warnings = append(oa.Warnings, "the output does not vary across the design: nothing to analyse")
			a.Outputs = append(a.Outputs, oa)
			continue
		}
		title := fmt.Sprintf("%s: %s (%s, %d points × %d replicates)", man.Name, oname, man.Design, man.Points, man.Replicates)
		var fig func() error
		switch man.Design {
		case sweep.Sobol:
			r, err := sweep.AnalyzeSobol(y, k, sweep.SobolOptions{Bootstrap: sweep.Bootstrap{Resamples: o.Resamples}, Names: names})
			if err != nil {
				return nil, fmt.Errorf("output %s: %w", oname, err)
			}
			oa.Sobol = r
			oa.Warnings = append(oa.Warnings, r.Warnings...)
			fig = func() error {
				caption := fmt.Sprintf("Sobol' indices of %s: first order and total, with bootstrap intervals.", oname)
				return a.figure(out, "sobol-"+oname, caption, o, func() (*plot.Plot, error) { return sobolFigure(title, names, r) })
			}
		case sweep.Morris:
			r, err := sweep.AnalyzeMorris(d, y, sweep.MorrisOptions{Bootstrap: sweep.Bootstrap{Resamples: o.Resamples}, Names: names})
			if err != nil {
				return nil, fmt.Errorf("output %s: %w", oname, err)
			}
			oa.Morris = r
			oa.Warnings = append(oa.Warnings, r.Warnings...)
			fig = func() error {
				caption := fmt.Sprintf("Morris screening of %s: sigma against mu* per parameter, with bootstrap intervals of mu*.", oname)
				return a.figure(out, "morris-"+oname, caption, o, func() (*plot.Plot, error) { return morrisFigure(title, names, r) })
			}
		case sweep.Grid:
			oa.MainEffects = mainEffects(d, y)
			sd := col(oi, vr)
			for i := range sd {
				sd[i] = math.Sqrt(sd[i])
			}
			fig = func() error { return a.gridFigure(out, oname, title, o, man, d, y, sd) }
		case sweep.LHS:
			oa.Pearson, oa.Spearman = correlations(d, y)
		}
		if fig != nil && !o.NoFigures {
			if err := fig(); err != nil {
				return nil, fmt.Errorf("output %s: figure: %w", oname, err)
			}
		}
		a.Outputs = append(a.Outputs, oa)
	}
	if err := a.writeTables(out, man); err != nil {
		return nil, err
	}
	p := filepath.Join(out, "analysis.json")
	if err := atomicfile.WriteJSON(p, a); err != nil {
		return nil, err
	}
	a.Files = append(a.Files, p)
	return a, nil
}

// pointMeans reads results.parquet and returns, per point and output, the
// mean over replicates and the variance of that mean (sample variance
// over R), checking that the rows are the design's.
func pointMeans(dir string, man *Manifest, d *sweep.Design) (mean, vmean []float64, err error) {
	rf, err := openRows(ResultsPath(dir), man.table())
	if err != nil {
		if os.IsNotExist(err) {
			return nil, nil, fmt.Errorf("%w: %s: no merged results (run: insurgo sweep merge %s)", ErrSweepDir, dir, dir)
		}
		return nil, nil, err
	}
	defer rf.Close()
	if h := rf.meta(metaHash); h != man.Hash {
		return nil, nil, fmt.Errorf("%w: %s belongs to sweep %s, the plan is %s: merge again", ErrSweepDir, ResultsPath(dir), short(h), short(man.Hash))
	}
	nout := len(man.Outputs)
	R := man.Replicates
	mean = make([]float64, man.Points*nout)
	vmean = make([]float64, man.Points*nout)
	buf := make([][]float64, nout)
	var r row
	n := 0
	for {
		err := rf.Next(&r)
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, nil, err
		}
		p := int(r.Point)
		if p < 0 || p >= man.Points || int(r.Replicate) != n%R || p != n/R {
			return nil, nil, fmt.Errorf("%w: %s: row %d is point %d replicate %d, out of order", ErrSweepDir, ResultsPath(dir), n, r.Point, r.Replicate)
		}
		if r.Replicate == 0 && !slices.Equal(r.Params, d.Points[p]) {
			return nil, nil, fmt.Errorf("%w: %s: point %d has parameters %v, the design %v", ErrSweepDir, ResultsPath(dir), p, r.Params, d.Points[p])
		}
		for o, v := range r.Outputs {
			buf[o] = append(buf[o], v)
		}
		n++
		if int(r.Replicate) == R-1 {
			for o := range buf {
				m, v := stat.MeanVariance(buf[o], nil)
				mean[p*nout+o] = m
				if R > 1 {
					vmean[p*nout+o] = v / float64(R)
				}
				buf[o] = buf[o][:0]
			}
		}
	}
	if n != man.Points*R {
		return nil, nil, fmt.Errorf("%w: %s has %d rows, want %d", ErrSweepDir, ResultsPath(dir), n, man.Points*R)
	}
	return mean, vmean, nil
}

// mainEffects returns, per parameter, the mean of y at each of its grid
// values.
func mainEffects(d *sweep.Design, y []float64) [][]Level {
	out := make([][]Level, len(d.Params))
	for j, p := range d.Params {
		vals := p.GridValues(d.Size)
		for _, v := range vals {
			var s float64
			n := 0
			for i, x := range d.Points {
				if x[j] == v {
					s += y[i]
					n++
				}
			}
			out[j] = append(out[j], Level{Value: v, Mean: s / float64(n)})
		}
	}
	return out
}

// correlations returns the Pearson and Spearman correlations of each
// parameter with y.
func correlations(d *sweep.Design, y []float64) (pearson, spearman []float64) {
	ry := ranks(y)
	for j := range d.Params {
		x := make([]float64, d.Len())
		for i, pt := range d.Points {
			x[i] = pt[j]
		}
		pearson = append(pearson, stat.Correlation(x, y, nil))
		spearman = append(spearman, stat.Correlation(ranks(x), ry, nil))
	}
	return pearson, spearman
}

// ranks returns the ranks of xs (1-based), ties given their mean rank.
func ranks(xs []float64) []float64 {
	idx := make([]int, len(xs))
	for i := range idx {
		idx[i] = i
	}
	slices.SortStableFunc(idx, func(a, b int) int {
		switch {
		case xs[a] < xs[b]:
			return -1
		case xs[a] > xs[b]:
			return 1
		}
		return 0
	})
	r := make([]float64, len(xs))
	for i := 0; i < len(idx); {
		j := i
		for j < len(idx) && xs[idx[j]] == xs[idx[i]] {
			j++
		}
		for k := i; k < j; k++ {
			r[idx[k]] = float64(i+j+1) / 2
		}
		i = j
	}
	return r
}

// figure draws one figure into dir in o.Format and, with o.InlineSVG,
// keeps it as SVG in a.Figures.
func (a *Analysis) figure(dir, name, caption string, o AnalyzeOptions, draw func() (*plot.Plot, error)) error {
	p, err := draw()
	if err != nil {
		return err
	}
	path := filepath.Join(dir, figureName(name)+"."+o.Format)
	if err := plots.Write(path, o.Format, p); err != nil {
		return err
	}
	a.Files = append(a.Files, path)
	if o.InlineSVG {
		var buf bytes.Buffer
		if err := plots.Render(&buf, "svg", p); err != nil {
			return err
		}
		a.Figures = append(a.Figures, Figure{Name: figureName(name), Caption: caption, SVG: buf.Bytes()})
	}
	return nil
}

func (a *Analysis) gridFigure(dir, oname, title string, o AnalyzeOptions, man *Manifest, d *sweep.Design, y, sd []float64) error {
	names := man.ParamNames()
	switch len(d.Params) {
	case 1:
		caption := fmt.Sprintf("%s: mean over replicates at each level of %s, with ± 1 standard deviation over replicates.", oname, names[0])
		return a.figure(dir, "grid-"+oname, caption, o, func() (*plot.Plot, error) {
			xs := make([]float64, d.Len())
			for i, p := range d.Points {
				xs[i] = p[0]
			}
			return lineFigure(title, names[0], oname, xs, y, sd)
		})
	case 2:
		caption := fmt.Sprintf("%s: mean over replicates at each point of the grid, %s across and %s up; the colour bar gives the scale.", oname, names[0], names[1])
		return a.figure(dir, "heatmap-"+oname, caption, o, func() (*plot.Plot, error) {
			g := grid2{xs: d.Params[0].GridValues(d.Size), ys: d.Params[1].GridValues(d.Size)}
			g.z = make([][]float64, len(g.xs))
			for c := range g.z {
				g.z[c] = make([]float64, len(g.ys))
			}
			// Points are in row-major order, the first parameter slowest.
			for i := range d.Points {
				g.z[i/len(g.ys)][i%len(g.ys)] = y[i]
			}
			return heatmapFigure(title+"\nmean over replicates", names[0], names[1], g)
		})
	}
	return nil
}

// writeTables writes the design's CSV table of indices.
func (a *Analysis) writeTables(dir string, man *Manifest) error {
	var name string
	var head []string
	var rows [][]string
	f := func(v float64) string { return strconv.FormatFloat(v, 'g', 6, 64) }
	for _, oa := range a.Outputs {
		for j, p := range a.Params {
			switch {
			case oa.Sobol != nil:
				name, head = "sobol.csv", []string{"output", "param", "S1", "S1_lo", "S1_hi", "ST", "ST_lo", "ST_hi"}
				s := oa.Sobol
				rows = append(rows, []string{oa.Output, p, f(s.S1[j]), f(s.S1CI[j].Lo), f(s.S1CI[j].Hi), f(s.ST[j]), f(s.STCI[j].Lo), f(s.STCI[j].Hi)})
			case oa.Morris != nil:
				name, head = "morris.csv", []string{"output", "param", "mu_star", "mu_star_lo", "mu_star_hi", "mu", "sigma"}
				m := oa.Morris
				rows = append(rows, []string{oa.Output, p, f(m.MuStar[j]), f(m.MuStarCI[j].Lo), f(m.MuStarCI[j].Hi), f(m.Mu[j]), f(m.Sigma[j])})
			case oa.MainEffects != nil:
				name, head = "main_effects.csv", []string{"output", "param", "value", "mean"}
				for _, l := range oa.MainEffects[j] {
					rows = append(rows, []string{oa.Output, p, f(l.Value), f(l.Mean)})
				}
			case oa.Pearson != nil:
				name, head = "correlations.csv", []string{"output", "param", "pearson", "spearman"}
				rows = append(rows, []string{oa.Output, p, f(oa.Pearson[j]), f(oa.Spearman[j])})
			}
		}
	}
	if name == "" {
		return nil
	}
	path := filepath.Join(dir, name)
	a.Files = append(a.Files, path)
	return atomicfile.Write(path, func(w io.Writer) error {
		cw := csv.NewWriter(w)
		cw.Write(head)
		cw.WriteAll(rows)
		return cw.Error()
	})
}

// WriteText writes a readable summary of a to w.
func (a *Analysis) WriteText(w io.Writer) error {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintf(tw, "sweep %s (%s design, %d points × %d replicates)\n", a.Sweep, a.Design, a.Points, a.Replicates)
	f := func(v float64) string { return strconv.FormatFloat(v, 'f', 3, 64) }
	for _, oa := range a.Outputs {
		fmt.Fprintf(tw, "\n%s\n", oa.Output)
		switch {
		case oa.Sobol != nil:
			fmt.Fprintln(tw, "  param\tS1\t95% CI\tST\t95% CI")
			for j, p := range a.Params {
				s := oa.Sobol
				fmt.Fprintf(tw, "  %s\t%s\t[%s, %s]\t%s\t[%s, %s]\n", p, f(s.S1[j]), f(s.S1CI[j].Lo), f(s.S1CI[j].Hi), f(s.ST[j]), f(s.STCI[j].Lo), f(s.STCI[j].Hi))
			}
		case oa.Morris != nil:
			fmt.Fprintln(tw, "  param\tmu*\t95% CI\tmu\tsigma")
			for j, p := range a.Params {
				m := oa.Morris
				fmt.Fprintf(tw, "  %s\t%.4g\t[%.4g, %.4g]\t%.4g\t%.4g\n", p, m.MuStar[j], m.MuStarCI[j].Lo, m.MuStarCI[j].Hi, m.Mu[j], m.Sigma[j])
			}
		case oa.MainEffects != nil:
			for j, p := range a.Params {
				fmt.Fprintf(tw, "  %s:", p)
				for _, l := range oa.MainEffects[j] {
					fmt.Fprintf(tw, "  %.4g → %.4g", l.Value, l.Mean)
				}
				fmt.Fprintln(tw)
			}
		case oa.Pearson != nil:
			fmt.Fprintln(tw, "  param\tPearson\tSpearman")
			for j, p := range a.Params {
				fmt.Fprintf(tw, "  %s\t%s\t%s\n", p, f(oa.Pearson[j]), f(oa.Spearman[j]))
			}
		}
		if oa.Noise > 0 {
			fmt.Fprintf(tw, "  replicate noise: %.1f%% of the variance of point means\n", 100*oa.Noise)
		}
		for _, wm := range oa.Warnings {
			fmt.Fprintf(tw, "  warning: %s\n", wm)
		}
	}
	return tw.Flush()
}
