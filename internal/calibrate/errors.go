package calibrate

import (
	"errors"
	"fmt"
	"strings"

	"github.com/insurgo/insurgo/internal/fileerr"
)

// ErrFile is wrapped by every problem in a calibration file.
var ErrFile = errors.New("calibrate: bad calibration file")

// Error is one problem in a calibration file: the file, the line where
// known (0 when not), the key concerned and what was expected.
type Error struct {
	File string
	Line int
	Key  string
	Msg  string
}

// Error formats e as "file:line: key: msg".
func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString(e.File)
	if e.Line > 0 {
		fmt.Fprintf(&b, ":%d", e.Line)
	}
	if e.Key != "" {
		b.WriteString(": " + e.Key)
	}
	b.WriteString(": " + e.Msg)
	return b.String()
}

// Unwrap returns ErrFile.
func (e *Error) Unwrap() error { return ErrFile }

// Errors lists every problem found in a calibration file, in file order.
type Errors []*Error

// Error lists the problems one per line, at most fileerr.MaxShown of
// them, then how many more there are.
func (es Errors) Error() string {
	n := min(len(es), fileerr.MaxShown)
	s := make([]string, n, n+1)
	for i, e := range es[:n] {
		s[i] = e.Error()
	}
	if len(es) > n {
		s = append(s, fmt.Sprintf("... and %d more problems (%d in all)", len(es)-n, len(es)))
	}
	return strings.Join(s, "\n")
}

// Unwrap returns the problems, for errors.Is and errors.As.
func (es Errors) Unwrap() []error {
	out := make([]error, len(es))
	for i, e := range es {
		out[i] = e
	}
	return out
}
