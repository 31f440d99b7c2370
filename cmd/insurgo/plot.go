package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/insurgo/insurgo/internal/report"
	"github.com/insurgo/insurgo/plots"
)

var plotCmd = &command{
	name:    "plot",
	summary: "redraw the figures of runs from their output directories",
	usage: `
usage: insurgo plot DIR [DIR2 ...] [flags]

Plot redraws figures from the summary.json that 'insurgo run' wrote into
DIR, without re-running anything.

With one DIR it draws the run's default figures into DIR/plots (or -out):

	fan-attacks-total        monthly attacks: median, 50% and 90% bands,
	fan-attacks-SCOPE        with the observed targets drawn over them, for
	                         each country and each scope a target counts
	tempo                    attacks per month, every month of every replicate
	where-groups             share of attacks by regional group, by month
	what-types               attack types by half-year, suicide attacks marked
	casualties-ccdf          casualties per attack, log-log, fitted power law
	strength                 fighters and cells at month end

With several DIRs it draws comparison figures, one violin per run, into
-out (default plots-compare):

	compare-tempo            attacks per month of each run
	compare-TARGET           each target the runs share, with its observed figure

Figures are 16 x 9 cm: PNG at 300 dpi (1890 x 1063 pixels), or SVG or PDF.
Existing files of the same names are replaced; each is written whole or not
at all. A figure the summary has no data for is skipped with a warning.`,
}

func init() { plotCmd.run = runPlot }

func runPlot(ctx context.Context, args []string, e *env) error {
	fs := newFlagSet(plotCmd, e.Stdout)
	format := fs.String("format", "png", "figure format: png, svg or pdf")
	out := fs.String("out", "", "output directory (default DIR/plots for one run, plots-compare for several)")
	pos, err := parseArgs(fs, args)
	if err != nil {
		return err
	}
	if len(pos) == 0 {
		return usageError("plot: no run directory given (see 'insurgo plot -h')")
	}
	if err := checkFormat(*format); err != nil {
		return err
	}
	runs := make([]*report.Summary, len(pos))
	for i, dir := range pos {
		if runs[i], err = readRunSummary(dir); err != nil {
			return err
		}
	}
	for i, r := range runs[1:] {
		if r.Start != runs[0].Start || r.End != runs[0].End {
			return usageError("plot: %s runs %s to %s but %s runs %s to %s; runs of different spans cannot share a figure's months: plot them one at a time, or compare them with 'insurgo compare'",
				pos[i+1], r.Start, r.End, pos[0], runs[0].Start, runs[0].End)
		}
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	var files []string
	dir := *out
	switch {
	case dir != "":
	case len(runs) == 1:
		dir = filepath.Join(pos[0], "plots")
	default:
		dir = "plots-compare"
	}
	if fi, err := os.Lstat(dir); err == nil && fi.Mode()&os.ModeSymlink != 0 {
		return usageError("plot: %s is a symbolic link; figures are not written through links (give -out)", dir)
	}
	err = interruptible(ctx, func() error {
		var err error
		if len(runs) == 1 {
			files, err = plots.WriteDefault(runs[0], dir, *format)
		} else {
			files, err = plots.WriteCompare(runs, dir, *format)
		}
		return err
	}, nil)
	if errors.Is(err, context.Canceled) {
		return err
	}
	for _, f := range files {
		fmt.Fprintln(e.Stdout, f)
	}
	return plotWarnings(err, e.Stderr)
}

// readRunSummary reads DIR/summary.json. A missing directory or file is a
// usage error: the argument is not a run's output directory.
func readRunSummary(dir string) (*report.Summary, error) {
	path := filepath.Join(dir, "summary.json")
	s, err := report.ReadSummary(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil, usageError("plot: %s: no summary.json; is %s an output directory of 'insurgo run'?", dir, dir)
	}
	if err != nil {
		return nil, fmt.Errorf("plot: %w", err)
	}
	return s, nil
}

// plotWarnings prints the figures skipped for want of data to w as
// warnings and returns nil; any other error is returned.
func plotWarnings(err error, w io.Writer) error {
	if err == nil || !errors.Is(err, plots.ErrNoData) {
		return err
	}
	type multi interface{ Unwrap() []error }
	errs := []error{err}
	if m, ok := err.(multi); ok {
		errs = m.Unwrap()
	}
	for _, e := range errs {
		fmt.Fprintf(w, "insurgo: warning: figure skipped: %v\n", e)
	}
	return nil
}
