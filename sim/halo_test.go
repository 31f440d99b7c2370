package sim_test

import (
	"slices"
	"testing"

	"github.com/insurgo/insurgo/sim"
)

// TestHalo checks, on every cell of small tori, that the halo's deltas
// reach the same cells as Torus.Cell and that every margin copy is listed
// among its home's mirrors.
func TestHalo(t *testing.T) {
	for _, wh := range [][2]int{{15, 15}, {20, 17}, {40, 40}} {
		tor, _ := sim.NewTorus(wh[0], wh[1])
		h, err := tor.NewHalo(7)
		if err != nil {
			t.Fatal(err)
		}
		for _, sh := range []sim.Shape{sim.VonNeumann, sim.Moore} {
			ds, err := h.Deltas(sh, 7)
			if err != nil {
				t.Fatal(err)
			}
			offs := sim.Offsets(sh, 7)
			for c := range tor.Cells() {
				home := h.Home(c)
				if h.Canon(home) != home || h.Cell(home) != c {
					t.Fatalf("%v: cell %d: home %d canon %d cell %d", wh, c, home, h.Canon(home), h.Cell(home))
				}
				x, y := c%tor.W, c/tor.W
				for k, d := range ds {
					if got, want := h.Cell(home+d), tor.Cell(x+offs[k].DX, y+offs[k].DY); got != want {
						t.Fatalf("%v %v: cell %d offset %v: halo gives %d, want %d", wh, sh, c, offs[k], got, want)
					}
				}
			}
		}
		copies := 0
		for i := range int32(h.Len()) {
			home := h.Canon(i)
			if home == i {
				continue
			}
			copies++
			found := false
			for _, m := range h.Mirrors(home) {
				found = found || m == i
			}
			if !found {
				t.Fatalf("%v: halo index %d shows home %d but is not among its mirrors", wh, i, home)
			}
		}
		if copies != h.Len()-tor.Cells() {
			t.Errorf("%v: %d margin copies, want %d", wh, copies, h.Len()-tor.Cells())
		}
	}
	tor, _ := sim.NewTorus(10, 10)
	if _, err := tor.NewHalo(5); err == nil {
		t.Error("a halo of 5 on 10 × 10 gave no error")
	}
	h, _ := tor.NewHalo(2)
	if _, err := h.Deltas(sim.Moore, 3); err == nil {
		t.Error("a radius beyond the halo gave no error")
	}
}

// TestHaloRuns checks that the runs of a neighbourhood list exactly its
// deltas, in order, and how many runs a diamond and a square make.
func TestHaloRuns(t *testing.T) {
	tor, _ := sim.NewTorus(40, 30)
	h, _ := tor.NewHalo(7)
	for _, c := range []struct {
		s    sim.Shape
		r    int
		runs int
	}{{sim.VonNeumann, 7, 16}, {sim.Moore, 7, 16}, {sim.VonNeumann, 1, 4}, {sim.Moore, 2, 6}} {
		ds, _ := h.Deltas(c.s, c.r)
		runs, err := h.Runs(c.s, c.r)
		if err != nil {
			t.Fatal(err)
		}
		var got []int32
		for _, r := range runs {
			for j := range r.Len {
				got = append(got, r.Start+j)
			}
		}
		if !slices.Equal(got, ds) {
			t.Errorf("%v %d: runs give %v, deltas are %v", c.s, c.r, got, ds)
		}
		if len(runs) != c.runs {
			t.Errorf("%v %d: %d runs, want %d (one a row, two for the centre's)", c.s, c.r, len(runs), c.runs)
		}
	}
	if _, err := h.Runs(sim.Moore, 8); err == nil {
		t.Error("a radius beyond the halo gave no error")
	}
}
