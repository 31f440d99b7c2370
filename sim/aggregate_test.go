package sim

import "testing"

// TestAggregateCountsEveryReplicate adds replicates through two
// recorders in turn, with a series one recorder registers late and a
// value above denseMax, and checks every month's histogram against counts
// kept by hand: Add loses, repeats or moves no value, whichever recorder
// it came from.
func TestAggregateCountsEveryReplicate(t *testing.T) {
	const months, n = 3, 37
	a := NewAggregate(months, nil)
	recs := []*Recorder{NewRecorder(months), NewRecorder(months)}
	want := map[Key][months]map[float64]int64{}
	count := func(k Key, m int, v int64) {
		w := want[k]
		if w[m] == nil {
			for i := range w {
				w[i] = map[float64]int64{}
			}
		}
		w[m][float64(v)]++
		want[k] = w
	}
	for rep := range n {
		r := recs[(rep/5)%2] // switch recorder every 5 replicates
		r.Reset()
		s := r.Series("attacks", "total")
		for m := range months {
			r.Add(s, m, int64((rep*7+m)%4)) // zeros included
			count(Key{"attacks", "total"}, m, int64((rep*7+m)%4))
		}
		if rep >= 11 {
			big := r.Series("fighters", "total")
			r.Set(big, 1, int64(1000+rep)) // a value above denseMax
			for m := range months {
				v := int64(0)
				if m == 1 {
					v = int64(1000 + rep)
				}
				count(Key{"fighters", "total"}, m, v)
			}
		}
		a.Add(r, nil)
	}
	for k, w := range want {
		for m := range months {
			h := a.Month(k, m)
			for v, c := range w[m] {
				if v == 0 {
					// Replicates that never registered the series add zeros too.
					c += int64(n) - sum(w[m])
				}
				if got := h.Count(v); got != c {
					t.Errorf("%v month %d: value %g counted %d times, want %d", k, m, v, got, c)
				}
			}
			if h.N() != n {
				t.Errorf("%v month %d: %d values, want %d", k, m, h.N(), n)
			}
		}
	}
}

func sum(m map[float64]int64) int64 {
	var s int64
	for _, c := range m {
		s += c
	}
	return s
}
