package fileerr

import (
	"errors"

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
