package scenarios

import (
	"fmt"
	"math"
	"reflect"
	"strings"
	"time"

	"github.com/insurgo/insurgo/internal/fileerr"
	"github.com/insurgo/insurgo/internal/textdist"
)

// overrideFile is how errors name the overrides given to With.
const overrideFile = "override"

// With returns a copy of s with the given settings overridden, checked
// and validated as if the scenario's file had set them: for sweeps. Keys
// are dotted paths as in the file: "raids.per_month" for per_month in
// [raids], "region.Nangarhar.grievance" for grievance in the [[region]]
// named Nangarhar, "target.attacks_2022.observed" and so on. Values are Go
// values of the key's type: any integer or float type for numbers,
// string, bool, time.Time for start and end, and slices or
// map[string]any of those. s itself is unchanged.
func (s *Scenario) With(overrides map[string]any) (*Scenario, error) {
	if s.raw == nil {
		return nil, Errors{{File: overrideFile, Msg: "With needs a scenario made by Load", Err: ErrNotFound}}
	}
	raw := deepCopy(s.raw).(map[string]any)
	set := overrideSet{}
	var errs Errors
	for _, k := range sortedKeys(overrides) {
		segs := strings.Split(k, ".")
		set[k] = true
		v, err := rawValue(overrides[k])
		if err == nil {
			err = setPath(raw, segs, v)
		}
		if err != nil {
			e := err.(*Error)
			e.File, e.Key = overrideFile, k
			errs = append(errs, e)
		}
	}
	if errs != nil {
		return nil, errs
	}
	ch := append([]*source{{file: overrideFile, id: overrideFile, index: set}}, s.chain...)
	out, err := build(raw, ch, &problems{})
	if err != nil {
		return nil, err
	}
	out.Source = s.Source // out.chain keeps the overrides, for errors of a later With
	return out, nil
}

// overrideSet is the locator of With's overrides: it sets exactly the
// keys given, at no line.
type overrideSet map[string]bool

// Find implements fileerr.Locator.
func (o overrideSet) Find(path []string) (int, fileerr.Pos) {
	for n := len(path); n > 0; n-- {
		if o[strings.Join(path[:n], ".")] {
			return n, fileerr.Pos{}
		}
	}
	return 0, fileerr.Pos{}
}

// setPath sets the value at a dotted key of a raw document, creating
// tables on the way; a segment after an array of tables names one of its
// elements.
func setPath(m map[string]any, segs []string, v any) error {
	if segs[0] == "extends" {
		return &Error{Msg: "cannot be overridden: the scenario is already resolved", Err: ErrExtends}
	}
	cur := m
	for i := 0; i < len(segs)-1; i++ {
		s := segs[i]
		switch x := cur[s].(type) {
		case map[string]any:
			cur = x
		case nil:
			t := map[string]any{}
			cur[s] = t
			cur = t
		case []map[string]any:
			i++
			name := segs[i]
			var el map[string]any
			var names []string
			for _, e := range x {
				n, _ := e["name"].(string)
				names = append(names, n)
				if n == name {
					el = e
				}
			}
			if el == nil {
				return &Error{Msg: fmt.Sprintf("no [[%s]] named %q%s", s, name, textdist.Hint(name, names)), Err: ErrUnknownKey}
			}
			if i == len(segs)-1 {
				return &Error{Msg: fmt.Sprintf("names a whole [[%s]]; override one of its keys", s), Err: ErrType}
			}
			cur = el
		default:
			return &Error{Msg: fmt.Sprintf("%s is %s, not a table", strings.Join(segs[:i+1], "."), describe(x)), Err: ErrType}
		}
	}
	cur[segs[len(segs)-1]] = v
	return nil
}

// rawValue converts a Go value to the form of a raw document.
func rawValue(v any) (any, error) {
	rv := reflect.ValueOf(v)
	if !rv.IsValid() {
		return nil, &Error{Msg: "nil value", Err: ErrType}
	}
	if t, ok := v.(time.Time); ok {
		return t, nil
	}
	switch rv.Kind() {
	case reflect.String:
		return rv.String(), nil
	case reflect.Bool:
		return rv.Bool(), nil
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return rv.Int(), nil
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		u := rv.Uint()
		if u > math.MaxInt64 {
			return nil, &Error{Msg: fmt.Sprintf("%d is too large", u), Err: ErrRange}
		}
		return int64(u), nil
	case reflect.Float32, reflect.Float64:
		return rv.Float(), nil
	case reflect.Slice, reflect.Array:
		out := make([]any, rv.Len())
		for i := range out {
			e, err := rawValue(rv.Index(i).Interface())
			if err != nil {
				return nil, err
			}
			out[i] = e
		}
		return normalize(out), nil
	case reflect.Map:
		if rv.Type().Key().Kind() != reflect.String {
			break
		}
		out := map[string]any{}
		it := rv.MapRange()
		for it.Next() {
			e, err := rawValue(it.Value().Interface())
			if err != nil {
				return nil, err
			}
			out[it.Key().String()] = e
		}
		return out, nil
	}
	return nil, &Error{Msg: fmt.Sprintf("unsupported value of type %T", v), Err: ErrType}
}
