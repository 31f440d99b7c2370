package main

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/insurgo/insurgo/internal/calibrate"
	"github.com/insurgo/insurgo/internal/htmlreport"
)

// writeCalibrationReport writes DIR/report.html: the posterior of a
// finished calibration (settings, models, posterior predictive of the
// targets, generations), its figures and the calibration file.
func writeCalibrationReport(dir string, res *calibrate.Outcome) error {
	r := &htmlreport.Report{
		Title:    "Calibration " + res.Summary.Name,
		Subtitle: "written by insurgo " + Version,
		Sections: calibrationSections(dir, res),
	}
	return writeReport(filepath.Join(dir, calibrate.FileReport), r)
}

// calibrationReport is the part of 'insurgo report' for a calibration
// directory.
func calibrationReport(dir string) (*reportPart, error) {
	res, err := calibrate.ReadOutcome(dir)
	if err != nil {
		return nil, asUsage(fmt.Errorf("report: %s: %w", dir, err))
	}
	return &reportPart{title: "calibration " + res.Summary.Name, sections: calibrationSections(dir, res)}, nil
}

// calibrationSections are the sections of a calibration's report.
func calibrationSections(dir string, res *calibrate.Outcome) []htmlreport.Section {
	s := res.Summary
	r := &htmlreport.Report{}
	over := htmlreport.Section{ID: "overview", Title: "Overview", Facts: []htmlreport.Fact{
		{Key: "description", Value: s.Description},
		{Key: "calibration file", Value: s.File + " (SHA-256 " + s.FileHash[:12] + "…)"},
		{Key: "generations", Value: fmt.Sprint(s.Generations)},
		{Key: "simulations", Value: fmt.Sprint(s.Simulations)},
		{Key: "stopped by", Value: s.Stop},
		{Key: "final epsilon", Value: fmt.Sprintf("%.4g", s.Epsilon)},
		{Key: "effective sample size", Value: fmt.Sprintf("%.1f of %d particles", s.ESS, s.Population)},
		{Key: "seed", Value: fmt.Sprint(s.Seed)},
		{Key: "posterior hash", Value: s.PosteriorHash},
	}, Text: []string{"ABC-SMC: the particles below are settings whose simulated targets lie within epsilon " +
		"of the observed figures (a distance in units of each target's simulated spread and observation error). " +
		"'insurgo run -posterior DIR' draws each replicate's settings from them."}}
	r.Sections = append(r.Sections, over)
	if len(s.Models) > 1 {
		t := htmlreport.Table{Caption: "Posterior model probabilities", Header: []string{"model", "base scenario", "prior", "posterior"}}
		for _, m := range s.Models {
			t.Rows = append(t.Rows, []string{m.Name, m.Extends, fmt.Sprintf("%.3f", m.Prior), fmt.Sprintf("%.3f", m.Probability)})
		}
		r.Sections = append(r.Sections, htmlreport.Section{ID: "models", Title: "Models", Tables: []htmlreport.Table{t}})
	}
	pt := htmlreport.Table{Caption: "Posterior of each setting (weighted particles)",
		Header: []string{"setting", "prior", "mean", "sd", "median", "90% credible interval"}}
	for _, p := range s.Params {
		pt.Rows = append(pt.Rows, []string{p.Key, p.Prior, short(p.Mean), short(p.SD), short(p.Median),
			fmt.Sprintf("[%s, %s]", short(p.P05), short(p.P95))})
	}
	r.Sections = append(r.Sections, htmlreport.Section{ID: "settings", Title: "Settings", Tables: []htmlreport.Table{pt}})
	tt := htmlreport.Table{Caption: "Each target in the final particles' own simulations (each accepted within epsilon of the data, so narrower than the posterior predictive a fresh run gives: insurgo run -posterior DIR)",
		Header: []string{"target", "observed", "median", "90% interval", "covered"}, Note: "Flagged: the observed figure lies outside the 90% interval."}
	for _, t := range s.Targets {
		c := "yes"
		if !t.Covered {
			c = "no"
		}
		tt.Rows = append(tt.Rows, []string{t.Name, short(t.Observed), short(t.Median), fmt.Sprintf("[%s, %s]", short(t.P05), short(t.P95)), c})
		tt.Flag = append(tt.Flag, !t.Covered)
	}
	r.Sections = append(r.Sections, htmlreport.Section{ID: "targets", Title: "Targets", Tables: []htmlreport.Table{tt}})
	gt := htmlreport.Table{Caption: "Generations", Header: []string{"generation", "epsilon", "acceptance rate", "ESS", "simulations"}}
	for _, g := range res.Result.Generations {
		gt.Rows = append(gt.Rows, []string{fmt.Sprint(g.Index), fmt.Sprintf("%.4g", g.Epsilon), fmt.Sprintf("%.3f", g.AcceptanceRate),
			fmt.Sprintf("%.1f", g.ESS), fmt.Sprint(g.Simulations)})
	}
	r.Sections = append(r.Sections, htmlreport.Section{ID: "generations", Title: "Generations", Tables: []htmlreport.Table{gt}})
	if figs := calibrationFigures(filepath.Join(dir, calibrate.DirPlots)); len(figs) > 0 {
		r.Sections = append(r.Sections, htmlreport.Section{ID: "figures", Title: "Figures", Figures: figs})
	}
	if b, err := os.ReadFile(filepath.Join(dir, calibrate.FileCopy)); err == nil {
		r.Sections = append(r.Sections, htmlreport.Section{ID: "file", Title: "Calibration file",
			Code: []htmlreport.Code{{Caption: s.File, Text: string(b)}}})
	}
	return r.Sections
}

// calibrationFigures reads the figures in dir (PNG or SVG), in name order.
func calibrationFigures(dir string) []htmlreport.Figure {
	ents, err := os.ReadDir(dir)
	if err != nil {
		return nil
	}
	var names []string
	for _, e := range ents {
		names = append(names, e.Name())
	}
	sort.Strings(names)
	var figs []htmlreport.Figure
	for _, n := range names {
		typ := ""
		switch filepath.Ext(n) {
		case ".png":
			typ = htmlreport.PNG
		case ".svg":
			typ = htmlreport.SVG
		default:
			continue
		}
		b, err := os.ReadFile(filepath.Join(dir, n))
		if err != nil {
			continue
		}
		figs = append(figs, htmlreport.Figure{Caption: strings.TrimSuffix(n, filepath.Ext(n)), Type: typ, Data: b})
	}
	return figs
}
