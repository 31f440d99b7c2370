package main

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/insurgo/insurgo/internal/report"
	"github.com/insurgo/insurgo/scenarios"
)

// readmeBlocks returns the fenced code blocks of README.md in the given
// language, in order.
func readmeBlocks(t *testing.T, lang string) []string {
	t.Helper()
	b, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	re := regexp.MustCompile("(?s)```" + lang + "\n(.*?)```")
	var out []string
	for _, m := range re.FindAllStringSubmatch(string(b), -1) {
		out = append(out, m[1])
	}
	return out
}

// Every insurgo command of the README runs as written (with fewer
// replicates and no figures, to be quick), in order, in a scratch
// directory, and exits 0; its scenario example loads and runs.
func TestReadmeExamplesRun(t *testing.T) {
	if testing.Short() {
		t.Skip("runs every README command")
	}
	root, err := filepath.Abs("../../")
	if err != nil {
		t.Fatal(err)
	}
	tomls := readmeBlocks(t, "toml")
	if len(tomls) == 0 {
		t.Fatal("README has no scenario example")
	}
	var cmds [][]string
	for _, block := range readmeBlocks(t, "sh") {
		for _, line := range strings.Split(block, "\n") {
			line, _, _ = strings.Cut(line, " #")
			f := strings.Fields(line)
			if len(f) == 0 || f[0] != "insurgo" {
				continue // go run and go test are the two commands above them
			}
			cmds = append(cmds, f[1:])
		}
	}
	if len(cmds) < 12 {
		t.Fatalf("found %d insurgo commands in README's sh blocks, want the tours' (>= 12)", len(cmds))
	}
	t.Chdir(t.TempDir())
	for i, tm := range tomls {
		path := "example.toml"
		if err := os.WriteFile(path, []byte(tm), 0o644); err != nil {
			t.Fatal(err)
		}
		if _, err := scenarios.Load(path); err != nil {
			t.Fatalf("README's scenario example %d does not load: %v", i+1, err)
		}
		cmds = append(cmds, []string{"run", path, "-replicates", "4"})
	}
	for _, args := range cmds {
		args = append([]string(nil), args...)
		for j, a := range args {
			if j > 0 && args[j-1] == "-replicates" {
				args[j] = "6"
			}
			if _, err := os.Stat(filepath.Join(root, a)); err == nil && strings.Contains(a, "/") {
				args[j] = filepath.Join(root, a) // a file of the repository, such as examples/sweeps/...
			}
		}
		switch args[0] {
		case "run", "compare":
			args = append(args, "-no-plots")
		}
		code, stdout, stderr := insurgo(t, context.Background(), args...)
		if code != exitOK {
			t.Errorf("insurgo %s: exit %d\n%s%s", strings.Join(args, " "), code, stdout, stderr)
		}
	}
}

// The scenario examples of the documentation (docs/scenarios.md's, kept
// as scenarios/testdata/extends/sustained.toml, and the README's) leave
// the inputs they inherit alone: every check (a scenario input echoed
// back, such as the GDI's raids in early 2023) stays within its interval.
func TestDocExamplesKeepTheirChecks(t *testing.T) {
	if testing.Short() {
		t.Skip("runs two scenarios")
	}
	dir := t.TempDir()
	readme := filepath.Join(dir, "readme.toml")
	tomls := readmeBlocks(t, "toml")
	if len(tomls) == 0 {
		t.Fatal("README has no scenario example")
	}
	if err := os.WriteFile(readme, []byte(tomls[0]), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{"../../scenarios/testdata/extends/sustained.toml", readme} {
		out := filepath.Join(dir, filepath.Base(f)+".out")
		if code, _, stderr := insurgo(t, context.Background(), "run", f, "-replicates", "200", "-seed", "1", "-no-plots", "-out", out); code != exitOK {
			t.Fatalf("%s: %s", f, stderr)
		}
		s, err := report.ReadSummary(filepath.Join(out, "summary.json"))
		if err != nil {
			t.Fatal(err)
		}
		checks := 0
		for _, g := range s.Targets {
			if g.Kind != "check" {
				continue
			}
			checks++
			if !g.Covered {
				t.Errorf("%s: check %s: observed %g outside [%g, %g]: the example changes an input it inherits", f, g.Name, g.Observed, g.PredP05, g.PredP95)
			}
		}
		if checks == 0 {
			t.Errorf("%s: no check among the targets", f)
		}
	}
}
