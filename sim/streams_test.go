package sim_test

import (
	"fmt"
	"testing"

	"github.com/insurgo/insurgo/sim"
)

// The numbers below pin the stream derivation: if they change, every
// published result changes with them.
func ExampleStreams() {
	s := sim.NewStreams(42, 0)
	fmt.Println(s.Get("attacks").IntN(1000), s.Get("raids").IntN(1000), s.Get("attacks").IntN(1000))
	fmt.Println(sim.NewStreams(42, 1).Get("attacks").IntN(1000))
	// Output:
	// 478 200 910
	// 79
}

func TestStreamsIndependentOfOrder(t *testing.T) {
	a := sim.NewStreams(7, 3)
	x := a.Get("movement").Uint64()
	b := sim.NewStreams(7, 3)
	b.Get("recruitment").Uint64() // touching another stream first changes nothing
	if y := b.Get("movement").Uint64(); x != y {
		t.Errorf("stream depends on use of other streams: %d != %d", x, y)
	}
	if a.Get("movement") != a.Get("movement") {
		t.Error("Get returns a new generator for the same name")
	}
	seen := map[uint64]string{}
	for _, k := range []struct {
		seed uint64
		rep  int
		name string
	}{{1, 0, "a"}, {1, 1, "a"}, {2, 0, "a"}, {1, 0, "b"}, {0, 0, ""}} {
		s, _ := sim.StreamSeed(k.seed, k.rep, k.name)
		if prev, dup := seen[s]; dup {
			t.Errorf("seed collision between %v and %s", k, prev)
		}
		seen[s] = fmt.Sprint(k)
	}
}
