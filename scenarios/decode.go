package scenarios

import (
	"encoding"
	"fmt"
	"math"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/insurgo/insurgo/internal/textdist"
)

// issue is one problem found while decoding a raw document, before it is
// placed in a file.
type issue struct {
	key []string // the key as users write it: array elements by name, or "#n"
	loc []string // the key with array elements as "#n" in document order
	err error    // a sentinel
	msg string
}

// decoder decodes a raw document into a typed value strictly: it reports
// every unknown key (with the nearest known one), every value of the
// wrong type, every non-finite number and every missing or duplicate name
// in an array of tables, and goes on past each. It removes offending keys
// from the raw document, so that what remains can still be merged and
// validated, and other problems found.
//
// Keys map to struct fields by their `toml` tag (exactly), or by field
// name (ignoring case) for untagged fields; embedded structs without a
// tag are flattened. Elements of slices start from their zero value; map
// entries and struct fields start from what the destination already
// holds, so a document decoded over defaults keeps the defaults it does
// not set.
type decoder struct {
	issues []issue
}

var (
	timeType     = reflect.TypeFor[time.Time]()
	durationType = reflect.TypeFor[time.Duration]()
	textType     = reflect.TypeFor[encoding.TextUnmarshaler]()
)

func (d *decoder) add(key, loc []string, err error, format string, args ...any) {
	d.issues = append(d.issues, issue{
		key: slices.Clone(key), loc: slices.Clone(loc), err: err, msg: fmt.Sprintf(format, args...),
	})
}

func (d *decoder) wrongType(raw any, t reflect.Type, key, loc []string) {
	d.add(key, loc, ErrType, "want %s, got %s", want(t), describe(raw))
}

// value decodes raw into rv and reports whether raw had a usable type; on
// false the caller drops the key.
func (d *decoder) value(raw any, rv reflect.Value, key, loc []string) bool {
	t := rv.Type()
	switch {
	case t == timeType:
		return d.timeValue(raw, rv, key, loc)
	case t == durationType:
		return d.durationValue(raw, rv, key, loc)
	case t.Kind() != reflect.Pointer && t.Kind() != reflect.Interface && reflect.PointerTo(t).Implements(textType):
		return d.textValue(raw, rv, key, loc)
	}
	switch t.Kind() {
	case reflect.Pointer:
		return d.pointerValue(raw, rv, key, loc)
	case reflect.Interface:
		return d.interfaceValue(raw, rv, key, loc)
	case reflect.Struct:
		return d.structValue(raw, rv, key, loc)
	case reflect.Map:
		return d.mapValue(raw, rv, key, loc)
	case reflect.Slice, reflect.Array:
		return d.sliceValue(raw, rv, key, loc)
	case reflect.String:
		return d.stringValue(raw, rv, key, loc)
	case reflect.Bool:
		return d.boolValue(raw, rv, key, loc)
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return d.intValue(raw, rv, key, loc)
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return d.uintValue(raw, rv, key, loc)
	case reflect.Float32, reflect.Float64:
		return d.floatValue(raw, rv, key, loc)
	}
	d.add(key, loc, ErrType, "cannot decode into %s", t)
	return false
}

// timeValue decodes a TOML date or date-time.
func (d *decoder) timeValue(raw any, rv reflect.Value, key, loc []string) bool {
	tm, ok := raw.(time.Time)
	if !ok {
		d.wrongType(raw, rv.Type(), key, loc)
		return false
	}
	rv.Set(reflect.ValueOf(tm))
	return true
}

// durationValue decodes a duration written as a string ("36h") or as
// nanoseconds.
func (d *decoder) durationValue(raw any, rv reflect.Value, key, loc []string) bool {
	switch x := raw.(type) {
	case string:
		du, err := time.ParseDuration(x)
		if err != nil {
			d.add(key, loc, ErrType, "want a duration such as \"36h\", got %q", x)
			return false
		}
		rv.SetInt(int64(du))
		return true
	case int64:
		rv.SetInt(x)
		return true
	}
	d.wrongType(raw, rv.Type(), key, loc)
	return false
}

// textValue decodes a string into a type that unmarshals text (such as
// sim.Month); its error is the type's own message.
func (d *decoder) textValue(raw any, rv reflect.Value, key, loc []string) bool {
	s, ok := raw.(string)
	if !ok {
		d.wrongType(raw, rv.Type(), key, loc)
		return false
	}
	if err := rv.Addr().Interface().(encoding.TextUnmarshaler).UnmarshalText([]byte(s)); err != nil {
		d.add(key, loc, ErrType, "%v", err)
		return false
	}
	return true
}

// pointerValue decodes into the value rv points to, allocating it.
func (d *decoder) pointerValue(raw any, rv reflect.Value, key, loc []string) bool {
	t := rv.Type()
	if rv.IsNil() {
		rv.Set(reflect.New(t.Elem()))
	}
	return d.value(raw, rv.Elem(), key, loc)
}

// interfaceValue decodes into an empty interface: a copy of raw.
func (d *decoder) interfaceValue(raw any, rv reflect.Value, key, loc []string) bool {
	t := rv.Type()
	if t.NumMethod() != 0 {
		d.add(key, loc, ErrType, "cannot decode into %s", t)
		return false
	}
	rv.Set(reflect.ValueOf(deepCopy(raw)))
	return true
}

// structValue decodes a table into a struct.
func (d *decoder) structValue(raw any, rv reflect.Value, key, loc []string) bool {
	t := rv.Type()
	m, ok := raw.(map[string]any)
	if !ok {
		d.wrongType(raw, t, key, loc)
		return false
	}
	d.table(m, rv, key, loc)
	return true
}

// mapValue decodes a table into a map, keeping the entries rv holds.
func (d *decoder) mapValue(raw any, rv reflect.Value, key, loc []string) bool {
	t := rv.Type()
	m, ok := raw.(map[string]any)
	if !ok || t.Key().Kind() != reflect.String {
		d.wrongType(raw, t, key, loc)
		return false
	}
	if rv.IsNil() {
		rv.Set(reflect.MakeMapWithSize(t, len(m)))
	}
	for _, k := range sortedKeys(m) {
		ev := reflect.New(t.Elem()).Elem()
		kv := reflect.ValueOf(k).Convert(t.Key())
		if old := rv.MapIndex(kv); old.IsValid() {
			ev.Set(old)
		}
		if d.value(m[k], ev, append(key, k), append(loc, k)) {
			rv.SetMapIndex(kv, ev)
		} else {
			delete(m, k)
		}
	}
	return true
}

// sliceValue decodes an array (of tables, named by their name key in errors) into a slice or array.
func (d *decoder) sliceValue(raw any, rv reflect.Value, key, loc []string) bool {
	t := rv.Type()
	elems, ok := asSlice(raw)
	if !ok {
		d.wrongType(raw, t, key, loc)
		return false
	}
	out := rv
	if t.Kind() == reflect.Slice {
		out = reflect.MakeSlice(t, len(elems), len(elems))
	} else if len(elems) != t.Len() {
		d.add(key, loc, ErrType, "want an array of %d values, got %d", t.Len(), len(elems))
		return false
	}
	good := true
	for i, e := range elems {
		seg := "#" + strconv.Itoa(i+1)
		name := seg
		if m, ok := e.(map[string]any); ok {
			if s, ok := m["name"].(string); ok && s != "" {
				name = s
			}
		}
		if !d.value(e, out.Index(i), append(key, name), append(loc, seg)) {
			good = false
		}
	}
	if good && t.Kind() == reflect.Slice {
		rv.Set(out)
	}
	return good
}

// stringValue decodes a string.
func (d *decoder) stringValue(raw any, rv reflect.Value, key, loc []string) bool {
	t := rv.Type()
	s, ok := raw.(string)
	if !ok {
		d.wrongType(raw, t, key, loc)
		return false
	}
	rv.SetString(s)
	return true
}

// boolValue decodes a boolean.
func (d *decoder) boolValue(raw any, rv reflect.Value, key, loc []string) bool {
	t := rv.Type()
	b, ok := raw.(bool)
	if !ok {
		d.wrongType(raw, t, key, loc)
		return false
	}
	rv.SetBool(b)
	return true
}

// intValue decodes an integer that fits.
func (d *decoder) intValue(raw any, rv reflect.Value, key, loc []string) bool {
	t := rv.Type()
	n, ok := raw.(int64)
	if !ok {
		d.wrongType(raw, t, key, loc)
		return false
	}
	if rv.OverflowInt(n) {
		d.add(key, loc, ErrRange, "%d does not fit in a %s", n, t.Kind())
		return false
	}
	rv.SetInt(n)
	return true
}

// uintValue decodes a non-negative integer that fits.
func (d *decoder) uintValue(raw any, rv reflect.Value, key, loc []string) bool {
	t := rv.Type()
	n, ok := raw.(int64)
	if !ok {
		d.wrongType(raw, t, key, loc)
		return false
	}
	if n < 0 {
		d.add(key, loc, ErrRange, "must be >= 0, got %d", n)
		return false
	}
	if rv.OverflowUint(uint64(n)) {
		d.add(key, loc, ErrRange, "%d does not fit in a %s", n, t.Kind())
		return false
	}
	rv.SetUint(uint64(n))
	return true
}

// floatValue decodes a finite number (an integer too).
func (d *decoder) floatValue(raw any, rv reflect.Value, key, loc []string) bool {
	t := rv.Type()
	var f float64
	switch x := raw.(type) {
	case float64:
		f = x
	case int64:
		f = float64(x)
	default:
		d.wrongType(raw, t, key, loc)
		return false
	}
	if math.IsNaN(f) || math.IsInf(f, 0) {
		d.add(key, loc, ErrRange, "must be a finite number, got %v", f)
		return false
	}
	if rv.OverflowFloat(f) {
		d.add(key, loc, ErrRange, "%v does not fit in a %s", f, t.Kind())
		return false
	}
	rv.SetFloat(f)
	return true
}

// table decodes the keys of m into the fields of the struct rv.
func (d *decoder) table(m map[string]any, rv reflect.Value, key, loc []string) {
	fs := fieldsOf(rv)
	for _, k := range sortedKeys(m) {
		f, ok := fs.lookup(k)
		if !ok {
			d.add(append(key, k), append(loc, k), ErrUnknownKey, "unknown key%s", textdist.Hint(k, fs.names))
			delete(m, k)
			continue
		}
		var keep []map[string]any
		arr, named := m[k].([]map[string]any)
		if named && hasNameField(f.Type()) {
			keep = d.checkNames(arr, append(key, k), append(loc, k))
		}
		if !d.value(m[k], f, append(key, k), append(loc, k)) {
			delete(m, k)
		} else if keep != nil {
			m[k] = keep
		}
	}
}

// checkNames reports elements of an array of tables that lack a name or
// repeat an earlier one, and returns the elements to keep: those with a
// name of their own (or a name of the wrong type, reported elsewhere).
func (d *decoder) checkNames(arr []map[string]any, key, loc []string) []map[string]any {
	seen := map[string]int{}
	keep := make([]map[string]any, 0, len(arr))
	table := key[len(key)-1]
	for i, e := range arr {
		seg := "#" + strconv.Itoa(i+1)
		v, ok := e["name"]
		if !ok {
			d.add(append(key, seg, "name"), append(loc, seg, "name"), ErrRange, "missing: every [[%s]] needs a unique name", table)
			continue
		}
		s, ok := v.(string)
		switch {
		case !ok:
			// reported as a wrong type
		case s == "":
			d.add(append(key, seg, "name"), append(loc, seg, "name"), ErrRange, "must not be empty")
			continue
		case seen[s] > 0:
			d.add(append(key, s), append(loc, seg), ErrDuplicate, "duplicate name %q: [[%s]] elements #%d and #%d share it", s, table, seen[s], i+1)
			continue
		default:
			seen[s] = i + 1
		}
		keep = append(keep, e)
	}
	return keep
}

// fields are the keys of a struct type and the fields they decode into.
type fields struct {
	names  []string // in declaration order
	vals   []reflect.Value
	tagged []bool
}

func fieldsOf(rv reflect.Value) *fields {
	fs := &fields{}
	var walk func(rv reflect.Value)
	walk = func(rv reflect.Value) {
		t := rv.Type()
		var embedded []reflect.Value
		for i := 0; i < t.NumField(); i++ {
			sf := t.Field(i)
			tag := sf.Tag.Get("toml")
			name, _, _ := strings.Cut(tag, ",")
			if tag == "-" {
				continue
			}
			if sf.Anonymous && name == "" && sf.Type.Kind() == reflect.Struct {
				embedded = append(embedded, rv.Field(i))
				continue
			}
			if !sf.IsExported() {
				continue
			}
			tagged := name != ""
			if !tagged {
				name = sf.Name
			}
			if slices.Contains(fs.names, name) {
				continue
			}
			fs.names = append(fs.names, name)
			fs.vals = append(fs.vals, rv.Field(i))
			fs.tagged = append(fs.tagged, tagged)
		}
		for _, e := range embedded {
			walk(e)
		}
	}
	walk(rv)
	return fs
}

func (fs *fields) lookup(k string) (reflect.Value, bool) {
	for i, n := range fs.names {
		if n == k {
			return fs.vals[i], true
		}
	}
	for i, n := range fs.names {
		if !fs.tagged[i] && strings.EqualFold(n, k) {
			return fs.vals[i], true
		}
	}
	return reflect.Value{}, false
}

// hasNameField reports whether t is a slice of structs (or of pointers to
// structs) with a "name" key.
func hasNameField(t reflect.Type) bool {
	if t.Kind() != reflect.Slice {
		return false
	}
	e := t.Elem()
	if e.Kind() == reflect.Pointer {
		e = e.Elem()
	}
	if e.Kind() != reflect.Struct {
		return false
	}
	_, ok := fieldsOf(reflect.New(e).Elem()).lookup("name")
	return ok
}

func asSlice(raw any) ([]any, bool) {
	switch x := raw.(type) {
	case []any:
		return x, true
	case []map[string]any:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = e
		}
		return out, true
	}
	return nil, false
}

func sortedKeys(m map[string]any) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	slices.Sort(ks)
	return ks
}

// want describes what a value of type t looks like in TOML.
func want(t reflect.Type) string {
	switch t {
	case timeType:
		return "a date such as 2021-09-01"
	case durationType:
		return "a duration such as \"36h\""
	}
	switch t.Kind() {
	case reflect.Pointer:
		return want(t.Elem())
	case reflect.Struct, reflect.Map:
		return "a table"
	case reflect.Slice, reflect.Array:
		if e := t.Elem(); e.Kind() == reflect.Struct || e.Kind() == reflect.Map ||
			e.Kind() == reflect.Pointer && e.Elem().Kind() == reflect.Struct {
			return "an array of tables"
		}
		return "an array of " + strings.TrimPrefix(strings.TrimPrefix(want(t.Elem()), "a "), "an ") + "s"
	case reflect.String:
		return "a string"
	case reflect.Bool:
		return "a boolean (true or false)"
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return "an integer"
	case reflect.Float32, reflect.Float64:
		return "a number"
	}
	if reflect.PointerTo(t).Implements(textType) {
		return "a string"
	}
	return t.String()
}

// describe names the TOML type of a raw value, with the value itself
// when it is short.
func describe(raw any) string {
	switch x := raw.(type) {
	case string:
		if len(x) > 40 {
			x = x[:37] + "..."
		}
		return fmt.Sprintf("string %q", x)
	case int64:
		return fmt.Sprintf("integer %d", x)
	case float64:
		return fmt.Sprintf("float %v", x)
	case bool:
		return fmt.Sprintf("boolean %v", x)
	case time.Time:
		switch x.Location().String() {
		case "date-local":
			return "date " + x.Format(time.DateOnly)
		case "time-local":
			return "time " + x.Format(time.TimeOnly)
		case "datetime-local":
			return "date-time " + x.Format("2006-01-02T15:04:05")
		}
		return "date-time " + x.Format(time.RFC3339)
	case map[string]any:
		return "a table"
	case []map[string]any:
		return "an array of tables"
	case []any:
		return "an array"
	}
	return fmt.Sprintf("%T", raw)
}
