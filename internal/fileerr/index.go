package fileerr

import (
	"strconv"
	"strings"
	"unicode"
)

// Pos is a place in a file, 1-based; Line 0 means unknown. For a key
// set by a key/value line, Column is that of the value; for a table, that
// of its header.
type Pos struct{ Line, Column int }

// Locator finds where a file sets a key. path is a key split into
// segments; an element of an array of tables is named either by its
// name field or by "#n" (n from 1, in file order). Find returns the
// number of leading segments the file sets and where the deepest of them
// is set: n == len(path) means the file sets the key itself.
type Locator interface {
	Find(path []string) (n int, p Pos)
}

// Index records where a TOML document sets each key, by scanning its
// text: table headers, array-of-tables headers and key/value lines. It is
// built only for documents the TOML parser accepted (BurntSushi/toml
// reports no key positions of its own), and it is a best effort: keys
// inside inline tables or multi-line values are found at the line of the
// key that holds them. It is a Locator.
type Index struct {
	at     map[string]Pos    // resolved path ("region\x00#2\x00grievance") -> where
	arrays map[string]int    // path of an array of tables -> elements so far
	names  map[string]string // path of an array element ("region\x00#2") -> its name
}

const sep = "\x00"

// NewIndex indexes the text of a TOML document.
func NewIndex(text string) *Index {
	ix := &Index{at: map[string]Pos{}, arrays: map[string]int{}, names: map[string]string{}}
	var table []string // resolved path of the current table
	lines := strings.Split(text, "\n")
	inML := "" // the closing delimiter of an open multi-line string
	depth := 0 // open brackets of a value spanning lines
	for i, line := range lines {
		lineNo := i + 1
		if inML != "" || depth > 0 {
			inML, depth = scanValue(line, 0, inML, depth)
			continue
		}
		col := len(line) - len(strings.TrimLeft(line, " \t")) + 1
		t := strings.TrimSpace(line)
		switch {
		case t == "" || t[0] == '#':
		case strings.HasPrefix(t, "[["):
			segs, _, ok := parseKey(t, 2)
			if !ok || len(segs) == 0 {
				continue
			}
			table = ix.resolve(segs[:len(segs)-1])
			table = append(table, segs[len(segs)-1])
			arr := strings.Join(table, sep)
			ix.arrays[arr]++
			ix.set(table, Pos{lineNo, col})
			table = append(table, "#"+strconv.Itoa(ix.arrays[arr]))
			ix.set(table, Pos{lineNo, col})
		case t[0] == '[':
			segs, _, ok := parseKey(t, 1)
			if !ok || len(segs) == 0 {
				continue
			}
			table = ix.resolve(segs)
			ix.set(table, Pos{lineNo, col})
		default:
			segs, rest, ok := parseKey(t, 0)
			if !ok || len(segs) == 0 || !strings.HasPrefix(rest, "=") {
				continue
			}
			full := append(append([]string(nil), table...), segs...)
			value := strings.TrimSpace(rest[1:])
			for j := len(table) + 1; j < len(full); j++ {
				ix.set(full[:j], Pos{lineNo, col})
			}
			// A key's own position is that of its value.
			ix.set(full, Pos{lineNo, len(strings.TrimRightFunc(line, unicode.IsSpace)) - len(value) + 1})
			if len(segs) == 1 && segs[0] == "name" && len(table) > 0 && strings.HasPrefix(table[len(table)-1], "#") {
				if s, ok := parseString(value); ok {
					ix.names[strings.Join(table, sep)] = s
				}
			}
			inML, depth = scanValue(value, 0, "", 0)
		}
	}
	return ix
}

// resolve turns a header's key segments into a resolved path, stepping
// into the latest element of every array of tables on the way.
func (ix *Index) resolve(segs []string) []string {
	var out []string
	for _, s := range segs {
		out = append(out, s)
		if n := ix.arrays[strings.Join(out, sep)]; n > 0 {
			out = append(out, "#"+strconv.Itoa(n))
		}
	}
	return out
}

func (ix *Index) set(path []string, p Pos) {
	k := strings.Join(path, sep)
	if _, ok := ix.at[k]; !ok {
		ix.at[k] = p
	}
}

// Find implements Locator. A segment that follows an array of tables is
// matched against the elements' names, or taken as "#n".
func (ix *Index) Find(path []string) (int, Pos) {
	var cur []string
	n, best := 0, Pos{}
	for i, s := range path {
		arr := strings.Join(cur, sep)
		if cnt := ix.arrays[arr]; cnt > 0 && len(cur) > 0 {
			el := ""
			if strings.HasPrefix(s, "#") {
				el = s
			} else {
				for j := 1; j <= cnt; j++ {
					e := "#" + strconv.Itoa(j)
					if ix.names[arr+sep+e] == s {
						el = e
						break
					}
				}
			}
			if el == "" {
				return n, best
			}
			s = el
		}
		cur = append(cur, s)
		p, ok := ix.at[strings.Join(cur, sep)]
		if !ok {
			return n, best
		}
		n, best = i+1, p
	}
	return n, best
}

// parseKey parses a dotted TOML key at s[start:] (after skipping a
// header's opening brackets), returning its segments and the text after
// it (after the closing brackets of a header, trimmed).
func parseKey(s string, brackets int) (segs []string, rest string, ok bool) {
	i := brackets
	for {
		for i < len(s) && (s[i] == ' ' || s[i] == '\t') {
			i++
		}
		if i >= len(s) {
			return nil, "", false
		}
		switch c := s[i]; {
		case c == '"' || c == '\'':
			j := i + 1
			var b strings.Builder
			for j < len(s) && s[j] != c {
				if c == '"' && s[j] == '\\' && j+1 < len(s) {
					j++
				}
				b.WriteByte(s[j])
				j++
			}
			if j >= len(s) {
				return nil, "", false
			}
			segs = append(segs, b.String())
			i = j + 1
		case isBare(c):
			j := i
			for j < len(s) && isBare(s[j]) {
				j++
			}
			segs = append(segs, s[i:j])
			i = j
		default:
			return nil, "", false
		}
		for i < len(s) && (s[i] == ' ' || s[i] == '\t') {
			i++
		}
		if i < len(s) && s[i] == '.' {
			i++
			continue
		}
		break
	}
	rest = s[i:]
	if brackets > 0 {
		if !strings.HasPrefix(rest, strings.Repeat("]", brackets)) {
			return nil, "", false
		}
		rest = rest[brackets:]
	}
	return segs, strings.TrimSpace(rest), true
}

func isBare(c byte) bool {
	return c == '_' || c == '-' || '0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
}

// parseString reads a one-line TOML basic or literal string at the start
// of s.
func parseString(s string) (string, bool) {
	if len(s) < 2 {
		return "", false
	}
	switch s[0] {
	case '"':
		if strings.HasPrefix(s, `"""`) {
			return "", false
		}
		end := 1
		for end < len(s) && s[end] != '"' {
			if s[end] == '\\' {
				end++
			}
			end++
		}
		if end >= len(s) {
			return "", false
		}
		v, err := strconv.Unquote(s[:end+1])
		return v, err == nil
	case '\'':
		if strings.HasPrefix(s, "'''") {
			return "", false
		}
		end := strings.IndexByte(s[1:], '\'')
		if end < 0 {
			return "", false
		}
		return s[1 : end+1], true
	}
	return "", false
}

// scanValue scans the value text s from i, given the state carried over
// from earlier lines (an open multi-line string's delimiter, the depth of
// open brackets), and returns the state at the end of the line.
func scanValue(s string, i int, inML string, depth int) (string, int) {
	for i < len(s) {
		if inML != "" {
			j := strings.Index(s[i:], inML)
			if j < 0 {
				return inML, depth
			}
			i += j + 3
			inML = ""
			continue
		}
		switch c := s[i]; c {
		case '#':
			return "", depth
		case '"', '\'':
			d := strings.Repeat(string(c), 3)
			if strings.HasPrefix(s[i:], d) {
				inML = d
				i += 3
				continue
			}
			j := i + 1
			for j < len(s) && s[j] != c {
				if c == '"' && s[j] == '\\' {
					j++
				}
				j++
			}
			i = j + 1
		case '[', '{':
			depth++
			i++
		case ']', '}':
			if depth > 0 {
				depth--
			}
			i++
		default:
			i++
		}
	}
	return inML, depth
}
