package fileerr

import (
	"errors"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"
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

var (
	errA = errors.New("a")
	errB = errors.New("b")
	errC = errors.New("c")
)

func TestErrorsIs(t *testing.T) {
	var err error = Errors{
		{File: "a", Msg: "x", Err: errA},
		{File: "a", Msg: "y", Err: errB},
	}
	if !errors.Is(err, errA) || !errors.Is(err, errB) || errors.Is(err, errC) {
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

func TestAtAndErr(t *testing.T) {
	var es Errors
	if es.Err() != nil {
		t.Fatal("empty Errors.Err() is not nil")
	}
	ix := NewIndex("[sweep]\nsize = -1\n")
	es.At(ix, "f.toml", []string{"sweep", "size"}, "", errA, "must be >= 1, got %d", -1)
	es.At(ix, "f.toml", []string{"sweep", "seed"}, "", errA, "missing")
	es.At(nil, "f.toml", []string{"x"}, "the x", errA, "m")
	want := "f.toml:2: sweep.size: must be >= 1, got -1\nf.toml:1: sweep.seed: missing\nf.toml: the x: m"
	if got := es.Err(); got == nil || got.Error() != want {
		t.Errorf("Errors = %q, want %q", got, want)
	}
}

func TestFromTOML(t *testing.T) {
	var v map[string]any
	_, err := toml.Decode("a = 1\nb = = 2\n", &v)
	e := FromTOML("f.toml", err, errA)
	if e.Line != 2 || e.Column == 0 || !errors.Is(e, errA) || !strings.HasPrefix(e.Error(), "f.toml:2:") {
		t.Errorf("FromTOML = %+v (%q)", e, e.Error())
	}
	e = FromTOML("f.toml", errors.New("plain"), errB)
	if e.Line != 0 || e.Error() != "f.toml: plain" {
		t.Errorf("FromTOML(plain) = %q", e.Error())
	}
}
