package fileerr

import (
	"fmt"
	"strings"
)

// Error is one problem in an input file. Line and Column are 1-based and
// 0 when unknown. Key is the dotted key concerned (such as
// "raids.per_month" or "region.Nangarhar.grievance"), or "" for a problem
// with the whole file.
type Error struct {
	File   string
	Line   int
	Column int
	Key    string
	Msg    string
	Err    error // a sentinel of the package that found the problem
}

// Error formats e as "file:line:column: key: msg", leaving out the parts
// that are unknown.
func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString(e.File)
	if e.Line > 0 {
		fmt.Fprintf(&b, ":%d", e.Line)
		if e.Column > 0 {
			fmt.Fprintf(&b, ":%d", e.Column)
		}
	}
	if e.Key != "" {
		if b.Len() > 0 {
			b.WriteString(": ")
		}
		b.WriteString(e.Key)
	}
	if b.Len() > 0 {
		b.WriteString(": ")
	}
	b.WriteString(e.Msg)
	return b.String()
}

// Unwrap returns the sentinel e wraps.
func (e *Error) Unwrap() error { return e.Err }

// Errors lists every problem found in a file, in the order found (or
// sorted by the caller). A parser returns a non-empty Errors, or nil.
type Errors []*Error

// MaxShown is the number of problems Errors.Error lists; the rest are
// counted on one more line, so that a file of thousands of unknown keys
// gives a screenful, not thousands of lines.
const MaxShown = 50

// Error lists the problems one per line, at most MaxShown of them, then
// how many more there are.
func (es Errors) Error() string {
	n := min(len(es), MaxShown)
	lines := make([]string, n, n+1)
	for i, e := range es[:n] {
		lines[i] = e.Error()
	}
	if len(es) > n {
		lines = append(lines, fmt.Sprintf("... and %d more problems (%d in all)", len(es)-n, len(es)))
	}
	return strings.Join(lines, "\n")
}

// Unwrap returns the problems, so that errors.Is and errors.As look
// through every one of them.
func (es Errors) Unwrap() []error {
	out := make([]error, len(es))
	for i, e := range es {
		out[i] = e
	}
	return out
}

// Add appends a problem at a known line (0 when unknown).
func (es *Errors) Add(file string, line int, key string, sentinel error, format string, args ...any) {
	*es = append(*es, &Error{File: file, Line: line, Key: key, Msg: fmt.Sprintf(format, args...), Err: sentinel})
}

// At appends a problem with the key path, placed at the line where loc
// finds the deepest part of path that the file sets (0 when it sets
// none). The key is written as the path joined with dots, unless key is
// given.
func (es *Errors) At(loc Locator, file string, path []string, key string, sentinel error, format string, args ...any) {
	line := 0
	if loc != nil {
		_, p := loc.Find(path)
		line = p.Line
	}
	if key == "" {
		key = strings.Join(path, ".")
	}
	es.Add(file, line, key, sentinel, format, args...)
}

// Err returns es as an error, or nil when it is empty (so that a nil
// Errors is never returned as a non-nil error).
func (es Errors) Err() error {
	if len(es) == 0 {
		return nil
	}
	return es
}
