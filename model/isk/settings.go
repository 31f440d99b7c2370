package isk

import (
	"fmt"
	"math"
	"reflect"
	"strconv"
	"strings"
	"sync"

	"github.com/insurgo/insurgo/sim"
)

// Every setting of Params is declared once, on its struct field, in the
// manner of restic's internal/options:
//
//	Rate float64 `toml:"rate" default:"0.01" range:"[0,)" bound:"MaxAttackRate" help:"attacks per fighter-month at full tempo"`
//
// toml is the key; default the value Default gives it (tables only; the
// fields of arrays of tables start from zero); range the values it may
// take, as an interval ("[0,1]", "(0,1]", "[1,)", "(0,)"); bound the name
// of one of the upper bounds of bounds.go that caps what scales work or
// memory; why a reason appended to the range's error message; help a
// one-line description. Default, Validate's range checks, Range and the
// key reference in docs/scenario-keys.md (WriteKeyReference) are all
// derived from these tags.

// Setting is one declared setting: a key of a scenario file with its
// default, range and help.
type Setting struct {
	// Key is the dotted key: "raids.per_month" for a table's key,
	// "region.grievance" for a key of each element of an array of tables
	// (a file names the element: region.Kabul.grievance).
	Key     string
	Array   bool   // the key belongs to each element of an array of tables
	Default string // as the file would write it; "" for array elements
	// Range is the interval of valid values, with the upper bound of
	// bounds.go applied; ok is false for settings without one (names,
	// months, lists).
	Range    Interval
	HasRange bool
	Bound    string // the name of the bounds.go constant that caps it, if any
	Why      string // the reason for the range, where it is not obvious
	Help     string
	Type     string // "number", "integer", "month", "text", "list", ...

	index []int // the field's index path from Params
}

// Interval is a range of valid values. An unbounded side is ±Inf.
type Interval struct {
	Lo, Hi         float64
	LoOpen, HiOpen bool
	Integer        bool // only whole numbers
}

// Contains reports whether v lies in the interval (and is whole, for an
// integer interval). NaN lies in none.
func (iv Interval) Contains(v float64) bool {
	switch {
	case math.IsNaN(v):
		return false
	case v < iv.Lo || iv.LoOpen && v == iv.Lo:
		return false
	case v > iv.Hi || iv.HiOpen && v == iv.Hi:
		return false
	case iv.Integer && v != math.Trunc(v):
		return false
	}
	return true
}

// String writes the interval as in the tags: [0, 1], (0, 1], >= 1, > 0.
func (iv Interval) String() string {
	switch {
	case math.IsInf(iv.Hi, 1) && iv.LoOpen:
		return "> " + num(iv.Lo)
	case math.IsInf(iv.Hi, 1):
		return ">= " + num(iv.Lo)
	}
	lb, rb := "[", "]"
	if iv.LoOpen {
		lb = "("
	}
	if iv.HiOpen {
		rb = ")"
	}
	return lb + num(iv.Lo) + ", " + num(iv.Hi) + rb
}

func num(v float64) string { return strconv.FormatFloat(v, 'g', -1, 64) }

// parseInterval parses a range tag: "[0,1]", "(0,1]", "[0,1)", "[1,)".
func parseInterval(s string) (Interval, error) {
	iv := Interval{Lo: math.Inf(-1), Hi: math.Inf(1)}
	if len(s) < 3 || !strings.ContainsRune("[(", rune(s[0])) || !strings.ContainsRune("])", rune(s[len(s)-1])) {
		return iv, fmt.Errorf("range %q: want [lo,hi], (lo,hi], [lo,) and the like", s)
	}
	lo, hi, ok := strings.Cut(s[1:len(s)-1], ",")
	if !ok {
		return iv, fmt.Errorf("range %q: no comma", s)
	}
	iv.LoOpen, iv.HiOpen = s[0] == '(', s[len(s)-1] == ')'
	var err error
	if lo = strings.TrimSpace(lo); lo != "" {
		if iv.Lo, err = strconv.ParseFloat(lo, 64); err != nil {
			return iv, fmt.Errorf("range %q: %v", s, err)
		}
	}
	if hi = strings.TrimSpace(hi); hi != "" {
		if iv.Hi, err = strconv.ParseFloat(hi, 64); err != nil {
			return iv, fmt.Errorf("range %q: %v", s, err)
		}
	} else {
		iv.HiOpen = false
	}
	return iv, nil
}

// namedBounds are the upper bounds of bounds.go a bound tag may name.
var namedBounds = map[string]float64{
	"MaxCellsPerRegion":  MaxCellsPerRegion,
	"MaxFightersPerCell": MaxFightersPerCell,
	"MaxStartStrength":   MaxStartStrength,
	"MaxCellSize":        MaxCellSize,
	"MaxPopulation":      MaxPopulation,
	"MaxAttackRate":      MaxAttackRate,
	"MaxRaidsPerMonth":   MaxRaidsPerMonth,
	"MaxPoolSize":        MaxPoolSize,
	"MaxMemoryMonths":    MaxMemoryMonths,
}

var (
	settingsOnce sync.Once
	settingsList []Setting
	settingsErr  error
)

// Settings returns every declared setting, tables first and then arrays
// of tables, each in field order. It panics if a tag is malformed, which
// TestSettingsDeclared catches.
func Settings() []Setting {
	settingsOnce.Do(func() { settingsList, settingsErr = declared() })
	if settingsErr != nil {
		panic(settingsErr)
	}
	return settingsList
}

// Range returns the declared range of a dotted key, as a sweep or a
// calibration prior names it ("raids.per_month",
// "region.Kabul.grievance"), and whether the key has one.
func Range(key string) (Interval, bool) {
	s, ok := Lookup(key)
	if !ok || !s.HasRange {
		return Interval{}, false
	}
	return s.Range, true
}

// Lookup returns the setting of a dotted key as a file names it: for a
// key of an array element, the second part names the element
// ("region.Kabul.grievance" is the setting "region.grievance").
func Lookup(key string) (Setting, bool) {
	parts := strings.Split(key, ".")
	for _, s := range Settings() {
		k := key
		if s.Array && len(parts) >= 3 {
			k = parts[0] + "." + strings.Join(parts[2:], ".")
		}
		if s.Key == k {
			return s, true
		}
	}
	return Setting{}, false
}

func declared() ([]Setting, error) {
	var out, arrays []Setting
	pt := reflect.TypeFor[Params]()
	for i := range pt.NumField() {
		f := pt.Field(i)
		table := tomlKey(f)
		switch f.Type.Kind() {
		case reflect.Struct:
			ss, err := fieldsOf(f.Type, table, false, []int{i})
			if err != nil {
				return nil, err
			}
			out = append(out, ss...)
		case reflect.Slice:
			ss, err := fieldsOf(f.Type.Elem(), table, true, []int{i})
			if err != nil {
				return nil, err
			}
			arrays = append(arrays, ss...)
		}
	}
	return append(out, arrays...), nil
}

func fieldsOf(t reflect.Type, table string, array bool, index []int) ([]Setting, error) {
	var out []Setting
	for i := range t.NumField() {
		f := t.Field(i)
		s := Setting{
			Key: table + "." + tomlKey(f), Array: array, Help: f.Tag.Get("help"),
			Bound: f.Tag.Get("bound"), Why: f.Tag.Get("why"), Type: typeName(f.Type),
			index: append(append([]int(nil), index...), i),
		}
		if s.Help == "" {
			return nil, fmt.Errorf("model: setting %s has no help tag", s.Key)
		}
		if d, ok := f.Tag.Lookup("default"); ok {
			if array {
				return nil, fmt.Errorf("model: setting %s: elements of arrays of tables have no defaults", s.Key)
			}
			s.Default = d
		}
		if r, ok := f.Tag.Lookup("range"); ok {
			iv, err := parseInterval(r)
			if err != nil {
				return nil, fmt.Errorf("model: setting %s: %v", s.Key, err)
			}
			iv.Integer = f.Type.Kind() == reflect.Int
			s.Range, s.HasRange = iv, true
		}
		if s.Bound != "" {
			b, ok := namedBounds[s.Bound]
			if !ok || !s.HasRange {
				return nil, fmt.Errorf("model: setting %s: bound %q is not a bound of bounds.go, or the setting has no range", s.Key, s.Bound)
			}
			s.Range.Hi, s.Range.HiOpen = min(s.Range.Hi, b), false
		}
		out = append(out, s)
	}
	return out, nil
}

func tomlKey(f reflect.StructField) string {
	k, _, _ := strings.Cut(f.Tag.Get("toml"), ",")
	return k
}

func typeName(t reflect.Type) string {
	switch {
	case t == reflect.TypeFor[sim.Month]():
		return "month"
	case t.Kind() == reflect.Float64:
		return "number"
	case t.Kind() == reflect.Int:
		return "integer"
	case t.Kind() == reflect.Bool:
		return "boolean"
	case t.Kind() == reflect.String:
		return "text"
	case t.Kind() == reflect.Map:
		return "table of numbers"
	case t.Kind() == reflect.Slice && t.Elem().Kind() == reflect.Slice:
		return "list of pairs"
	case t.Kind() == reflect.Slice:
		return "list of names"
	}
	return t.String()
}

// applyDefaults sets every table setting of p to its declared default.
func applyDefaults(p *Params) {
	v := reflect.ValueOf(p).Elem()
	for _, s := range Settings() {
		if s.Default == "" {
			continue
		}
		f := v.FieldByIndex(s.index)
		var err error
		switch f.Kind() {
		case reflect.Float64:
			var x float64
			x, err = strconv.ParseFloat(s.Default, 64)
			f.SetFloat(x)
		case reflect.Int:
			var x int64
			x, err = strconv.ParseInt(s.Default, 10, 64)
			f.SetInt(x)
		case reflect.String:
			f.SetString(s.Default)
		default:
			err = fmt.Errorf("cannot default a %s", f.Type())
		}
		if err != nil {
			panic(fmt.Sprintf("model: default of %s: %v", s.Key, err))
		}
	}
}

// checkRanges checks every setting with a declared range: finite, in its
// range, then under its bound; for arrays of tables, in every element.
func (p *Params) checkRanges(c *checker) {
	v := reflect.ValueOf(p).Elem()
	for _, s := range Settings() {
		if !s.HasRange {
			continue
		}
		table, key, _ := strings.Cut(s.Key, ".")
		if !s.Array {
			c.inRange(table, "", key, s, v.FieldByIndex(s.index))
			continue
		}
		arr := v.Field(s.index[0])
		for i := range arr.Len() {
			el := arr.Index(i)
			item := el.FieldByName("Name").String()
			c.inRange(table, item, key, s, el.FieldByIndex(s.index[1:]))
		}
	}
}

// inRange checks one value against s's range and bound.
func (c *checker) inRange(table, item, key string, s Setting, f reflect.Value) {
	var v float64
	switch f.Kind() {
	case reflect.Float64:
		v = f.Float()
		if !c.finite(table, item, key, v) {
			return
		}
	case reflect.Int:
		v = float64(f.Int())
	}
	iv := s.Range
	if s.Bound != "" {
		iv.Hi, iv.HiOpen = math.Inf(1), false // the bound has its own message
	}
	if !iv.Contains(v) {
		msg := "must be " + iv.String()
		if strings.HasPrefix(msg, "must be [") || strings.HasPrefix(msg, "must be (") {
			msg = "must be in " + iv.String()
		}
		if s.Why != "" {
			msg += " (" + s.Why + ")"
		}
		c.add(table, item, key, "%s, got %g", msg, v)
		return
	}
	if s.Bound != "" && v > s.Range.Hi {
		c.add(table, item, key, "must be <= %g (an upper bound on what scales work or memory), got %g", s.Range.Hi, v)
	}
}
