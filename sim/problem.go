package sim

import (
	"fmt"
	"math"
	"strings"
)

// Problem is one invalid setting of a model: Key is its name as a
// scenario writes it inside the model's table, Msg what was expected and
// what was got.
type Problem struct {
	Key, Msg string
}

// String formats p as key: msg.
func (p Problem) String() string { return p.Key + ": " + p.Msg }

// Problems collects the problems a model's Validate finds, in the order
// it checks its settings.
type Problems []Problem

// Add adds a problem under key, its message formatted as by fmt.Sprintf.
func (ps *Problems) Add(key, format string, args ...any) {
	*ps = append(*ps, Problem{key, fmt.Sprintf(format, args...)})
}

// Unit adds a problem under key unless v is in [0, 1].
func (ps *Problems) Unit(key string, v float64) {
	if math.IsNaN(v) || v < 0 || v > 1 {
		ps.Add(key, "must be in [0, 1], got %g", v)
	}
}

// Err returns nil if there is no problem, else an error wrapping base
// that lists them all: "base: key: msg; key: msg".
func (ps Problems) Err(base error) error {
	if len(ps) == 0 {
		return nil
	}
	msgs := make([]string, len(ps))
	for i, p := range ps {
		msgs[i] = p.String()
	}
	return fmt.Errorf("%w: %s", base, strings.Join(msgs, "; "))
}

// Shape adds a problem under key unless name names a neighbourhood shape
// (ShapeNamed), and returns the shape.
func (ps *Problems) Shape(key, name string) Shape {
	s, ok := ShapeNamed(name)
	if !ok {
		ps.Add(key, "want %q or %q, got %q", VonNeumann, Moore, name)
	}
	return s
}
