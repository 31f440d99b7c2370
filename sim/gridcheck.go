package sim

// MaxCells bounds a torus for a model that numbers its cells with int32:
// at most 2^30 cells, which leaves room for a halo's margin.
const MaxCells = 1 << 30

// StepGrid checks the settings every model that steps on a torus has,
// under their usual keys: steps and record_every (as NewStepClock wants
// them), width and height (at least 3 cells each, MaxCells in all). It
// adds each problem and reports whether the sides are valid, so that a
// model can go on to check what depends on them, such as its visions
// (Radius).
func (ps *Problems) StepGrid(steps, every, width, height int) (sides bool) {
	if steps < 1 {
		ps.Add("steps", "must be >= 1, got %d", steps)
	}
	if every < 1 || (steps >= 1 && every > steps) {
		ps.Add("record_every", "must be 1 to steps (%d), got %d", steps, every)
	}
	sides = true
	for _, s := range []struct {
		key string
		v   int
	}{{"width", width}, {"height", height}} {
		if s.v < 3 {
			ps.Add(s.key, "must be >= 3, got %d", s.v)
			sides = false
		}
	}
	if sides && int64(width)*int64(height) > MaxCells {
		ps.Add("width", "width × height must be at most %d cells, got %d × %d", MaxCells, width, height)
		sides = false
	}
	return sides
}

// Radius checks the radius r set under key, a neighbourhood's on a width
// × height torus whose sides are valid if sides: at least 1, and small
// enough that the neighbourhood does not wrap onto itself (2r + 1 at most
// each side, as Torus.NewHalo wants).
func (ps *Problems) Radius(key string, r, width, height int, sides bool) {
	switch {
	case r < 1:
		ps.Add(key, "must be >= 1, got %d", r)
	case sides && (2*r+1 > width || 2*r+1 > height):
		ps.Add(key, "must leave the vision inside the torus (2 × vision + 1 <= width and height, %d × %d), got %d", width, height, r)
	}
}
