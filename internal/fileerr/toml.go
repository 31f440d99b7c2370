package fileerr

import (
	"errors"
	"regexp"

	"github.com/BurntSushi/toml"
)

// FromTOML turns an error of BurntSushi/toml's decoder into an Error of
// file that wraps sentinel: a toml.ParseError gives its line, column,
// last key and message; any other error its text alone.
func FromTOML(file string, err error, sentinel error) *Error {
	e := &Error{File: file, Msg: err.Error(), Err: sentinel}
	var pe toml.ParseError
	if errors.As(err, &pe) {
		e.Line, e.Column = pe.Position.Line, pe.Position.Col
		e.Key = pe.LastKey
		e.Msg = pe.Message
	}
	return e
}

// syntaxValueRE matches what a TOML syntax message quotes of the file.
var syntaxValueRE = regexp.MustCompile(`(found|got) ("[^"]*"|'[^']*'|\S+)`)

// RedactSyntax removes from a TOML syntax error's message the text it
// quotes from the file ("expected value but found \"hunter2\"" becomes
// "... found something else"): a file that is not valid TOML may be any
// file the user can read, and its content is not echoed.
func RedactSyntax(msg string) string {
	return syntaxValueRE.ReplaceAllString(msg, "$1 something else")
}
