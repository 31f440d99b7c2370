package scenarios

import (
	"errors"

	"github.com/insurgo/insurgo/internal/fileerr"
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
	// ErrOutsideRun is wrapped by warnings (Scenario.Warnings): a dated
	// setting that cannot act within the run's span.
	ErrOutsideRun = errors.New("scenarios: outside the run")
)

// Error is one problem in a scenario file: the file, the line and column
// where known, the dotted key concerned (such as "raids.per_month" or
// "region.Nangarhar.grievance") and what was expected. Column is given for
// syntax errors and for values of the wrong type (where the value
// starts). It is the error type of every input file (package fileerr).
type Error = fileerr.Error

// Errors lists every problem found in a scenario, in file order. The
// loader returns an Errors (never empty) for any scenario problem.
type Errors = fileerr.Errors

// MaxShown is the number of problems Errors.Error lists; the rest are
// counted on one more line, so that a file of thousands of unknown keys
// gives a screenful, not thousands of lines.
const MaxShown = fileerr.MaxShown
