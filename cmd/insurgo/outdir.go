package main

import (
	"errors"
	"os"

	"github.com/insurgo/insurgo/scenarios"
)

// checkFormat checks a figure format flag.
func checkFormat(f string) error {
	switch f {
	case "png", "svg", "pdf":
		return nil
	}
	return usageError("-format must be png, svg or pdf, got %q", f)
}

// prepareOutDir makes dir, refusing a non-empty one unless force.
func prepareOutDir(dir string, force bool) error {
	ents, err := os.ReadDir(dir)
	switch {
	case errors.Is(err, os.ErrNotExist):
		return os.MkdirAll(dir, 0o755)
	case err != nil:
		return err
	case len(ents) > 0 && !force:
		return usageError("output directory %s is not empty; use -force to overwrite or -out to choose another", dir)
	}
	return nil
}

// loadScenarios loads each named scenario (a shipped name or a path); a
// scenario that does not load is a usage error (exit 2).
func loadScenarios(names ...string) ([]*scenarios.Scenario, error) {
	scs := make([]*scenarios.Scenario, len(names))
	for i, name := range names {
		var err error
		if scs[i], err = scenarios.Load(name); err != nil {
			return nil, asUsage(err)
		}
	}
	return scs, nil
}
