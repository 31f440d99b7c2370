package sim_test

import (
	"errors"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/insurgo/insurgo/sim"
)

func TestNeighbourhoodSizes(t *testing.T) {
	// Sizes of the neighbourhoods, centre excluded: von Neumann 2r(r+1)
	// (Mesa's vision of radius 7 is 112 cells), Moore (2r+1)² - 1.
	for _, c := range []struct {
		s    sim.Shape
		r, n int
	}{{sim.VonNeumann, 1, 4}, {sim.VonNeumann, 7, 112}, {sim.Moore, 1, 8}, {sim.Moore, 7, 224}} {
		if got := len(sim.Offsets(c.s, c.r)); got != c.n {
			t.Errorf("%v radius %d: %d cells, want %d", c.s, c.r, got, c.n)
		}
	}
}

// TestNeighbourhoodOf checks the fast path and the wrapping path against
// Torus.Cell on every cell of small tori.
func TestNeighbourhoodOf(t *testing.T) {
	for _, sh := range []sim.Shape{sim.VonNeumann, sim.Moore} {
		for _, wh := range [][2]int{{15, 15}, {20, 17}, {40, 40}} {
			tor, err := sim.NewTorus(wh[0], wh[1])
			if err != nil {
				t.Fatal(err)
			}
			n, err := tor.NewNeighbourhood(sh, 7)
			if err != nil {
				t.Fatal(err)
			}
			buf := make([]int32, n.Len())
			for c := range tor.Cells() {
				got := n.Of(c, buf)
				x, y := c%tor.W, c/tor.W
				if n.Inside(c) {
					for i, d := range n.Deltas() {
						if got[i] != int32(c)+d {
							t.Fatalf("%v on %v: inside cell %d: delta %d gives %d, want %d", sh, wh, c, i, int32(c)+d, got[i])
						}
					}
				}
				seen := map[int32]bool{}
				for i, o := range n.Offsets() {
					if want := int32(tor.Cell(x+o.DX, y+o.DY)); got[i] != want {
						t.Fatalf("%v on %v: cell %d offset %v: got %d, want %d", sh, wh, c, o, got[i], want)
					}
					if seen[got[i]] || got[i] == int32(c) {
						t.Fatalf("%v on %v: cell %d: neighbour %d repeated or itself", sh, wh, c, got[i])
					}
					seen[got[i]] = true
				}
			}
		}
	}
}

func TestNeighbourhoodErrors(t *testing.T) {
	tor, _ := sim.NewTorus(10, 20)
	for _, r := range []int{0, 5, -1} {
		if _, err := tor.NewNeighbourhood(sim.VonNeumann, r); !errors.Is(err, sim.ErrGrid) {
			t.Errorf("radius %d on 10 × 20: err %v, want ErrGrid", r, err)
		}
	}
	if _, err := sim.NewTorus(0, 3); !errors.Is(err, sim.ErrGrid) {
		t.Errorf("0 × 3 torus: err %v, want ErrGrid", err)
	}
}

func TestActivation(t *testing.T) {
	a := sim.NewActivation(5, rand.New(rand.NewPCG(1, 2)))
	first := slices.Clone(a.Next())
	counts := [5][5]int{}
	for range 20000 {
		o := a.Next()
		s := slices.Sorted(slices.Values(o))
		if !slices.Equal(s, []int32{0, 1, 2, 3, 4}) {
			t.Fatalf("not a permutation: %v", o)
		}
		for pos, ag := range o {
			counts[ag][pos]++
		}
	}
	// Each agent is in each position with probability 1/5: 4000 of
	// 20000, binomial sd 57; 5 sd is a bound a fair shuffle never breaks.
	for ag := range counts {
		for pos, n := range counts[ag] {
			if n < 4000-285 || n > 4000+285 {
				t.Errorf("agent %d in position %d %d times of 20000, want about 4000", ag, pos, n)
			}
		}
	}
	b := sim.NewActivation(5, rand.New(rand.NewPCG(1, 2)))
	if !slices.Equal(b.Next(), first) {
		t.Error("the same stream gave a different order")
	}
}

// TestShuffle checks that shuffling agents in place, step after step,
// visits them in exactly the orders Activation.Next gives from the same
// stream.
func TestShuffle(t *testing.T) {
	const n = 50
	a := sim.NewActivation(n, rand.New(rand.NewPCG(7, 8)))
	rng := rand.New(rand.NewPCG(7, 8))
	laid := make([]int32, n) // agent identities as the slice holds them
	for i := range laid {
		laid[i] = int32(i)
	}
	for step := range 100 {
		want := a.Next()
		sim.Shuffle(rng, laid)
		if !slices.Equal(laid, want) {
			t.Fatalf("step %d: shuffled order %v, Next gives %v", step, laid, want)
		}
	}
}
