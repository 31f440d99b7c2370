package scenarios

import (
	"errors"
	"fmt"
	"strings"
)

// Sentinel errors. Every [Error] wraps one of them, so callers can test
// the kind of a problem with errors.Is, even through [Errors].
var (
	ErrNotFound   = errors.New("scenarios: not found")          // no such file or shipped scenario
	ErrSyntax     = errors.New("scenarios: syntax error")       // the file is not valid TOML
	ErrUnknownKey = errors.New("scenarios: unknown key")        // a key the format does not know
	ErrType       = errors.New("scenarios: wrong type")         // a value of the wrong TOML type
	ErrRange      = errors.New("scenarios: value out of range") // a value the model or loader rejects
	ErrExtends    = errors.New("scenarios: bad extends")        // an extends that cannot be resolved, or a cycle
	ErrDuplicate  = errors.New("scenarios: duplicate name")     // two elements of an array of tables share a name
)

// Error is one problem in a scenario file, in the manner of
// encoding/csv's ParseError. Line and Column are 1-based and 0 when
// unknown; Column is given for syntax errors and for values of the wrong
// type (where the value starts). Key is the dotted key concerned (such as "raids.per_month" or
// "region.Nangarhar.grievance"), or "" for a problem with the whole file.
type Error struct {
	File   string
	Line   int
	Column int
	Key    string
	Msg    string
	Err    error // a sentinel such as ErrUnknownKey
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

// Errors lists every problem found in a scenario, in file order. The
// loader returns an Errors (never empty) for any scenario problem.
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
