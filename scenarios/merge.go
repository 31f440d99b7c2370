package scenarios

import "time"

// A raw document is what toml.Decode gives for map[string]any: tables are
// map[string]any, arrays of tables []map[string]any, other arrays []any,
// and scalars string, int64, float64, bool or time.Time.

// normalize rewrites arrays whose elements are all tables (such as an
// inline `region = [{name = "A"}]`) as []map[string]any, so that they
// merge like arrays of tables, and returns v.
func normalize(v any) any {
	switch x := v.(type) {
	case map[string]any:
		for k, e := range x {
			x[k] = normalize(e)
		}
		return x
	case []map[string]any:
		for _, e := range x {
			normalize(e)
		}
		return x
	case []any:
		tables := make([]map[string]any, 0, len(x))
		for i, e := range x {
			x[i] = normalize(e)
			if m, ok := x[i].(map[string]any); ok {
				tables = append(tables, m)
			}
		}
		if len(x) > 0 && len(tables) == len(x) {
			return tables
		}
		return x
	}
	return v
}

// deepCopy copies a raw document value.
func deepCopy(v any) any {
	switch x := v.(type) {
	case map[string]any:
		out := make(map[string]any, len(x))
		for k, e := range x {
			out[k] = deepCopy(e)
		}
		return out
	case []map[string]any:
		out := make([]map[string]any, len(x))
		for i, e := range x {
			out[i] = deepCopy(e).(map[string]any)
		}
		return out
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = deepCopy(e)
		}
		return out
	case time.Time, string, int64, float64, bool:
		return x
	}
	return v
}

// merge returns base overlaid with over, leaving both untouched. Tables
// merge key by key. Arrays of tables merge by their elements' name: an
// element of over whose name is in base overrides the fields it gives; a
// new name is appended after base's elements; an element without a name
// is appended. Anything else in over replaces what base has.
func merge(base, over map[string]any) map[string]any {
	out := deepCopy(base).(map[string]any)
	for k, ov := range over {
		bv, ok := out[k]
		if !ok {
			out[k] = deepCopy(ov)
			continue
		}
		switch o := ov.(type) {
		case map[string]any:
			if b, ok := bv.(map[string]any); ok {
				out[k] = merge(b, o)
				continue
			}
		case []map[string]any:
			if b, ok := bv.([]map[string]any); ok {
				out[k] = mergeByName(b, o)
				continue
			}
		}
		out[k] = deepCopy(ov)
	}
	return out
}

// mergeByName merges arrays of tables by element name, in time linear in
// their lengths: a map from name to the index of its first element in
// the result replaces a search per element.
func mergeByName(base, over []map[string]any) []map[string]any {
	out := make([]map[string]any, len(base), len(base)+len(over))
	index := make(map[string]int, len(base)+len(over))
	for i, e := range base {
		out[i] = deepCopy(e).(map[string]any)
		if n, ok := e["name"].(string); ok {
			if _, dup := index[n]; !dup {
				index[n] = i
			}
		}
	}
	for _, o := range over {
		name, ok := o["name"].(string)
		if ok {
			if i, found := index[name]; found {
				out[i] = merge(out[i], o)
				continue
			}
			index[name] = len(out)
		}
		out = append(out, deepCopy(o).(map[string]any))
	}
	return out
}
