package calibrate

import (
	"math"
	"reflect"
	"strings"

	"github.com/insurgo/insurgo/model/isk"
)

// A setter overrides numeric settings of isk.Params in place of
// (*scenarios.Scenario).With, which re-resolves and re-validates the whole
// document (about half a replicate's time on historical). It handles plain
// numeric keys of tables and of named elements of arrays of tables; Bind
// uses it for a model only after checking that it gives exactly the
// settings With gives, and the result is validated by
// isk.Params.Validate all the same.
type setter struct {
	paths [][]step
}

// step is one segment of a key's path: a struct field, or the element of
// a slice of structs with a given name.
type step struct {
	field int    // field index, for a struct
	name  string // element name, for a slice
}

// newSetter returns a setter of keys, or nil if one of them is not a
// plain numeric setting it can reach.
func newSetter(keys []string) *setter {
	s := &setter{}
	t := reflect.TypeFor[isk.Params]()
	for _, k := range keys {
		p := pathOf(t, strings.Split(k, "."))
		if p == nil {
			return nil
		}
		s.paths = append(s.paths, p)
	}
	return s
}

// pathOf resolves segs through type t; nil if it cannot.
func pathOf(t reflect.Type, segs []string) []step {
	var out []step
	for i := 0; i < len(segs); i++ {
		if t.Kind() != reflect.Struct {
			return nil
		}
		f := fieldByTag(t, segs[i])
		if f < 0 {
			return nil
		}
		out = append(out, step{field: f})
		t = t.Field(f).Type
		if t.Kind() == reflect.Slice {
			if t.Elem().Kind() != reflect.Struct || fieldByTag(t.Elem(), "name") < 0 || i+1 >= len(segs) {
				return nil
			}
			i++
			out = append(out, step{field: -1, name: segs[i]})
			t = t.Elem()
		}
	}
	switch t.Kind() {
	case reflect.Float64, reflect.Float32, reflect.Int, reflect.Int64, reflect.Int32:
		return out
	}
	return nil
}

// fieldByTag returns the index of t's field tagged toml:"name", or -1.
func fieldByTag(t reflect.Type, name string) int {
	for i := 0; i < t.NumField(); i++ {
		sf := t.Field(i)
		tag, _, _ := strings.Cut(sf.Tag.Get("toml"), ",")
		if sf.IsExported() && tag == name {
			return i
		}
	}
	return -1
}

// apply returns a copy of base with the settings set to vals (rounded
// where integer); slices on the way are copied, base is unchanged. It
// reports false if a named element does not exist.
func (s *setter) apply(base *isk.Params, vals []float64, integer []bool) (isk.Params, bool) {
	cp := *base
	root := reflect.ValueOf(&cp).Elem()
	for i, p := range s.paths {
		v := root
		for _, st := range p {
			if st.field >= 0 {
				v = v.Field(st.field)
				continue
			}
			// v is a slice: copy it (once per key; cheap) and find the element.
			n := reflect.MakeSlice(v.Type(), v.Len(), v.Len())
			reflect.Copy(n, v)
			v.Set(n)
			nf := fieldByTag(v.Type().Elem(), "name")
			found := false
			for j := 0; j < n.Len(); j++ {
				if n.Index(j).Field(nf).String() == st.name {
					v, found = n.Index(j), true
					break
				}
			}
			if !found {
				return cp, false
			}
		}
		x := vals[i]
		switch v.Kind() {
		case reflect.Float64, reflect.Float32:
			if integer[i] {
				x = math.Round(x)
			}
			v.SetFloat(x)
		default:
			v.SetInt(int64(math.Round(x)))
		}
	}
	return cp, true
}
