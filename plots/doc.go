// Package plots draws insurgo's figures with gonum/plot from a run's
// summary (internal/report.Summary, the content of summary.json): fan
// charts of monthly attacks with the observed targets drawn over them, the
// tempo distribution, where and what the attacks were, how bad they were
// (a log–log CCDF of casualties per attack with a fitted power law),
// strength, and comparisons of several scenarios on one window statistic.
//
// Every figure is 16 × 9 cm (a slide's aspect ratio), titled with the
// scenario, the number of replicates and the seed, uses the Okabe–Ito
// colour-blind-safe palette, and is written as PNG at 300 dpi (1890 × 1063
// pixels), SVG or PDF. Each figure has an exported constructor returning a
// *plot.Plot and an error; a figure with nothing to draw returns an error
// wrapping ErrNoData rather than a blank or misleading image. Output is a
// function of the summary alone: series, groups and types are visited in
// defined orders, never in map order.
package plots
