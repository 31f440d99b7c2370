package scenarios

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

// Issue 11, defect 4: merging arrays of tables searched linearly per
// element, so 40,000 targets took 32 s. mergeByName is now linear: 100,000
// elements over 100,000 merge in well under a second (quadratic would be
// 1e10 comparisons, minutes).
func TestMergeByNameLinear(t *testing.T) {
	const n = 100_000
	base := make([]map[string]any, n)
	over := make([]map[string]any, n)
	for i := range base {
		base[i] = map[string]any{"name": fmt.Sprint("b", i), "v": int64(i)}
		over[i] = map[string]any{"name": fmt.Sprint("b", n-1-i), "w": int64(i)}
	}
	start := time.Now()
	out := mergeByName(base, over)
	if el := time.Since(start); el > 5*time.Second {
		t.Errorf("merging %d by name took %s", n, el)
	}
	if len(out) != n || out[0]["w"] != int64(n-1) || out[0]["v"] != int64(0) {
		t.Errorf("merge by name wrong: %d elements, first %v", len(out), out[0])
	}
	// Semantics kept: a new name is appended once and later elements of
	// the same name merge into it; unnamed elements are appended.
	got := mergeByName(
		[]map[string]any{{"name": "a", "x": int64(1)}},
		[]map[string]any{{"name": "n", "x": int64(2)}, {"name": "n", "y": int64(3)}, {"x": int64(4)}, {"name": "a", "y": int64(5)}})
	if len(got) != 3 || got[0]["y"] != int64(5) || got[1]["x"] != int64(2) || got[1]["y"] != int64(3) || got[2]["x"] != int64(4) {
		t.Errorf("merge semantics changed: %v", got)
	}
}

// Issue 11, defect 4: a file of unknown keys printed 604,948 error lines.
// The message lists the first MaxShown and counts the rest.
func TestErrorOutputCapped(t *testing.T) {
	var b strings.Builder
	b.WriteString("extends = \"historical\"\n")
	for i := range 5000 {
		fmt.Fprintf(&b, "nosuchkey%d = 1\n", i)
	}
	_, err := LoadBytes("many.toml", []byte(b.String()))
	if err == nil {
		t.Fatal("a file of unknown keys loaded")
	}
	lines := strings.Split(err.Error(), "\n")
	if len(lines) != MaxShown+1 || !strings.Contains(lines[MaxShown], "and 4950 more problems (5000 in all)") {
		t.Errorf("%d lines, last %q", len(lines), lines[len(lines)-1])
	}
}
