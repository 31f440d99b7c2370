package main

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/insurgo/insurgo/internal/htmlreport"
	"github.com/insurgo/insurgo/internal/sweeprun"
	"github.com/insurgo/insurgo/sim"
)

// compareDoc is the part of compare.json a report shows.
// comparePairedDoc is a comparison against the first scenario.
type comparePairedDoc struct {
	Against string         `json:"against"`
	Diff    compareDocDist `json:"difference"`
	Change  compareDocDist `json:"change_per_replicate"`
	Rel     *float64       `json:"relative_change"`
	RelP05  *float64       `json:"relative_change_p05"`
	RelP95  *float64       `json:"relative_change_p95"`
	PBelow  float64        `json:"p_below"`
}

type compareDoc struct {
	Seed       uint64 `json:"seed"`
	Replicates int    `json:"replicates"`
	Engine     string `json:"engine_version"`
	// Posterior and PosteriorHash name the posterior the settings were
	// drawn from, if any.
	Posterior     string     `json:"posterior"`
	PosteriorHash string     `json:"posterior_hash"`
	Window        sim.Window `json:"window"`
	Scenarios     []struct {
		Name   string `json:"name"`
		Hash   string `json:"scenario_hash"`
		Value  compareDocDist
		Versus *comparePairedDoc `json:"versus"`
		More   []struct {
			Window sim.Window        `json:"window"`
			Value  compareDocDist    `json:"value"`
			Versus *comparePairedDoc `json:"versus"`
		} `json:"more"`
		Signatures []compareDocDist `json:"signatures"`
		Posterior  *float64         `json:"posterior"`
		Accepted   *int             `json:"accepted"`
	} `json:"scenarios"`
}

type compareDocDist struct {
	Name   string   `json:"name"`
	Median *float64 `json:"median"`
	P05    *float64 `json:"p05"`
	P95    *float64 `json:"p95"`
	Mean   *float64 `json:"mean"`
}

func nump(x *float64) string {
	if x == nil {
		return "n/a"
	}
	return num(*x)
}

func pctp(x *float64) string {
	if x == nil {
		return "n/a"
	}
	return fmt.Sprintf("%+.1f%%", 100**x)
}

func (d compareDocDist) interval() string { return "[" + nump(d.P05) + ", " + nump(d.P95) + "]" }

// compareReport is the report of a comparison: the estimates, the effects
// against the first scenario with their intervals, the signatures, model
// choice, the tidy table, figures and the scenarios as run.
func compareReport(dir string, figs []htmlreport.Figure) (*reportPart, error) {
	b, err := os.ReadFile(filepath.Join(dir, "compare.json"))
	if err != nil {
		return nil, err
	}
	var c compareDoc
	if err := json.Unmarshal(b, &c); err != nil {
		return nil, fmt.Errorf("%s: %v", filepath.Join(dir, "compare.json"), err)
	}
	names := make([]string, len(c.Scenarios))
	for i, s := range c.Scenarios {
		names[i] = s.Name
	}
	w := c.Window
	what := fmt.Sprintf("%s of %s in %s, %s to %s", strings.ReplaceAll(w.Statistic, "_", " "), w.Metric, w.Scope, w.From, w.To)
	part := &reportPart{title: "Comparison of " + strings.Join(names, ", ")}
	over := htmlreport.Section{ID: "overview", Title: "Overview",
		Text:  []string{fmt.Sprintf("Every scenario was run with the same %d replicates and master seed %d (common random numbers): replicate i of each draws the same random numbers, so a difference measures the change of setting, not noise.", c.Replicates, c.Seed)},
		Facts: []htmlreport.Fact{{Key: "compared", Value: what}, settingsFact(dir, c.Posterior, c.PosteriorHash)}}
	whatOf := func(w sim.Window) string {
		return fmt.Sprintf("%s of %s in %s, %s to %s", strings.ReplaceAll(w.Statistic, "_", " "), w.Metric, w.Scope, w.From, w.To)
	}
	est := htmlreport.Table{Caption: "Estimates over replicates", Header: []string{"scenario", "statistic", "median", "90% interval", "mean"}}
	eff := htmlreport.Table{Caption: "Effects against the first scenario, replicate by replicate",
		Header: []string{"scenario", "statistic", "difference (median)", "difference 90%", "change per replicate", "change 90%", "change of means", "change of means 90% CI", "P(below)"}}
	effect := func(name, stat string, v *comparePairedDoc) {
		if v == nil {
			return
		}
		eff.Rows = append(eff.Rows, []string{name, stat, nump(v.Diff.Median), v.Diff.interval(), pctp(v.Change.Median),
			"[" + pctp(v.Change.P05) + ", " + pctp(v.Change.P95) + "]", pctp(v.Rel), "[" + pctp(v.RelP05) + ", " + pctp(v.RelP95) + "]", num(v.PBelow)})
	}
	for _, s := range c.Scenarios {
		est.Rows = append(est.Rows, []string{s.Name, what, nump(s.Value.Median), s.Value.interval(), nump(s.Value.Mean)})
		effect(s.Name, what, s.Versus)
		for _, m := range s.More {
			est.Rows = append(est.Rows, []string{s.Name, whatOf(m.Window), nump(m.Value.Median), m.Value.interval(), nump(m.Value.Mean)})
			effect(s.Name, whatOf(m.Window), m.Versus)
		}
		if s.Hash != "" {
			over.Facts = append(over.Facts, htmlreport.Fact{Key: "hash of " + s.Name, Value: s.Hash})
		}
	}
	over.Tables = append(over.Tables, est)
	part.sections = append(part.sections, over)
	if len(eff.Rows) > 0 {
		eff.Caption = "Effects against " + c.Scenarios[0].Name + ", replicate by replicate"
		eff.Note = "Change per replicate: B_i/A_i − 1, its interval the spread of simulated outcomes. Change of means: mean(B)/mean(A) − 1, its interval the Monte Carlo precision of that mean effect (bootstrap). P(below): share of replicates with B_i < A_i."
		part.sections = append(part.sections, htmlreport.Section{ID: "effects", Title: "Effects", Tables: []htmlreport.Table{eff}})
	}
	if len(c.Scenarios) > 0 && len(c.Scenarios[0].Signatures) > 0 {
		sig := htmlreport.Table{Caption: "Signatures: median [90% interval] over replicates", Header: append([]string{"signature"}, names...)}
		for k, d := range c.Scenarios[0].Signatures {
			row := []string{d.Name}
			for _, s := range c.Scenarios {
				if k < len(s.Signatures) {
					row = append(row, nump(s.Signatures[k].Median)+" "+s.Signatures[k].interval())
				}
			}
			sig.Rows = append(sig.Rows, row)
		}
		part.sections = append(part.sections, htmlreport.Section{ID: "signatures", Title: "Signatures", Tables: []htmlreport.Table{sig}})
	}
	if len(c.Scenarios) > 0 && c.Scenarios[0].Posterior != nil {
		mc := htmlreport.Table{Caption: "Which scenario fits the observed figures? (rejection ABC, equal priors)", Header: []string{"scenario", "accepted", "posterior probability"}}
		for _, s := range c.Scenarios {
			acc := "n/a"
			if s.Accepted != nil {
				acc = fmt.Sprintf("%d/%d", *s.Accepted, c.Replicates)
			}
			mc.Rows = append(mc.Rows, []string{s.Name, acc, nump(s.Posterior)})
		}
		part.sections = append(part.sections, htmlreport.Section{ID: "model-choice", Title: "Model choice", Tables: []htmlreport.Table{mc}})
	}
	if t, ok := csvTable(filepath.Join(dir, "compare.csv"), "compare.csv", 60); ok {
		part.sections = append(part.sections, htmlreport.Section{ID: "table", Title: "All estimates (compare.csv)", Tables: []htmlreport.Table{t}})
	}
	if figs == nil {
		if figs, err = imageFigures(filepath.Join(dir, "plots")); err != nil {
			return nil, err
		}
	}
	if len(figs) > 0 {
		part.sections = append(part.sections, htmlreport.Section{ID: "figures", Title: "Figures", Figures: figs})
	}
	if sec, ok := resolvedSection(dir); ok {
		sec.Title = "Scenarios as run"
		part.sections = append(part.sections, sec)
	}
	return part, nil
}

// sweepReport is the report of an analysed sweep: its design, the
// analysis tables and figures.
func sweepReport(dir string, figs []htmlreport.Figure) (*reportPart, error) {
	var m struct {
		Name        string               `json:"name"`
		Description string               `json:"description"`
		Base        string               `json:"base"`
		Design      string               `json:"design"`
		Points      int                  `json:"points"`
		Replicates  int                  `json:"replicates"`
		Seed        uint64               `json:"seed"`
		Params      []sweeprun.ParamInfo `json:"params"`
	}
	if b, err := os.ReadFile(filepath.Join(dir, "manifest.json")); err == nil {
		if err := json.Unmarshal(b, &m); err != nil {
			return nil, fmt.Errorf("%s: %v", filepath.Join(dir, "manifest.json"), err)
		}
	}
	part := &reportPart{title: "Sweep " + m.Name}
	over := htmlreport.Section{ID: "overview", Title: "Design", Facts: []htmlreport.Fact{
		{Key: "sweep", Value: m.Name}, {Key: "base scenario", Value: m.Base}, {Key: "design", Value: m.Design},
		{Key: "points × replicates", Value: fmt.Sprintf("%d × %d, master seed %d", m.Points, m.Replicates, m.Seed)},
	}}
	if m.Description != "" {
		over.Text = []string{m.Description}
	}
	if len(m.Params) > 0 {
		pt := htmlreport.Table{Caption: "Parameters varied", Header: []string{"key", "values", "distribution"}}
		for _, p := range m.Params {
			pt.Rows = append(pt.Rows, []string{p.Key, paramValues(p), paramDist(p)})
		}
		over.Tables = append(over.Tables, pt)
	}
	part.sections = append(part.sections, over)
	an := htmlreport.Section{ID: "analysis", Title: "Analysis"}
	for _, f := range []string{"sobol.csv", "morris.csv", "main_effects.csv", "correlations.csv"} {
		if t, ok := csvTable(filepath.Join(dir, "analysis", f), f, 80); ok {
			an.Tables = append(an.Tables, t)
		}
	}
	if len(an.Tables) > 0 {
		part.sections = append(part.sections, an)
	}
	if figs == nil {
		var err error
		if figs, err = redrawSweepFigures(dir); err != nil {
			return nil, err
		}
	}
	if len(figs) > 0 {
		part.sections = append(part.sections, htmlreport.Section{ID: "figures", Title: "Figures", Figures: figs})
	}
	return part, nil
}

// sweepFigures are an analysis's figures for a report, inline SVG with
// captions in words; none (not nil) when it drew none.
func sweepFigures(a *sweeprun.Analysis) []htmlreport.Figure {
	figs := []htmlreport.Figure{}
	for _, f := range a.Figures {
		figs = append(figs, htmlreport.Figure{Caption: f.Caption, Type: htmlreport.SVG, Data: f.SVG})
	}
	return figs
}

// redrawSweepFigures draws a merged sweep's figures afresh as SVG for
// `insurgo report DIR` (the analysis is redone in a scratch directory
// with the default resamples; DIR is not touched). A sweep whose
// results cannot be read again falls back to the figure files in
// DIR/analysis.
func redrawSweepFigures(dir string) ([]htmlreport.Figure, error) {
	tmp, err := os.MkdirTemp("", "insurgo-sweep-report-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(tmp)
	a, err := sweeprun.Analyze(dir, sweeprun.AnalyzeOptions{Format: "svg", InlineSVG: true, Out: tmp})
	if err != nil {
		return imageFigures(filepath.Join(dir, "analysis"))
	}
	return sweepFigures(a), nil
}

// csvTable reads a CSV file as a table of at most maxRows rows, numbers
// shortened to about four significant digits.
func csvTable(path, caption string, maxRows int) (htmlreport.Table, bool) {
	f, err := os.Open(path)
	if err != nil {
		return htmlreport.Table{}, false
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil || len(recs) < 2 {
		return htmlreport.Table{}, false
	}
	t := htmlreport.Table{Caption: caption, Header: recs[0]}
	for i, row := range recs[1:] {
		if i == maxRows {
			t.Note = fmt.Sprintf("First %d of %d rows; all in %s.", maxRows, len(recs)-1, filepath.Base(path))
			break
		}
		for j, c := range row {
			if x, err := strconv.ParseFloat(c, 64); err == nil {
				row[j] = num(x)
			}
		}
		t.Rows = append(t.Rows, row)
	}
	return t, true
}

// paramValues says what values a sweep parameter takes: its levels, or
// its range.
func paramValues(p sweeprun.ParamInfo) string {
	if len(p.Levels) > 0 {
		vs := make([]string, len(p.Levels))
		for i, v := range p.Levels {
			vs[i] = num(v)
		}
		return "levels " + strings.Join(vs, ", ")
	}
	return num(p.Min) + " to " + num(p.Max)
}

// paramDist says how a sweep parameter's values are drawn.
func paramDist(p sweeprun.ParamInfo) string {
	d := p.Dist
	switch {
	case len(p.Levels) > 0:
		d = "equally likely"
	case d == "":
		d = "uniform"
	case d == "triangular":
		d += ", mode " + num(p.Mode)
	case d == "normal":
		d += fmt.Sprintf(", mean %s, s.d. %s, truncated", num(p.Mean), num(p.SD))
	}
	if p.Integer {
		d += ", integers"
	}
	return d
}
