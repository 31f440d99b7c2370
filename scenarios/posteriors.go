package scenarios

import (
	"embed"
	"fmt"
	"io/fs"
	"slices"

	"github.com/insurgo/insurgo/internal/textdist"
)

// posteriorFS holds the shipped calibration posteriors, one directory
// each (posteriors/NAME/posterior.csv and summary.json).
//
//go:embed posteriors
var posteriorFS embed.FS

// posteriorNames returns the names of the shipped posteriors, sorted.
func posteriorNames() []string {
	ents, _ := fs.ReadDir(posteriorFS, "posteriors")
	var out []string
	for _, e := range ents {
		if e.IsDir() {
			out = append(out, e.Name())
		}
	}
	slices.Sort(out)
	return out
}

// PosteriorFS returns the files of the shipped posterior name (what a
// scenario's posterior key names), for calibrate.LoadPosterior.
func PosteriorFS(name string) (fs.FS, error) {
	if !slices.Contains(posteriorNames(), name) {
		return nil, fmt.Errorf("%w: no shipped posterior %q%s", ErrNotFound, name, textdist.Hint(name, posteriorNames()))
	}
	return fs.Sub(posteriorFS, "posteriors/"+name)
}
