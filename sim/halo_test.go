package sim_test

import (
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
