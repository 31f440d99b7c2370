package sim_test

import (
	"math"
	"testing"

	"github.com/insurgo/insurgo/sim"
)

func TestHistogramQuantiles(t *testing.T) {
	var h sim.Histogram
	for v := 1; v <= 100; v++ {
		h.Add(float64(v))
	}
	// Empirical quantile of 1..100: the smallest v with v/100 >= p.
	for _, c := range []struct{ p, want float64 }{{0.05, 5}, {0.25, 25}, {0.5, 50}, {0.95, 95}, {1, 100}} {
		if got := h.Quantile(c.p); got != c.want {
			t.Errorf("Quantile(%v) = %v, want %v", c.p, got, c.want)
		}
	}
	if got := h.Mean(); got != 50.5 {
		t.Errorf("Mean = %v, want 50.5", got)
	}
	var e sim.Histogram
	if !math.IsNaN(e.Quantile(0.5)) || !math.IsNaN(e.Mean()) {
		t.Error("empty histogram has a quantile or mean")
	}
}

func TestHistogramMergeIsExact(t *testing.T) {
	var a, b, all sim.Histogram
	for i := 0; i < 1000; i++ {
		v := float64((i * 7919) % 37)
		all.Add(v)
		if i%3 == 0 {
			a.Add(v)
		} else {
			b.Add(v)
		}
	}
	b.Merge(&a)
	if b.Summarize() != all.Summarize() || b.N() != all.N() {
		t.Errorf("merged %+v, want %+v", b.Summarize(), all.Summarize())
	}
}
