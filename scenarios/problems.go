package scenarios

import (
	"fmt"
	"slices"
	"strings"

	"github.com/insurgo/insurgo/internal/fileerr"
)

// problems collects the errors of one load, placing each in the file
// (and at the line) that sets the key concerned.
type problems struct {
	errs  []*Error
	keys  map[string]bool
	warns []*Error // placed like errors, but they do not stop a load
}

func (p *problems) push(e *Error) {
	if p.keys == nil {
		p.keys = map[string]bool{}
	}
	if e.Key != "" {
		k := e.Key + "\x00" + e.Msg
		if p.keys[k] {
			return
		}
		p.keys[k] = true
		p.keys[e.Key] = true
	}
	p.errs = append(p.errs, e)
}

// reported reports whether a problem with key was already found.
func (p *problems) reported(key string) bool { return p.keys[key] }

// add records a problem found in the file src itself.
func (p *problems) add(src *source, key, loc []string, err error, msg string) {
	lp := lookupPath(loc)
	n, at := src.index.Find(lp)
	e := &Error{File: src.file, Line: at.Line, Key: strings.Join(key, "."), Msg: msg, Err: err}
	if err == ErrType && n == len(lp) {
		e.Column = at.Column // where the value of the wrong type starts
	}
	p.push(e)
}

// place records a problem of the resolved scenario, in the file of the
// chain that sets the most of its key (the most derived one on a tie),
// or in the most derived file without a line when none sets any of it.
// A later problem with the key of an earlier one is dropped, so a value
// the decoder rejected is not reported again by validation.
func (p *problems) place(ch []*source, key []string, err error, msg string) {
	k := strings.Join(key, ".")
	if p.reported(k) {
		return
	}
	best, bestN, bestAt := 0, 0, fileerr.Pos{}
	for i, src := range ch {
		if n, at := src.index.Find(lookupPath(key)); n > bestN {
			best, bestN, bestAt = i, n, at
		}
	}
	p.push(&Error{File: ch[best].file, Line: bestAt.Line, Key: k, Msg: msg, Err: err})
}

// warn records a warning of the resolved scenario, placed as place
// places a problem.
func (p *problems) warn(ch []*source, key []string, err error, msg string) {
	var w problems
	w.place(ch, key, err, msg)
	p.warns = append(p.warns, w.errs...)
}

// placef is place with a formatted message.
func (p *problems) placef(ch []*source, key []string, err error, format string, args ...any) {
	p.place(ch, key, err, fmt.Sprintf(format, args...))
}

// sorted returns the errors ordered by file (most derived first), then
// line; errors without a line come last in their file, in the order found.
func (p *problems) sorted(ch []*source) Errors { return sortErrors(p.errs, ch) }

// sortedWarnings returns the warnings in the order of sorted.
func (p *problems) sortedWarnings(ch []*source) Errors { return sortErrors(p.warns, ch) }

func sortErrors(es []*Error, ch []*source) Errors {
	if len(es) == 0 {
		return nil
	}
	rank := map[string]int{}
	for i, src := range ch {
		if _, ok := rank[src.file]; !ok {
			rank[src.file] = i
		}
	}
	out := Errors(slices.Clone(es))
	slices.SortStableFunc(out, func(a, b *Error) int {
		if c := rank[a.File] - rank[b.File]; c != 0 {
			return c
		}
		la, lb := a.Line, b.Line
		if la == 0 {
			la = 1 << 30
		}
		if lb == 0 {
			lb = 1 << 30
		}
		if la != lb {
			return la - lb
		}
		return a.Column - b.Column
	})
	return out
}

// lookupPath turns a key into segments the line index knows: "links[0]"
// becomes "links".
func lookupPath(key []string) []string {
	out := make([]string, len(key))
	for i, s := range key {
		if j := strings.IndexByte(s, '['); j > 0 && strings.HasSuffix(s, "]") {
			s = s[:j]
		}
		out[i] = s
	}
	return out
}
