package scenarios

import (
	"os"
	"strings"
	"testing"
)

// The scenario example in docs/scenarios.md is testdata/extends/sustained.toml
// (less its first comment line), which TestGoodFiles loads: the README's
// example stays a valid scenario.
func TestReadmeExampleIsTested(t *testing.T) {
	readme, err := os.ReadFile("../docs/scenarios.md")
	if err != nil {
		t.Fatal("docs/scenarios.md:", err)
	}
	s := string(readme)
	i := strings.Index(s, "# Scenario files")
	if i < 0 {
		t.Fatal(`docs/scenarios.md has no "# Scenario files" section`)
	}
	s = s[i:]
	a := strings.Index(s, "```toml\n")
	b := strings.Index(s[a+8:], "```")
	if a < 0 || b < 0 {
		t.Fatal("no toml example in the Scenario files section")
	}
	example := s[a+8 : a+8+b]
	file, err := os.ReadFile("testdata/extends/sustained.toml")
	if err != nil {
		t.Fatal(err)
	}
	want := string(file)
	want = want[strings.Index(want, "\n")+1:]
	if example != want {
		t.Errorf("docs/scenarios.md example differs from testdata/extends/sustained.toml:\n%s\nwant:\n%s", example, want)
	}
}
