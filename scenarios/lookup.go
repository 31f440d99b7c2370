package scenarios

// Lookup returns the number a scenario's files set at a dotted key (as
// With takes them: "attacks.rate", "region.Nangarhar.grievance"), and
// whether they set one. A key the files leave to the engine's defaults is
// not found. It is Value for numbers.
func (s *Scenario) Lookup(key string) (float64, bool) {
	v, ok := s.Value(key)
	if !ok {
		return 0, false
	}
	return number(v)
}
