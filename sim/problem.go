package sim

import (
	"fmt"
	"math"
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
