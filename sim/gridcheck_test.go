package sim_test

import (
	"slices"
	"testing"

	"github.com/insurgo/insurgo/sim"
)

// TestStepGridProblems checks Problems.StepGrid and Radius: each bad
// setting is reported under its key, good ones give nothing, and a vision
// is checked against the sides only when they are valid.
func TestStepGridProblems(t *testing.T) {
	for _, c := range []struct {
		steps, every, w, h, r int
		keys                  []string
		sides                 bool
	}{
		{1000, 1, 40, 40, 7, nil, true},
		{0, 1, 40, 40, 7, []string{"steps"}, true},
		{0, 0, 40, 40, 7, []string{"steps", "record_every"}, true},
		{10, 11, 40, 40, 7, []string{"record_every"}, true},
		{10, 1, 2, 40, 1, []string{"width"}, false},
		{10, 1, 1 << 16, 1 << 15, 1, []string{"width"}, false},
		{10, 1, 40, 10, 7, []string{"vision"}, true},
		{10, 1, 40, 40, 0, []string{"vision"}, true},
	} {
		var ps sim.Problems
		sides := ps.StepGrid(c.steps, c.every, c.w, c.h)
		ps.Radius("vision", c.r, c.w, c.h, sides)
		var keys []string
		for _, p := range ps {
			keys = append(keys, p.Key)
		}
		if sides != c.sides || !slices.Equal(keys, c.keys) {
			t.Errorf("%+v: problems under %v, sides valid %v; want %v, %v", c, keys, sides, c.keys, c.sides)
		}
	}
}

// TestShapeSize checks Shape.Size against the cells Offsets lists, and
// that ShapeNamed reads what String writes and nothing else.
func TestShapeSize(t *testing.T) {
	for _, s := range []sim.Shape{sim.VonNeumann, sim.Moore} {
		for r := 1; r <= 9; r++ {
			if got, want := s.Size(r), len(sim.Offsets(s, r)); got != want {
				t.Errorf("%v radius %d: Size %d, Offsets lists %d", s, r, got, want)
			}
		}
		if got, ok := sim.ShapeNamed(s.String()); !ok || got != s {
			t.Errorf("ShapeNamed(%q) = %v, %v", s.String(), got, ok)
		}
	}
	if _, ok := sim.ShapeNamed("hex"); ok {
		t.Error(`ShapeNamed("hex") is a shape`)
	}
}
