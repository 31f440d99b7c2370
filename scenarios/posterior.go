package scenarios

import (
	"embed"
	"io/fs"
)

// posteriors holds the calibrations shipped with scenarios: for a
// scenario NAME, posterior/NAME/ holds the calibration file
// (calibration.toml) and what `insurgo calibrate` made from it
// (posterior.csv, summary.json).
//
//go:embed posterior
var posteriors embed.FS

// Posterior returns the calibration shipped with the scenario name, as a
// file system holding its calibration.toml, posterior.csv and
// summary.json, and whether there is one.
func Posterior(name string) (fs.FS, bool) {
	sub, err := fs.Sub(posteriors, "posterior/"+name)
	if err != nil || !fs.ValidPath(name) {
		return nil, false
	}
	if _, err := fs.Stat(sub, "posterior.csv"); err != nil {
		return nil, false
	}
	return sub, true
}
