package scenarios

import (
	"strings"
	"time"
)

// Value returns the setting at a dotted key path, as With takes it
// ("posture.choice", "raid_phase.routine-2022.quality"), as the resolved
// scenario's files set it, and whether any of them sets it. A key that no
// file in the extends chain sets has its model's default, and Value
// reports it as not set. The value is in the form a TOML file gives:
// int64, float64, string, bool, time.Time or slices and tables of those.
func (s *Scenario) Value(key string) (any, bool) {
	return lookup(s.raw, key)
}

// lookup returns the value at a dotted key of a raw document; a segment
// after an array of tables names one of its elements.
func lookup(raw map[string]any, key string) (any, bool) {
	if raw == nil {
		return nil, false
	}
	var cur any = raw
	for _, seg := range strings.Split(key, ".") {
		switch x := cur.(type) {
		case map[string]any:
			v, ok := x[seg]
			if !ok {
				return nil, false
			}
			cur = v
		case []map[string]any:
			var el map[string]any
			for _, e := range x {
				if n, _ := e["name"].(string); n == seg {
					el = e
				}
			}
			if el == nil {
				return nil, false
			}
			cur = el
		default:
			return nil, false
		}
	}
	return cur, true
}

// SetBelow reports whether key is set by a file of s's extends chain
// that comes before the scenario named base (s's own file first, and
// any -set or With overrides), and whether base is in the chain at all.
// base is a shipped scenario's name or a file's path. For a scenario
// that extends historical, SetBelow("historical", "posture.choice") says
// whether the scenario chose the posture itself, whatever the value.
func (s *Scenario) SetBelow(base, key string) (set, found bool) {
	id := ""
	if !shippedName(base) {
		id = fileID(base)
	}
	for _, src := range s.chain {
		if src.id == id || (src.shipped && strings.TrimSuffix(src.file, ".toml") == base) {
			return set, true
		}
		if o, ok := src.index.(overrideSet); ok && o[key] {
			set = true // With's (and -set's) overrides
		}
		if _, ok := lookup(src.raw, key); ok {
			set = true
		}
	}
	return set, false
}

// SameValue reports whether s and t have the same setting at key: both
// leave it at the default, or both set it to equal values (numbers
// compared as numbers, so 1 and 1.0 are the same).
func SameValue(s, t *Scenario, key string) bool {
	a, aok := s.Value(key)
	b, bok := t.Value(key)
	if aok != bok {
		return false
	}
	return !aok || sameRaw(a, b)
}

// sameRaw compares two values of a raw document.
func sameRaw(a, b any) bool {
	if x, ok := number(a); ok {
		y, ok := number(b)
		return ok && x == y
	}
	switch x := a.(type) {
	case string, bool:
		return a == b
	case time.Time:
		y, ok := b.(time.Time)
		return ok && x.Equal(y)
	case []any:
		y, ok := b.([]any)
		if !ok || len(x) != len(y) {
			return false
		}
		for i := range x {
			if !sameRaw(x[i], y[i]) {
				return false
			}
		}
		return true
	case map[string]any:
		y, ok := b.(map[string]any)
		if !ok || len(x) != len(y) {
			return false
		}
		for k, v := range x {
			if w, ok := y[k]; !ok || !sameRaw(v, w) {
				return false
			}
		}
		return true
	}
	return false
}

// number returns a raw number as a float64.
func number(v any) (float64, bool) {
	switch x := v.(type) {
	case int64:
		return float64(x), true
	case float64:
		return x, true
	}
	return 0, false
}

// ShippedAncestor returns the name of the nearest scenario in s's extends
// chain, s itself first, that ships a posterior (Posterior), and whether
// there is one: the calibration a scenario that extends historical
// inherits.
func (s *Scenario) ShippedAncestor() (string, bool) {
	for _, src := range s.chain {
		if !src.shipped {
			continue
		}
		name := strings.TrimSuffix(src.file, ".toml")
		if _, ok := Posterior(name); ok {
			return name, true
		}
	}
	return "", false
}
