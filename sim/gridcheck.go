package sim

// MaxCells bounds a torus for a model that numbers its cells with int32:
// at most 2^30 cells, which leaves room for a halo's margin.
const MaxCells = 1 << 30

// StepGridProblems checks the settings every model that steps on a
// torus has, under their usual keys: steps and record_every (as
// NewStepClock wants them), width and height (at least 3 cells each,
// MaxCells in all). It calls add for each problem and reports whether
// the sides are valid, so that a model can go on to check what depends
// on them, such as its visions (RadiusProblem).
func StepGridProblems(steps, every, width, height int, add func(key, format string, args ...any)) (sides bool) {
	if steps < 1 {
		add("steps", "must be >= 1, got %d", steps)
	}
	if every < 1 || (steps >= 1 && every > steps) {
		add("record_every", "must be 1 to steps (%d), got %d", steps, every)
	}
	sides = true
	for _, s := range []struct {
		key string
		v   int
	}{{"width", width}, {"height", height}} {
		if s.v < 3 {
			add(s.key, "must be >= 3, got %d", s.v)
			sides = false
		}
	}
	if sides && int64(width)*int64(height) > MaxCells {
		add("width", "width × height must be at most %d cells, got %d × %d", MaxCells, width, height)
		sides = false
	}
	return sides
}

// RadiusProblem checks the radius r set under key, a neighbourhood's on
// a width × height torus whose sides are valid if sides: at least 1, and
// small enough that the neighbourhood does not wrap onto itself (2r + 1
// at most each side, as Torus.NewHalo wants).
func RadiusProblem(key string, r, width, height int, sides bool, add func(key, format string, args ...any)) {
	switch {
	case r < 1:
		add(key, "must be >= 1, got %d", r)
	case sides && (2*r+1 > width || 2*r+1 > height):
		add(key, "must leave the vision inside the torus (2 × vision + 1 <= width and height, %d × %d), got %d", width, height, r)
	}
}
