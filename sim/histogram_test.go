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

// Values kept densely (small non-negative integers) and sparsely (the
// rest) come back as one sorted histogram.
func TestHistogramMixedValues(t *testing.T) {
	var h sim.Histogram
	in := []float64{3, 1000, -2, 0.25, 3, 255, 256, 0, 1e12, -2}
	for _, v := range in {
		h.Add(v)
	}
	vals, counts := h.Values()
	want := []float64{-2, 0, 0.25, 3, 255, 256, 1000, 1e12}
	wantN := []int64{2, 1, 1, 2, 1, 1, 1, 1}
	if len(vals) != len(want) {
		t.Fatalf("values %v, want %v", vals, want)
	}
	for i := range want {
		if vals[i] != want[i] || counts[i] != wantN[i] {
			t.Errorf("entry %d: %v×%d, want %v×%d", i, vals[i], counts[i], want[i], wantN[i])
		}
	}
	if h.N() != int64(len(in)) || h.Count(3) != 2 || h.Count(7) != 0 {
		t.Errorf("N %d, Count(3) %d, Count(7) %d", h.N(), h.Count(3), h.Count(7))
	}
	if got := h.Quantile(0.5); got != 3 {
		t.Errorf("median %v, want 3", got)
	}
}

func BenchmarkAggregateAdd(b *testing.B) {
	cal := mustCalendar(b, "2021-09-01", "2023-12-31")
	rec := sim.NewRecorder(cal.Months())
	for i := range 200 {
		s := rec.Series("m", string(rune('a'+i%26))+string(rune('a'+i/26)))
		for m := range cal.Months() {
			rec.Add(s, m, int64((i*m)%7))
		}
	}
	agg := sim.NewAggregate(cal.Months(), nil)
	for b.Loop() {
		agg.Add(rec, &cal)
	}
}
