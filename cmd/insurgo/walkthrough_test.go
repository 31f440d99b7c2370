package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// walkthroughBlock is a quoted command of docs/walkthrough.md and the
// lines of its output the text quotes.
type walkthroughBlock struct {
	line   int    // of the "$ insurgo" line, 1-based
	out    string // the command's -out name (scenarios for insurgo scenarios)
	quoted []int  // indexes into the document's lines
}

// walkthroughBlocks finds, in the code blocks of the walkthrough, every
// "$ insurgo run|compare|scenarios" line, and every "$ # ...
// (docs/walkthrough.sh, NAME.txt)" line naming a table the script writes,
// and the output lines quoted under it (up to the next "$" line or the
// end of the block).
func walkthroughBlocks(lines []string) []walkthroughBlock {
	outRe := regexp.MustCompile(`-out (\S+)`)
	savedRe := regexp.MustCompile(`docs/walkthrough\.sh, (\S+)\.txt\)`)
	var bs []walkthroughBlock
	in := false
	var cur *walkthroughBlock
	for i, l := range lines {
		if strings.HasPrefix(l, "```") {
			in = !in
			cur = nil
			continue
		}
		if !in {
			continue
		}
		if strings.HasPrefix(l, "$ ") {
			cur = nil
			f := strings.Fields(l)
			if len(f) >= 2 && f[1] == "#" {
				// "$ # ... (docs/walkthrough.sh, NAME.txt)": a table the
				// script derives, such as the joined sweep points.
				if m := savedRe.FindStringSubmatch(l); m != nil {
					bs = append(bs, walkthroughBlock{line: i + 1, out: m[1]})
					cur = &bs[len(bs)-1]
				}
				continue
			}
			if len(f) < 3 || f[1] != "insurgo" {
				continue
			}
			switch f[2] {
			case "scenarios":
				bs = append(bs, walkthroughBlock{line: i + 1, out: "scenarios"})
			case "run", "compare":
				if m := outRe.FindStringSubmatch(l); m != nil {
					bs = append(bs, walkthroughBlock{line: i + 1, out: m[1]})
				}
			default:
				continue
			}
			cur = &bs[len(bs)-1]
			continue
		}
		if cur != nil && strings.TrimSpace(l) != "" {
			cur.quoted = append(cur.quoted, i)
		}
	}
	return bs
}

// The output the walkthrough (and docs/historical.md) quotes is what
// insurgo prints today: every quoted line of every run, compare and
// scenarios command appears, as it is, in the output docs/walkthrough.sh
// saved for that command. CI runs the script first and sets
// INSURGO_WALKTHROUGH_DIR to its directory; without it the test skips.
// With INSURGO_WALKTHROUGH_UPDATE=1 the quoted lines are rewritten from
// the new outputs (each matched by its first words) so the numbers can be
// refreshed after a change to the model; the prose around them must then
// be read again.
func TestWalkthroughQuotesOutput(t *testing.T) {
	dir := os.Getenv("INSURGO_WALKTHROUGH_DIR")
	if dir == "" {
		t.Skip("INSURGO_WALKTHROUGH_DIR not set: run sh docs/walkthrough.sh BIN DIR first (.ci/run does)")
	}
	update := os.Getenv("INSURGO_WALKTHROUGH_UPDATE") == "1"
	for _, doc := range []struct {
		path string
		min  int // quoted commands at least
	}{
		{"../../docs/walkthrough.md", 20},
		{"../../docs/historical.md", 7},
	} {
		t.Run(filepath.Base(doc.path), func(t *testing.T) {
			checkQuotes(t, dir, doc.path, doc.min, update)
		})
	}
}

// checkQuotes checks (or, with update, rewrites) the quoted outputs of
// the document at path against the outputs saved in dir.
func checkQuotes(t *testing.T, dir, path string, min int, update bool) {
	name := filepath.Base(path)
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(b), "\n")
	bs := walkthroughBlocks(lines)
	if len(bs) < min {
		t.Fatalf("found %d quoted commands in %s, want >= %d", len(bs), name, min)
	}
	changed := 0
	for _, blk := range bs {
		ob, err := os.ReadFile(filepath.Join(dir, blk.out+".txt"))
		if err != nil {
			t.Errorf("%s:%d: no output %s.txt from docs/walkthrough.sh: %v", name, blk.line, blk.out, err)
			continue
		}
		outLines := strings.Split(string(ob), "\n")
		have := map[string]bool{}
		for _, o := range outLines {
			have[strings.TrimRight(o, " ")] = true
		}
		from := 0
		for _, qi := range blk.quoted {
			q := strings.TrimRight(lines[qi], " ")
			if have[q] {
				continue
			}
			if !update {
				t.Errorf("%s:%d (%s): quoted line not in today's output:\n%s", name, qi+1, blk.out, q)
				continue
			}
			// The output line with the same first words, after the last match.
			key := firstWords(q)
			for j := from; j < len(outLines); j++ {
				if firstWords(outLines[j]) == key {
					lines[qi] = strings.TrimRight(outLines[j], " ")
					from = j + 1
					changed++
					break
				}
			}
			if lines[qi] == q {
				t.Errorf("%s:%d (%s): no line of today's output starts like:\n%s", name, qi+1, blk.out, q)
			}
		}
	}
	if update && changed > 0 {
		if err := os.WriteFile(path, []byte(strings.Join(lines, "\n")), 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("rewrote %d quoted lines of %s; read the prose around them again", changed, path)
	}
}

// firstWords is the label of an output line: its text before the first
// digit or bracket (a table row's name, a heading's words).
func firstWords(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.IndexAny(s, "0123456789[(-+"); i >= 0 {
		s = s[:i]
	}
	return strings.Join(strings.Fields(s), " ")
}
