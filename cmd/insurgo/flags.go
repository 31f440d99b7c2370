package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/insurgo/insurgo/internal/textdist"
)

// errHelp is returned when -h was asked for; the help has been printed.
var errHelp = errors.New("help requested")

// usageErr is a mistake in how a command was called, or in its input
// files: it exits with status 2.
type usageErr struct{ err error }

func (u *usageErr) Error() string { return u.err.Error() }
func (u *usageErr) Unwrap() error { return u.err }

// usageError formats a usage error.
func usageError(format string, args ...any) error {
	return &usageErr{fmt.Errorf(format, args...)}
}

// asUsage marks err as a usage error (exit 2), keeping it unwrappable.
func asUsage(err error) error {
	if err == nil {
		return nil
	}
	return &usageErr{err}
}

// newFlagSet returns a flag set for c whose -h prints c's usage to w.
func newFlagSet(c *command, w io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(c.name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Usage = func() {
		fmt.Fprint(w, strings.TrimSpace(c.usage)+"\n\nFlags:\n")
		fs.SetOutput(w)
		fs.PrintDefaults()
		fs.SetOutput(io.Discard)
	}
	return fs
}

// parseArgs parses args with fs, letting flags come before or after the
// positional arguments (a "--" ends the flags). It returns the positional
// arguments. -h prints the command's help (to the writer given to
// newFlagSet, standard output for every command); a mistake prints one
// line, with the nearest flag's name when there is one, and no help.
func parseArgs(fs *flag.FlagSet, args []string) ([]string, error) {
	usage := fs.Usage
	fs.Usage = func() {} // the flag package calls it on every error
	defer func() { fs.Usage = usage }()
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				usage()
				return nil, errHelp
			}
			return nil, usageError("%s: %v%s; see 'insurgo %s -h'", fs.Name(), err, flagHint(fs, err), fs.Name())
		}
		rest := fs.Args()
		if len(rest) == 0 {
			return pos, nil
		}
		if len(args) > 0 && len(rest) < len(args) && args[len(args)-len(rest)-1] == "--" {
			return append(pos, rest...), nil
		}
		pos = append(pos, rest[0])
		args = rest[1:]
	}
}

// flagHint is " (did you mean -NAME?)" for an undefined flag close to one
// of fs's flags, or "".
func flagHint(fs *flag.FlagSet, err error) string {
	name, ok := strings.CutPrefix(err.Error(), "flag provided but not defined: ")
	if !ok {
		return ""
	}
	name = strings.TrimLeft(name, "-")
	var known []string
	fs.VisitAll(func(f *flag.Flag) { known = append(known, f.Name) })
	if k, ok := textdist.Nearest(name, known); ok {
		return fmt.Sprintf(" (did you mean -%s?)", k)
	}
	return ""
}
