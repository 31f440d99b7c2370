package calibrate

import (
	"strings"
	"testing"

	"github.com/insurgo/insurgo/scenarios"
)

// TestCheckKeyRefusesHugeWorld checks that a prior whose end would build
// a world beyond scenarios.MaxWorldBytes is refused before any proposal
// builds it, naming the memory, and that a prior within the limit passes.
func TestCheckKeyRefusesHugeWorld(t *testing.T) {
	sc, err := scenarios.Load("civil-violence")
	if err != nil {
		t.Fatal(err)
	}
	cal, err := sc.Calendar()
	if err != nil {
		t.Fatal(err)
	}
	huge := ParamSpec{Key: "civil.width", Integer: true, Prior: PriorSpec{Dist: Uniform, Lo: 40, Hi: 2e7}}
	if msg := checkKey(sc, &cal, huge); !strings.Contains(msg, "GiB of memory") {
		t.Errorf("width up to 2e7: %q, want the memory named", msg)
	}
	fine := ParamSpec{Key: "civil.width", Integer: true, Prior: PriorSpec{Dist: Uniform, Lo: 40, Hi: 400}}
	if msg := checkKey(sc, &cal, fine); msg != "" {
		t.Errorf("width up to 400: %q, want no problem", msg)
	}
}
