package main

import (
	"io"

	"github.com/insurgo/insurgo/internal/report"
	"github.com/insurgo/insurgo/plots"
)

// drawRunPlots draws the default figures of a run into dir; figures with
// nothing to draw are reported on w as warnings and skipped.
func drawRunPlots(w io.Writer, s *report.Summary, dir, format string) error {
	_, err := plots.WriteDefault(s, dir, format)
	return plotWarnings(err, w)
}
