package calibrate

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// FuzzParseConfig: any input gives a Config or Errors wrapping ErrFile,
// never a panic.
func FuzzParseConfig(f *testing.F) {
	f.Add([]byte(base))
	// The shipped examples and the bad calibration files of the corpus.
	files, _ := filepath.Glob("../../examples/calibration/*.toml")
	bad, _ := filepath.Glob("../../testdata/bad/calibration/*.toml")
	for _, file := range append(files, bad...) {
		if data, err := os.ReadFile(file); err == nil {
			f.Add(data)
		}
	}
	f.Add([]byte(small))
	f.Add([]byte("[calibrate]\npopulation = 0\n[[calibrate.model]]\nname = \"a\"\n"))
	f.Add([]byte("[calibrate]\nextends = \"x\"\npopulation = 5\n[[calibrate.param]]\nkey = \"a.b\"\nprior = \"beta\"\nalpha = nan\nbeta = 1\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		c, err := ParseConfig("fuzz.toml", data)
		if err != nil {
			if !errors.Is(err, ErrFile) {
				t.Fatalf("error does not wrap ErrFile: %v", err)
			}
			return
		}
		if c.Population < 1 || len(c.Params) == 0 || len(c.Models) == 0 {
			t.Fatalf("accepted a config without population, params or models: %+v", c)
		}
		for _, p := range c.Params {
			lo, hi := p.Prior.Support()
			if !(lo < hi) {
				t.Fatalf("accepted an empty support: %+v", p)
			}
			if err := p.Prior.ABCPrior().(interface{ Valid() error }).Valid(); err != nil {
				t.Fatalf("accepted a prior sim/abc rejects: %v", err)
			}
		}
	})
}
