package sim

import (
	"errors"
	"fmt"
	"sort"
)

// ErrMerge is wrapped by errors merging aggregates that do not belong
// together.
var ErrMerge = errors.New("sim: cannot merge")

// Aggregate summarises many replicates exactly: for every series and month
// a histogram of its values, pooled histograms of observed samples, and a
// histogram of each window statistic. Memory grows with the number of
// distinct values, not with the number of replicates. Two aggregates of
// disjoint replicates under the same seed merge into the aggregate of
// their union, whatever the order.
type Aggregate struct {
	Months     int   // months per replicate
	Replicates int64 // replicates added
	series     map[Key][]Histogram
	samples    map[string]*Histogram
	windows    []Window
	stats      []Histogram
}

// NewAggregate returns an empty aggregate of months months that also
// histograms the given window statistics.
func NewAggregate(months int, windows []Window) *Aggregate {
	return &Aggregate{
		Months:  months,
		series:  map[Key][]Histogram{},
		samples: map[string]*Histogram{},
		windows: append([]Window(nil), windows...),
		stats:   make([]Histogram, len(windows)),
	}
}

// Add adds one replicate's record. Zero values are not stored: a series
// with fewer entries than Replicates is zero in the rest.
func (a *Aggregate) Add(r *Recorder, c *Calendar) {
	a.Replicates++
	for i, k := range r.keys {
		if !r.used[i] {
			continue
		}
		hs, ok := a.series[k]
		if !ok {
			hs = make([]Histogram, a.Months)
			a.series[k] = hs
		}
		for m, v := range r.values[i] {
			if v != 0 {
				hs[m].Add(float64(v))
			}
		}
	}
	for i, name := range r.obsNames {
		if len(r.obs[i]) == 0 {
			continue
		}
		h := a.samples[name]
		if h == nil {
			h = &Histogram{}
			a.samples[name] = h
		}
		for _, v := range r.obs[i] {
			h.Add(float64(v))
		}
	}
	for i, w := range a.windows {
		a.stats[i].Add(w.Eval(r, c))
	}
}

// Merge adds o's replicates to a. Both must have the same months and
// windows.
func (a *Aggregate) Merge(o *Aggregate) error {
	if a.Months != o.Months {
		return fmt.Errorf("%w: %d months against %d", ErrMerge, a.Months, o.Months)
	}
	if len(a.windows) != len(o.windows) {
		return fmt.Errorf("%w: %d window statistics against %d", ErrMerge, len(a.windows), len(o.windows))
	}
	for i := range a.windows {
		if a.windows[i] != o.windows[i] {
			return fmt.Errorf("%w: window statistic %q differs", ErrMerge, a.windows[i].Name)
		}
	}
	a.Replicates += o.Replicates
	for k, ohs := range o.series {
		hs, ok := a.series[k]
		if !ok {
			hs = make([]Histogram, a.Months)
			a.series[k] = hs
		}
		for m := range ohs {
			hs[m].Merge(&ohs[m])
		}
	}
	for name, oh := range o.samples {
		h := a.samples[name]
		if h == nil {
			h = &Histogram{}
			a.samples[name] = h
		}
		h.Merge(oh)
	}
	for i := range a.stats {
		a.stats[i].Merge(&o.stats[i])
	}
	return nil
}

// Keys returns the keys of every series seen, sorted by metric then scope.
func (a *Aggregate) Keys() []Key {
	ks := make([]Key, 0, len(a.series))
	for k := range a.series {
		ks = append(ks, k)
	}
	sortKeys(ks)
	return ks
}

// Month returns the histogram of series k in month m over all replicates,
// zeros included. It is empty if no replicate was added.
func (a *Aggregate) Month(k Key, m int) *Histogram {
	h := &Histogram{}
	if hs, ok := a.series[k]; ok {
		h.Merge(&hs[m])
	}
	h.AddN(0, a.Replicates-h.N())
	return h
}

// SampleNames returns the names of the pooled distributions, sorted.
func (a *Aggregate) SampleNames() []string {
	ns := make([]string, 0, len(a.samples))
	for n := range a.samples {
		ns = append(ns, n)
	}
	sort.Strings(ns)
	return ns
}

// Samples returns the pooled histogram of the named distribution (empty if
// never observed).
func (a *Aggregate) Samples(name string) *Histogram {
	if h := a.samples[name]; h != nil {
		return h
	}
	return &Histogram{}
}

// Windows returns the window statistics the aggregate histograms.
func (a *Aggregate) Windows() []Window { return a.windows }

// Stat returns the histogram, over replicates, of window statistic i.
func (a *Aggregate) Stat(i int) *Histogram { return &a.stats[i] }
