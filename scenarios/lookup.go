package scenarios

import "strings"

// Lookup returns the number a scenario's files set at a dotted key (as
// With takes them: "attacks.rate", "region.Nangarhar.grievance"), and
// whether they set one. A key the files leave to the engine's defaults is
// not found.
func (s *Scenario) Lookup(key string) (float64, bool) {
	var cur any = s.raw
	segs := strings.Split(key, ".")
	for i := 0; i < len(segs); i++ {
		switch x := cur.(type) {
		case map[string]any:
			cur = x[segs[i]]
		case []map[string]any:
			var next any
			for _, e := range x {
				if n, _ := e["name"].(string); n == segs[i] {
					next = e
					break
				}
			}
			cur = next
		default:
			return 0, false
		}
	}
	switch v := cur.(type) {
	case int64:
		return float64(v), true
	case float64:
		return v, true
	}
	return 0, false
}
