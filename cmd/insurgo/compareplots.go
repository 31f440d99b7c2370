package main

import (
	"errors"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strings"

	"github.com/insurgo/insurgo/internal/compare"
	"github.com/insurgo/insurgo/plots"
	"github.com/insurgo/insurgo/sim"
)

// drawComparePlots draws the comparison figures into dir:
//
//	monthly.FORMAT          the compared metric month by month, every scenario
//	                        overlaid (median and 90% band)
//	compare.FORMAT          the window statistic of every scenario (violins)
//	difference.FORMAT       each scenario minus the first, paired and unpaired
//	signature-NAME.FORMAT   each signature across scenarios
//	target-NAME.FORMAT      with -targets: each target across scenarios, with
//	                        the observed (or synthetic) figure
func drawComparePlots(res *compare.Result, dir, format string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	w := res.Window
	var ds []plots.Dist
	for _, a := range res.Arms {
		ds = append(ds, plotDist(a.Name, a.Values))
	}
	title := fmt.Sprintf("%s\n%d replicates per scenario, seed %d", plots.WindowTitle(w), res.Replicates, res.Seed)
	if err := writeViolins(dir, "compare", format, title, strings.ReplaceAll(w.Metric, "_", " "), ds, math.NaN()); err != nil {
		return err
	}
	var bands []plots.Band
	for _, a := range res.Arms {
		bands = append(bands, plots.Band{Name: a.Name, Months: a.Monthly.Months, P05: a.Monthly.P05, P50: a.Monthly.P50, P95: a.Monthly.P95})
	}
	mt := fmt.Sprintf("Monthly %s: medians (lines) and 90%% bands (fills)\n%d replicates per scenario, seed %d; compared: %s to %s",
		plots.SeriesName(w.Metric, w.Scope), res.Replicates, res.Seed, w.From, w.To)
	ylabel := strings.ReplaceAll(w.Metric, "_", " ") + " per month"
	if w.From.IsZero() && w.To.IsZero() { // a run counted in steps, compared whole
		mt = fmt.Sprintf("Step by step, %s: medians (lines) and 90%% bands (fills)\n%d replicates per scenario, seed %d; compared: the whole run",
			plots.SeriesName(w.Metric, w.Scope), res.Replicates, res.Seed)
		ylabel = strings.ReplaceAll(w.Metric, "_", " ")
	}
	if p, err := plots.Overlay(mt, ylabel, bands); err == nil {
		if err := plots.Write(filepath.Join(dir, "monthly."+format), format, p); err != nil {
			return err
		}
	} else if !errors.Is(err, plots.ErrNoData) {
		return err
	}
	if len(res.Arms) > 1 {
		base := res.Arms[0]
		ds = ds[:0]
		for _, a := range res.Arms[1:] {
			paired := make([]float64, len(a.Values))
			unpaired := make([]float64, len(a.Values))
			n := len(a.Values)
			for i := range a.Values {
				paired[i] = a.Values[i] - base.Values[i]
				unpaired[i] = a.Values[i] - base.Values[(i+n/2)%n]
			}
			// One line per label: the scenario's name alone would crowd
			// its neighbours with three or more scenarios.
			ds = append(ds, plotDist(shortName(a.Name, len(res.Arms))+"\npaired", paired), plotDist(shortName(a.Name, len(res.Arms))+"\nunpaired", unpaired))
		}
		t := fmt.Sprintf("Difference from %s: paired (same random numbers) and unpaired\n%s", base.Name, plots.WindowTitle(w))
		if err := writeViolins(dir, "difference", format, t, "difference in "+strings.ReplaceAll(w.Metric, "_", " "), ds, 0); err != nil {
			return err
		}
	}
	for s, name := range res.Signatures {
		ds = ds[:0]
		never := 0
		for _, a := range res.Arms {
			ds = append(ds, plotDist(a.Name, a.SignatureValues[s]))
			never += a.Signatures[s].Infinite
		}
		t := name
		if !strings.Contains(name, "..") && !strings.Contains(name, "rebound") {
			t = fmt.Sprintf("%s, %s..%s", name, w.From, w.To) // a window signature
		}
		if never > 0 {
			t += fmt.Sprintf(" (%d replicates never rebounded, not drawn)", never)
		}
		ref := math.NaN()
		if strings.HasPrefix(name, "tempo under pressure") {
			ref = 1 // no change from before the pressure
		}
		if err := writeViolins(dir, "signature-"+slug(name), format, t, name, ds, ref); err != nil {
			return err
		}
	}
	for j, tg := range res.Targets {
		ds = ds[:0]
		for _, a := range res.Arms {
			d := plotDist(a.Name, a.TargetValues[j])
			d.Observed, d.HasObserved = tg.Observed, true
			ds = append(ds, d)
		}
		what := "observed"
		if res.SyntheticFrom != "" {
			what = "synthetic, from " + res.SyntheticFrom
		}
		t := fmt.Sprintf("Target %s: %s\ndiamond: %s", tg.Window.Name, plots.WindowTitle(tg.Window), what)
		if err := writeViolins(dir, "target-"+slug(tg.Window.Name), format, t, strings.ReplaceAll(tg.Window.Metric, "_", " "), ds, math.NaN()); err != nil {
			return err
		}
	}
	return nil
}

// plotDist turns per-replicate values into a plots.Dist, leaving out
// undefined and infinite ones.
func plotDist(name string, xs []float64) plots.Dist {
	var h sim.Histogram
	for _, x := range xs {
		if !math.IsNaN(x) && !math.IsInf(x, 0) {
			h.Add(x)
		}
	}
	v, c := h.Values()
	return plots.Dist{Name: name, Values: v, Counts: c, Of: int64(len(xs))}
}

// shortName fits a scenario's name to a crowded axis: with three
// scenarios or more, a long name breaks into lines at its hyphens and any
// line longer than 11 characters is cut.
func shortName(name string, arms int) string {
	if arms < 3 || len([]rune(name)) <= 11 {
		return name
	}
	parts := strings.SplitAfter(name, "-")
	for i, p := range parts {
		if r := []rune(p); len(r) > 11 {
			parts[i] = string(r[:10]) + "…"
		}
	}
	return strings.Join(parts, "\n")
}

// writeViolins draws ds as violins into dir/name.format, with a dashed
// reference line at ref unless ref is NaN. Distributions with no value (a
// signature undefined everywhere) are left out; a figure with none is not
// drawn.
func writeViolins(dir, name, format, title, ylabel string, ds []plots.Dist, ref float64) error {
	var keep []plots.Dist
	for _, d := range ds {
		if len(d.Values) > 0 {
			keep = append(keep, d)
		}
	}
	if len(keep) == 0 {
		return nil
	}
	p, err := plots.Violins(title, ylabel, keep)
	if err != nil {
		return fmt.Errorf("figure %s: %w", name, err)
	}
	if !math.IsNaN(ref) {
		if err := plots.AddReference(p, ref, len(keep)); err != nil {
			return fmt.Errorf("figure %s: %w", name, err)
		}
	}
	return plots.Write(filepath.Join(dir, name+"."+format), format, p)
}

// slug makes a file name part of a label.
func slug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		switch {
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
			b.WriteRune(r)
			dash = false
		case !dash && b.Len() > 0:
			b.WriteByte('-')
			dash = true
		}
	}
	return strings.TrimSuffix(b.String(), "-")
}
