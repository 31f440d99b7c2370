package scenarios

import (
	"bytes"
	"fmt"

	"github.com/BurntSushi/toml"
)

// TOML returns the resolved scenario as one self-contained TOML file:
// every file of its extends chain merged, drops applied and any override
// of With set, with no extends left. Loading it gives a scenario with the
// same Hash, so a run's output directory keeps a copy that reproduces it
// even after the original files change. Settings the files left out are
// not written: they take the engine's defaults, as they did in the run.
func (s *Scenario) TOML() ([]byte, error) {
	if s.raw == nil {
		return nil, fmt.Errorf("scenarios: TOML needs a scenario made by Load")
	}
	doc := without(s.raw, "extends", "drop")
	var buf bytes.Buffer
	fmt.Fprintf(&buf, "# Scenario %q resolved from %s: every extends merged, overrides applied.\n", s.Name, s.Source)
	fmt.Fprintf(&buf, "# Hash %s. Settings not written here take the engine's defaults.\n\n", s.Hash)
	enc := toml.NewEncoder(&buf)
	enc.Indent = ""
	if err := enc.Encode(doc); err != nil {
		return nil, fmt.Errorf("scenarios: cannot write %s as TOML: %v", s.Name, err)
	}
	return buf.Bytes(), nil
}
