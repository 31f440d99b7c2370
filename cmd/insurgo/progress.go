package main

import (
	"github.com/schollz/progressbar/v3"
)

// progress is a progress bar on a terminal's stderr, and nothing otherwise.
type progress struct {
	bar *progressbar.ProgressBar
}

// newProgress returns a bar for total replicates, silent when stderr is
// not a terminal.
func newProgress(e *env, total int, label string) *progress {
	if !e.IsTerminal {
		return &progress{}
	}
	return &progress{bar: progressbar.NewOptions(total,
		progressbar.OptionSetWriter(e.Stderr),
		progressbar.OptionSetDescription(label),
		progressbar.OptionShowCount(),
		progressbar.OptionShowIts(),
		progressbar.OptionSetItsString("replicates"),
		progressbar.OptionThrottle(100_000_000),
		progressbar.OptionClearOnFinish(),
	)}
}

// set reports done replicates of total; safe to call with a nil bar.
func (p *progress) set(done, total int) {
	if p.bar != nil {
		p.bar.Set(done)
	}
}

// finish clears the bar.
func (p *progress) finish() {
	if p.bar != nil {
		p.bar.Finish()
	}
}
