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
		at := map[string]int{} // line -> its first index
		for j, o := range outLines {
			o = strings.TrimRight(o, " ")
			if _, ok := at[o]; !ok {
				at[o] = j
			}
		}
		from := 0
		for _, qi := range blk.quoted {
			q := strings.TrimRight(lines[qi], " ")
			if j, ok := at[q]; ok {
				from = max(from, j+1)
				continue
			}
			if !update {
				t.Errorf("%s:%d (%s): quoted line not in today's output:\n%s", name, qi+1, blk.out, q)
				continue
			}
			// The output line of the same shape (numbers aside), if only
			// one has it; else the next with the same first words.
			if j := matchLine(q, outLines, from); j >= 0 {
				lines[qi] = strings.TrimRight(outLines[j], " ")
				from = j + 1
				changed++
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

// numberRe matches a number as the outputs print it (with a sign, a
// decimal point, a thousands comma or a percent sign).
var numberRe = regexp.MustCompile(`[-+]?[0-9][0-9.,]*%?`)

// shape is a line with its numbers replaced, its spaces collapsed: two
// printings of the same table row share it.
func shape(s string) string {
	return strings.Join(strings.Fields(numberRe.ReplaceAllString(s, "#")), " ")
}

// matchLine returns the index of the output line that a quoted line q
// became: the only line of the same shape, or else the first line from
// index from on with the same first words; -1 if none.
func matchLine(q string, out []string, from int) int {
	found := -1
	for j, o := range out {
		if shape(o) == shape(q) {
			if found >= 0 {
				found = -1
				break
			}
			found = j
		}
	}
	if found >= 0 {
		return found
	}
	key := firstWords(q)
	if key == "" {
		return -1
	}
	for j := from; j < len(out); j++ {
		if firstWords(out[j]) == key {
			return j
		}
	}
	return -1
}

// firstWords is the label of an output line: its words before the first
// that starts with a digit, bracket or sign (a table row's name, a
// heading's words), or its first word if that is a number (a year's row).
func firstWords(s string) string {
	f := strings.Fields(s)
	if len(f) > 0 && strings.IndexAny(f[0][:1], "0123456789") == 0 {
		return f[0]
	}
	for i, w := range f {
		if strings.IndexAny(w[:1], "0123456789[(-+") == 0 {
			f = f[:i]
			break
		}
	}
	return strings.Join(f, " ")
}

// A quoted line is matched to what it became by its shape, then by its
// first words: a target row whose figures and verdict changed, a summary
// line that starts with a number.
func TestWalkthroughMatchLine(t *testing.T) {
	out := []string{
		"                  attacks-2022  target       217     255        12     114    394      yes",
		"     af-provinces-sep-dec-2021  target         9      11         1    6.25   17.5      yes",
		"11 of 11 targets covered; checks (scenario inputs, not counted): 1 of 2 within their interval",
		"slowdown     107/1000  0.535      0.510    0.527   4.049",
		"  2021       4    32.4 [29]          29.9 [27.5]   2.3 [2]",
		"  2022      12  16.8 [13.5]          13.3 [10.5]   3.3 [2]",
	}
	for _, tc := range []struct {
		q    string
		want int
	}{
		{"                  attacks-2022  target       217     227        12       132    342      yes", 0},
		{"     af-provinces-sep-dec-2021  target         9      13         1      9.58   17.4       no", 1},
		{"10 of 11 targets covered; checks (scenario inputs, not counted): 1 of 2 within their interval", 2},
		{"slowdown     119/1000  0.595      0.680    0.580   4.326", 3},
		{"degradation  81/1000   0.405      0.320    0.420   4.51", -1},
		{"       af-attacks-sep-dec-2021  target       119     121        12      73.8    174      no", -1},
		{"  2022      12  19.3 [17]            16.1 [14]   3.0 [2]", 5},
	} {
		if got := matchLine(tc.q, out, 0); got != tc.want {
			t.Errorf("matchLine(%q) = %d, want %d", tc.q, got, tc.want)
		}
	}
}
