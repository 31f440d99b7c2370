package sim_test

import (
	"slices"
	"testing"

	"github.com/insurgo/insurgo/sim"
)

// TestStepGridProblems checks that each bad setting is reported under its
// key, that good ones give nothing, and that a vision is checked against
// the sides only when they are valid.
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
		var keys []string
		add := func(key, _ string, _ ...any) { keys = append(keys, key) }
		sides := sim.StepGridProblems(c.steps, c.every, c.w, c.h, add)
		sim.RadiusProblem("vision", c.r, c.w, c.h, sides, add)
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
