package scenarios

import (
	"errors"
	"testing"
)

func TestErrorFormat(t *testing.T) {
	tests := []struct {
		e    Error
		want string
	}{
		{Error{File: "a.toml", Line: 3, Key: "raids.per_month", Msg: "must be >= 0, got -3"}, "a.toml:3: raids.per_month: must be >= 0, got -3"},
		{Error{File: "a.toml", Key: "end", Msg: "m"}, "a.toml: end: m"},
		{Error{File: "a.toml", Line: 2, Column: 5, Msg: "not valid TOML"}, "a.toml:2:5: not valid TOML"},
		{Error{Msg: "m"}, "m"},
	}
	for _, tt := range tests {
		if got := tt.e.Error(); got != tt.want {
			t.Errorf("Error() = %q, want %q", got, tt.want)
		}
	}
}

func TestErrorsIs(t *testing.T) {
	var err error = Errors{
		{File: "a", Msg: "x", Err: ErrUnknownKey},
		{File: "a", Msg: "y", Err: ErrRange},
	}
	if !errors.Is(err, ErrUnknownKey) || !errors.Is(err, ErrRange) || errors.Is(err, ErrSyntax) {
		t.Error("errors.Is does not see through Errors")
	}
	var e *Error
	if !errors.As(err, &e) || e.Msg != "x" {
		t.Error("errors.As does not find the first *Error")
	}
	if got := err.Error(); got != "a: x\na: y" {
		t.Errorf("Errors.Error() = %q", got)
	}
}
