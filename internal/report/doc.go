// Package report defines insurgo's run outputs, summary.json, monthly.csv,
// replicates.csv and events.csv, and reads them back, so that plots and
// comparisons can be drawn from a run's directory without re-running it.
package report
