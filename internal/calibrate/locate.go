package calibrate

import (
	"regexp"
	"strings"

	"github.com/BurntSushi/toml"
)

// locator finds the lines of tables and keys in a calibration file, for
// error messages (the TOML decoder does not report them).
type locator struct {
	lines []string
}

func newLocator(text string) *locator { return &locator{lines: strings.Split(text, "\n")} }

var headerRE = regexp.MustCompile(`^\s*\[\[?\s*([A-Za-z0-9_.\s"-]+?)\s*\]\]?`)

// header returns the table named by line s, or "" and false.
func header(s string) (string, bool) {
	m := headerRE.FindStringSubmatch(s)
	if m == nil {
		return "", false
	}
	return strings.ReplaceAll(strings.ReplaceAll(m[1], " ", ""), `"`, ""), true
}

// nth returns the line of the n-th (0-based) [[table]] header, 0 if none.
func (l *locator) nth(table string, n int) int {
	for i, s := range l.lines {
		if h, ok := header(s); ok && strings.HasPrefix(strings.TrimSpace(s), "[[") && h == table {
			if n == 0 {
				return i + 1
			}
			n--
		}
	}
	return 0
}

// keyIn returns the line of key within the n-th [[table]] element
// (n < 0: within the [table] table), 0 if not found.
func (l *locator) keyIn(table string, n int, key string) int {
	keyRE := regexp.MustCompile(`^\s*"?` + regexp.QuoteMeta(key) + `"?\s*=`)
	in, seen := false, -1
	for i, s := range l.lines {
		if h, ok := header(s); ok {
			isArr := strings.HasPrefix(strings.TrimSpace(s), "[[")
			switch {
			case n < 0:
				in = h == table && !isArr
			case isArr && h == table:
				seen++
				in = seen == n
			default:
				in = false
			}
			continue
		}
		if in && keyRE.MatchString(s) {
			return i + 1
		}
	}
	if n >= 0 {
		return l.nth(table, n)
	}
	return 0
}

// key returns the line of an undecoded key: the key's own line within its
// table where found, else the table's header line.
func (l *locator) key(k toml.Key) int {
	if len(k) == 0 {
		return 0
	}
	table := strings.Join(k[:len(k)-1], ".")
	last := k[len(k)-1]
	keyRE := regexp.MustCompile(`^\s*"?` + regexp.QuoteMeta(last) + `"?\s*=`)
	cur := ""
	for i, s := range l.lines {
		if h, ok := header(s); ok {
			cur = h
			if cur == strings.Join(k, ".") {
				return i + 1
			}
			continue
		}
		if cur == table && keyRE.MatchString(s) {
			return i + 1
		}
	}
	return 0
}
