package main

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// corpusCase is one bad input of testdata/bad: its first line is
// "# want: exit N: FRAGMENT", the exit status and a fragment of the
// message expected.
type corpusCase struct {
	file, kind string
	code       int
	fragment   string
	body       string // the rest of the file
}

func readCorpusCase(t *testing.T, file, kind string) corpusCase {
	t.Helper()
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	first, rest, _ := strings.Cut(string(b), "\n")
	spec, ok := strings.CutPrefix(first, "# want: exit ")
	code, frag, ok2 := strings.Cut(spec, ": ")
	n, err := strconv.Atoi(code)
	if !ok || !ok2 || err != nil || frag == "" {
		t.Fatalf("%s: first line %q, want \"# want: exit N: FRAGMENT\"", file, first)
	}
	return corpusCase{file: file, kind: kind, code: n, fragment: frag, body: rest}
}

// splitArgs splits a flag-set line on blanks; "" is an empty argument.
func splitArgs(line string) []string {
	var out []string
	sc := bufio.NewScanner(strings.NewReader(line))
	sc.Split(bufio.ScanWords)
	for sc.Scan() {
		w := sc.Text()
		if w == `""` {
			w = ""
		}
		out = append(out, w)
	}
	return out
}

// TestBadInputCorpus runs every bad input of testdata/bad (issue 11:
// scenarios, sweep files, calibration files and flag sets) through the
// command line and checks its exit status and a fragment of its message;
// a bad input never writes an output directory, and no message names a
// Go package or echoes what a file that is not TOML holds. It prints the
// counts that docs/reliability.md reports.
func TestBadInputCorpus(t *testing.T) {
	root := "../../testdata/bad"
	counts := map[string]int{}
	var kinds = []string{"scenarios", "sweeps", "calibration", "flags"}
	total := 0
	for _, kind := range kinds {
		ext := ".toml"
		if kind == "flags" {
			ext = ".args"
		}
		files, err := filepath.Glob(filepath.Join(root, kind, "*"+ext))
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range files {
			c := readCorpusCase(t, f, kind)
			counts[kind]++
			total++
			t.Run(kind+"/"+filepath.Base(f), func(t *testing.T) {
				tmp := t.TempDir()
				out := filepath.Join(tmp, "out")
				var runs [][]string
				switch kind {
				case "scenarios":
					runs = [][]string{{"validate", f}, {"run", f, "-replicates", "2", "-out", out}}
				case "sweeps":
					runs = [][]string{{"sweep", "plan", f, "-out", out}}
				case "calibration":
					runs = [][]string{{"calibrate", f, "-out", out}}
				case "flags":
					file := filepath.Join(tmp, "file")
					os.WriteFile(file, []byte("x"), 0o644)
					line := strings.NewReplacer("{tmp}", tmp, "{file}", file).Replace(strings.TrimSpace(c.body))
					runs = [][]string{splitArgs(line)}
				}
				for _, args := range runs {
					code, _, stderr := insurgo(t, context.Background(), args...)
					if code != c.code || !strings.Contains(stderr, c.fragment) {
						t.Errorf("insurgo %s: exit %d, want %d with %q; stderr:\n%s", strings.Join(args, " "), code, c.code, c.fragment, firstLines(stderr, 5))
					}
					for _, bad := range []string{"sweep: sweep:", "sweeprun:", "scenarios:", "hunter", "panic", "goroutine "} {
						if strings.Contains(stderr, bad) {
							t.Errorf("insurgo %s: message holds %q:\n%s", strings.Join(args, " "), bad, firstLines(stderr, 5))
						}
					}
					if _, err := os.Stat(out); err == nil {
						t.Errorf("insurgo %s: wrote %s for a bad input", strings.Join(args, " "), out)
					}
				}
			})
		}
	}
	if total < 100 {
		t.Errorf("%d bad inputs, want at least 100", total)
	}
	var parts []string
	for _, k := range kinds {
		parts = append(parts, fmt.Sprintf("%d %s", counts[k], k))
	}
	fmt.Printf("bad-input corpus: %d inputs (%s), each checked for its exit status and message\n", total, strings.Join(parts, ", "))
}

func firstLines(s string, n int) string {
	lines := strings.SplitN(s, "\n", n+1)
	if len(lines) > n {
		lines = append(lines[:n], "...")
	}
	return strings.Join(lines, "\n")
}
