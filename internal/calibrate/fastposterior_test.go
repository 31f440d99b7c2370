package calibrate

import (
	"reflect"
	"testing"

	"github.com/insurgo/insurgo/scenarios"
)

// TestPosteriorFastSetter checks that the shipped historical posterior
// builds its particles through the fast setter, on historical and on
// slowdown (which fixes posture.choice itself), and that the settings it
// gives are those With gives, particle by particle (every 7th, to keep
// the test short).
func TestPosteriorFastSetter(t *testing.T) {
	fsys, ok := scenarios.Posterior("historical")
	if !ok {
		t.Fatal("historical ships no posterior")
	}
	post, err := LoadPosterior(fsys)
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"historical", "slowdown"} {
		sc, err := scenarios.Load(name)
		if err != nil {
			t.Fatal(err)
		}
		fixed, err := post.Fixed(sc)
		if err != nil {
			t.Fatal(err)
		}
		at, err := sc.With(post.Median(fixed...))
		if err != nil {
			t.Fatal(err)
		}
		fast := post.fastSetter(sc, at, fixed...)
		if fast == nil {
			t.Fatalf("%s: no fast setter for historical's posterior: every particle would go through With", name)
		}
		if len(fast.idx) != len(post.Keys)-len(fixed) {
			t.Fatalf("%s: the fast setter sets %d settings, want %d (%d fixed)", name, len(fast.idx), len(post.Keys)-len(fixed), len(fixed))
		}
		for j := 0; j < len(post.Particles); j += 7 {
			got, err := post.particle(sc, fast, j, fixed...)
			if err != nil {
				t.Fatalf("%s: particle %d: %v", name, j, err)
			}
			want, err := sc.With(post.Overrides(j, fixed...))
			if err != nil {
				t.Fatalf("%s: particle %d through With: %v", name, j, err)
			}
			if !reflect.DeepEqual(got.Params, want.Params) {
				t.Fatalf("%s: particle %d: the fast setter's settings differ from With's", name, j)
			}
		}
	}
}
