package sim

// Cost is what one replicate of a model is expected to take, so that a
// command can refuse a batch beyond its limits before it starts. It is an
// estimate from the settings alone, meant to be within a small factor.
type Cost struct {
	Seconds float64 // of one core of a machine like the development one
	Bytes   float64 // of memory: the replicate's world
}

// Size returns the number of cells in the neighbourhood of shape s and
// radius r, the centre left out, without listing them: 2r(r+1) for von
// Neumann's, (2r+1)² - 1 for Moore's.
func (s Shape) Size(r int) int {
	if s == VonNeumann {
		return 2 * r * (r + 1)
	}
	return (2*r+1)*(2*r+1) - 1
}
