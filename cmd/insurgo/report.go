package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/insurgo/insurgo/internal/atomicfile"
	"github.com/insurgo/insurgo/internal/calibrate"
	"github.com/insurgo/insurgo/internal/htmlreport"
	"github.com/insurgo/insurgo/internal/report"
	"github.com/insurgo/insurgo/internal/score"
	"github.com/insurgo/insurgo/plots"
)

var reportCmd = &command{
	name:    "report",
	summary: "gather output directories into one self-contained report.html",
	usage: `
usage: insurgo report DIR... [-out FILE.html]

Report reads the output directories of 'insurgo run', 'insurgo compare' and
'insurgo sweep analyze' (the sweep's directory) and writes one HTML file
that holds everything a reader needs, offline: the facts of each run, the
targets with their coverage and scores (CRPS, PIT), the effects with their
intervals, the figures (inline SVG, or the PNG files found), the scenario as
run (resolved.toml) and the command line and versions. Print it to PDF from
a browser for a brief. run, compare and sweep analyze write the same file
as report.html into their output directory.`,
}

func init() {
	reportCmd.run = func(ctx context.Context, args []string, e *env) error {
		fs := newFlagSet(reportCmd, e.Stdout)
		out := fs.String("out", "report.html", "the HTML file to write")
		pos, err := parseArgs(fs, args)
		if err != nil {
			return err
		}
		if len(pos) == 0 {
			return usageError("report: name at least one output directory (see 'insurgo report -h')")
		}
		r, err := buildReport(pos, nil)
		if err != nil {
			return err
		}
		if err := writeReport(*out, r); err != nil {
			return err
		}
		fmt.Fprintf(e.Stdout, "report in %s\n", *out)
		return nil
	}
}

// writeReport renders r into path, atomically.
func writeReport(path string, r *htmlreport.Report) error {
	var buf bytes.Buffer
	if err := r.Render(&buf); err != nil {
		return err
	}
	return atomicfile.WriteBytes(path, buf.Bytes())
}

// reportOf writes DIR/report.html for the output directory a command has
// just written; figs, if given, are the figures to show (rendered as SVG
// by the command) instead of the image files in the directory.
func reportOf(dir string, figs []htmlreport.Figure) error {
	r, err := buildReport([]string{dir}, figs)
	if err != nil {
		return err
	}
	r.Subtitle = "written by insurgo " + Version // dir may be a staging directory
	return writeReport(filepath.Join(dir, "report.html"), r)
}

// buildReport makes the report of output directories: the sections of
// each, in order. figs replaces the figures of a single directory.
func buildReport(dirs []string, figs []htmlreport.Figure) (*htmlreport.Report, error) {
	r := &htmlreport.Report{}
	var titles []string
	for _, dir := range dirs {
		part, err := reportDir(dir, figs, len(dirs) > 1)
		if err != nil {
			return nil, err
		}
		titles = append(titles, part.title)
		r.Sections = append(r.Sections, part.sections...)
		r.Provenance = append(r.Provenance, part.provenance...)
	}
	r.Title = strings.Join(titles, "; ")
	if len(dirs) == 1 {
		r.Subtitle = "insurgo report of " + dirs[0]
	} else {
		r.Title = "insurgo report: " + r.Title
		r.Subtitle = "from " + strings.Join(dirs, ", ")
	}
	return r, nil
}

// reportPart is what one output directory adds to a report.
type reportPart struct {
	title      string
	sections   []htmlreport.Section
	provenance []htmlreport.Fact
}

// reportDir reads one output directory, recognised by its files:
// state.json (calibrate), summary.json (run), compare.json (compare) or
// sweep.json with analysis/ (sweep). prefix puts the directory's name in front of section titles.
func reportDir(dir string, figs []htmlreport.Figure, prefix bool) (*reportPart, error) {
	var (
		part *reportPart
		err  error
	)
	switch {
	case exists(filepath.Join(dir, calibrate.FileState)):
		part, err = calibrationReport(dir)
	case exists(filepath.Join(dir, "summary.json")):
		part, err = runReport(dir, figs)
	case exists(filepath.Join(dir, "compare.json")):
		part, err = compareReport(dir, figs)
	case exists(filepath.Join(dir, "analysis")):
		part, err = sweepReport(dir, figs)
	default:
		return nil, usageError("report: %s holds no summary.json (run), compare.json (compare), analysis/ (sweep analyze) or state.json (calibrate)", dir)
	}
	if err != nil {
		return nil, err
	}
	part.provenance = append(part.provenance, manifestFacts(dir, prefix)...)
	if prefix {
		for i := range part.sections {
			part.sections[i].Title = filepath.Base(dir) + ": " + part.sections[i].Title
			part.sections[i].ID = ""
		}
	}
	return part, nil
}

func exists(path string) bool { _, err := os.Stat(path); return err == nil }

// runReport is the report of a run: overview, targets, figures, scenario.
func runReport(dir string, figs []htmlreport.Figure) (*reportPart, error) {
	s, err := report.ReadSummary(filepath.Join(dir, "summary.json"))
	if err != nil {
		return nil, err
	}
	part := &reportPart{title: fmt.Sprintf("Scenario %s", s.Scenario)}
	covered, counted := 0, 0
	for _, t := range s.Targets {
		if t.Kind != "check" {
			counted++
			if t.Covered {
				covered++
			}
		}
	}
	over := htmlreport.Section{ID: "overview", Title: "Overview"}
	if s.Description != "" {
		over.Text = append(over.Text, s.Description)
	}
	over.Facts = []htmlreport.Fact{
		{Key: "scenario", Value: s.Scenario},
		{Key: "simulated", Value: fmt.Sprintf("%s to %s (%d months)", s.Start, s.End, len(s.Months))},
		{Key: "replicates", Value: fmt.Sprintf("%d, master seed %d", s.Replicates, s.Seed)},
		{Key: "targets covered", Value: fmt.Sprintf("%d of %d observed figures lie in their 90%% predictive interval", covered, counted)},
		{Key: "scenario hash", Value: s.ScenarioHash},
		settingsFact(dir, s.Posterior, s.PosteriorHash),
	}
	part.sections = append(part.sections, over)
	if len(s.Targets) > 0 {
		part.sections = append(part.sections, targetsSection(s))
	}
	if figs == nil {
		rs, err := plots.RenderDefault(s, "svg")
		if err != nil && !errors.Is(err, plots.ErrNoData) {
			return nil, err
		}
		for _, r := range rs {
			figs = append(figs, htmlreport.Figure{Caption: r.Title, Type: htmlreport.SVG, Data: r.Data})
		}
	}
	if len(figs) > 0 {
		part.sections = append(part.sections, htmlreport.Section{ID: "figures", Title: "Figures", Figures: figs,
			Text: []string{"Bands are the 50% and 90% intervals over replicates, lines the medians; observed figures are marked where a target covers them."}})
	}
	if sec, ok := resolvedSection(dir); ok {
		part.sections = append(part.sections, sec)
	}
	return part, nil
}

// targetsSection tabulates the targets: observed against the simulated
// distribution, coverage and scores.
func targetsSection(s *report.Summary) htmlreport.Section {
	t := htmlreport.Table{
		Caption: "Targets: observed figures against the simulated distribution",
		Header:  []string{"target", "kind", "statistic", "months", "observed", "simulated median", "simulated 90%", "predictive 90%", "covered", "CRPS", "PIT"},
	}
	for _, g := range s.Targets {
		crps, pit := "n/a", "n/a"
		if p, err := score.FromCounts(g.Values, g.Counts, g.ObsSD); err == nil {
			crps = num(p.CRPS(g.Observed))
			lo, hi := p.PITRange(g.Observed)
			pit = num((lo + hi) / 2)
		}
		what := g.Statistic + " of " + g.Metric + " in " + g.Scope
		if g.Of != "" {
			what += " of " + g.Of
		}
		kind := g.Kind
		if kind == "" {
			kind = "target"
		}
		cov := "yes"
		if !g.Covered {
			cov = "no"
		}
		t.Rows = append(t.Rows, []string{g.Name, kind, strings.ReplaceAll(what, "_", " "), g.From.String() + "–" + g.To.String(),
			num(g.Observed), num(g.P50), interval(g.P05, g.P95), interval(g.PredP05, g.PredP95), cov, crps, pit})
		t.Flag = append(t.Flag, !g.Covered)
	}
	t.Note = "Predictive 90%: the simulated value plus the target's observation error; a target is covered when the observed figure lies in it. " +
		"CRPS: continuous ranked probability score of the predictive at the observed figure, in the target's units (lower is better). " +
		"PIT: the predictive's probability below the observed figure (0.5 is central; near 0 or 1 the model misses). Rows shaded: not covered. " +
		"Checks are scenario inputs echoed back, not counted in coverage."
	return htmlreport.Section{ID: "targets", Title: "Targets, coverage and scores", Tables: []htmlreport.Table{t}}
}

// resolvedSection shows the scenario(s) as run: resolved.toml, or
// resolved/*.toml of a comparison.
func resolvedSection(dir string) (htmlreport.Section, bool) {
	sec := htmlreport.Section{ID: "scenario", Title: "Scenario as run",
		Text: []string{"The resolved scenario: every file it extends merged and every -set applied. Saved as a .toml file it runs as it is: 'insurgo run FILE' reproduces these outputs with the same seed and replicates."}}
	files := []string{filepath.Join(dir, "resolved.toml")}
	more, _ := filepath.Glob(filepath.Join(dir, "resolved", "*.toml"))
	files = append(files, more...)
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			continue
		}
		rel, _ := filepath.Rel(dir, f)
		sec.Code = append(sec.Code, htmlreport.Code{Caption: rel, Text: string(b)})
	}
	return sec, len(sec.Code) > 0
}

// manifestFacts are the provenance of dir: command line, versions, time,
// from manifest.json (run, compare) or sweep.json.
func manifestFacts(dir string, prefix bool) []htmlreport.Fact {
	var m map[string]any
	for _, name := range []string{"manifest.json", "sweep.json"} {
		if b, err := os.ReadFile(filepath.Join(dir, name)); err == nil && json.Unmarshal(b, &m) == nil {
			break
		}
	}
	if m == nil {
		return nil
	}
	var out []htmlreport.Fact
	add := func(key, label string) {
		v, ok := m[key]
		if !ok {
			return
		}
		var s string
		switch x := v.(type) {
		case []any:
			parts := make([]string, len(x))
			for i, p := range x {
				parts[i] = fmt.Sprint(p)
			}
			s = strings.Join(parts, " ")
			if key == "args" {
				s = "insurgo " + s
			}
		case float64:
			s = strconv.FormatFloat(x, 'f', -1, 64)
		default:
			s = fmt.Sprint(x)
		}
		if s == "" || s == "insurgo " {
			return
		}
		if prefix {
			label = filepath.Base(dir) + ": " + label
		}
		out = append(out, htmlreport.Fact{Key: label, Value: s})
	}
	add("args", "command line")
	add("set", "settings changed with -set")
	add("version", "insurgo version")
	add("engine_version", "insurgo version")
	add("revision", "source revision")
	add("go_version", "Go")
	add("started", "started (UTC)")
	add("seconds", "seconds")
	return out
}

// imageFigures returns the figures in dir (SVG and PNG files, sorted by
// name), captioned with their names.
func imageFigures(dir string) ([]htmlreport.Figure, error) {
	var figs []htmlreport.Figure
	ents, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	for _, e := range ents {
		var typ string
		switch filepath.Ext(e.Name()) {
		case ".svg":
			typ = htmlreport.SVG
		case ".png":
			typ = htmlreport.PNG
		default:
			continue
		}
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			return nil, err
		}
		figs = append(figs, htmlreport.Figure{Caption: strings.TrimSuffix(e.Name(), filepath.Ext(e.Name())), Type: typ, Data: b})
	}
	return figs, nil
}

// svgFigures renders figures with draw into a temporary directory as SVG
// and returns them, for a report whose command wrote another format.
func svgFigures(draw func(dir string) error) ([]htmlreport.Figure, error) {
	tmp, err := os.MkdirTemp("", "insurgo-report-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(tmp)
	if err := draw(tmp); err != nil {
		return nil, err
	}
	return imageFigures(tmp)
}

// num formats x for a report: about four significant digits, whole
// numbers from 1000 on, "n/a" for NaN.
func num(x float64) string {
	switch {
	case math.IsNaN(x):
		return "n/a"
	case math.IsInf(x, 1):
		return "never"
	case math.IsInf(x, -1):
		return "−∞"
	case math.Abs(x) >= 1000:
		return strconv.FormatFloat(x, 'f', 0, 64)
	}
	return strconv.FormatFloat(x, 'g', 4, 64)
}

func interval(lo, hi float64) string { return "[" + num(lo) + ", " + num(hi) + "]" }

// settingsFact says where the settings of the run or comparison in dir
// came from, and so what its intervals include: a calibration's
// posterior (with the settings each scenario kept, from manifest.json),
// its median, or the scenarios' own values.
func settingsFact(dir, posterior, hash string) htmlreport.Fact {
	f := htmlreport.Fact{Key: "settings"}
	if posterior == "" {
		f.Value = "the scenario files' own values, one point: the intervals are chance alone"
		return f
	}
	var m struct {
		Fixed     []string `json:"posterior_fixed"`
		Point     bool     `json:"posterior_point"`
		Scenarios []struct {
			Name  string   `json:"name"`
			Fixed []string `json:"posterior_fixed"`
		} `json:"scenarios"`
	}
	if b, err := os.ReadFile(filepath.Join(dir, "manifest.json")); err == nil {
		_ = json.Unmarshal(b, &m) // a manifest that does not parse only loses the detail
	}
	if len(hash) > 12 {
		hash = hash[:12]
	}
	if m.Point {
		f.Value = fmt.Sprintf("the posterior median of calibration %s (posterior hash %s), one point: the intervals are chance alone", posterior, hash)
		return f
	}
	f.Value = fmt.Sprintf("each replicate's drawn from the posterior of calibration %s (posterior hash %s): the intervals include parameter uncertainty as well as chance", posterior, hash)
	var kept []string
	if len(m.Fixed) > 0 {
		kept = append(kept, strings.Join(m.Fixed, ", "))
	}
	for _, sc := range m.Scenarios {
		if len(sc.Fixed) > 0 {
			kept = append(kept, sc.Name+": "+strings.Join(sc.Fixed, ", "))
		}
	}
	if len(kept) > 0 {
		f.Value += "; kept at the scenario's own values: " + strings.Join(kept, "; ")
	}
	return f
}
