package scenarios

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The resolved TOML of every shipped scenario, and of one with an
// override, loads on its own (no extends) to a scenario of the same hash.
func TestResolvedTOMLRoundTrip(t *testing.T) {
	dir := t.TempDir()
	for _, info := range Shipped() {
		name := info.Name
		s, err := Load(name)
		if err != nil {
			t.Fatal(err)
		}
		check := func(s *Scenario, label string) {
			b, err := s.TOML()
			if err != nil {
				t.Fatalf("%s: %v", label, err)
			}
			if strings.Contains(string(b), "\nextends") {
				t.Errorf("%s: resolved TOML still extends", label)
			}
			path := filepath.Join(dir, label+".toml")
			if err := os.WriteFile(path, b, 0o644); err != nil {
				t.Fatal(err)
			}
			back, err := Load(path)
			if err != nil {
				t.Fatalf("%s: resolved TOML does not load: %v\n%s", label, err, b)
			}
			if back.Hash != s.Hash {
				t.Errorf("%s: hash %s after the round trip, want %s", label, back.Hash, s.Hash)
			}
			if back.Name != s.Name {
				t.Errorf("%s: name %q after the round trip, want %q", label, back.Name, s.Name)
			}
		}
		check(s, name)
		ov := map[string]any{"attacks.rate": 0.123}
		switch s.Model {
		case ModelCivil:
			ov = map[string]any{"civil.legitimacy": 0.5}
		case ModelIntergroup:
			ov = map[string]any{"intergroup.legitimacy_blue": 0.5}
		}
		o, err := s.With(ov)
		if err != nil {
			t.Fatal(err)
		}
		if o.Hash == s.Hash {
			t.Fatalf("%s: override did not change the hash", name)
		}
		check(o, name+"-override")
	}
}
