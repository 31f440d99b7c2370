package sim

import "sort"

// Key names a recorded series: a metric in a scope, such as
// {"attacks", "group:kp"} or {"fighters", "total"}.
type Key struct {
	Metric string
	Scope  string
}

// String formats k as metric/scope.
func (k Key) String() string { return k.Metric + "/" + k.Scope }

// Series is a handle to a recorded series, returned by Recorder.Series.
type Series int32

// Event is one thing that happened in a replicate, kept only when the run
// asks for per-replicate output.
type Event struct {
	Day    int    // day index in the calendar
	Kind   string // what happened, e.g. "attack" or "raid"
	Type   string // a model-defined subtype
	Region string // where
	// Fields are the event's quantities, each under a name of one meaning
	// (casualties, claimed, fighters, ...); a flag is 0 or 1. A model
	// lists every name it uses, for the columns of events.csv.
	Fields []Field
}

// Field is a named quantity of an event.
type Field struct {
	Name  string
	Value int64
}

// Flag is 1 for true and 0 for false, an event field's form of a flag.
func Flag(b bool) int64 {
	if b {
		return 1
	}
	return 0
}

// Recorder holds one replicate's per-month values. Series are registered
// once by key and then updated through their handle, so the per-day path
// costs a slice index, not a map lookup. A worker reuses one Recorder for
// many replicates: Reset clears the values but keeps the registered keys,
// so handles stay valid across replicates.
type Recorder struct {
	months     int
	index      map[Key]Series
	keys       []Key
	values     [][]int64
	used       []bool
	parts      map[string][]string
	obsIndex   map[string]int
	obsNames   []string
	obs        [][]int64
	keepEvents bool
	events     []Event
}

// NewRecorder returns a recorder for the given number of months.
func NewRecorder(months int) *Recorder {
	return &Recorder{
		months:   months,
		index:    map[Key]Series{},
		parts:    map[string][]string{},
		obsIndex: map[string]int{},
	}
}

// Months returns the number of months recorded.
func (r *Recorder) Months() int { return r.months }

// Series returns the handle of the series with the given metric and scope,
// registering it on first use.
func (r *Recorder) Series(metric, scope string) Series {
	k := Key{metric, scope}
	if s, ok := r.index[k]; ok {
		r.used[s] = true
		return s
	}
	s := Series(len(r.keys))
	r.index[k] = s
	r.keys = append(r.keys, k)
	r.values = append(r.values, make([]int64, r.months))
	r.used = append(r.used, true)
	return s
}

// Add adds v to series s in month m.
func (r *Recorder) Add(s Series, m int, v int64) { r.values[s][m] += v }

// Set sets series s in month m to v (a gauge, such as month-end strength).
func (r *Recorder) Set(s Series, m int, v int64) { r.values[s][m] = v }

// SetParts declares that scope is made of the given part scopes (for
// example "country:afghanistan" of its "region:..." scopes), for statistics
// that count parts. A later call replaces the earlier one.
func (r *Recorder) SetParts(scope string, parts []string) {
	r.parts[scope] = append([]string(nil), parts...)
}

// Observe adds v to the replicate's sample of the named distribution, such
// as casualties per attack. Samples are pooled across replicates.
func (r *Recorder) Observe(name string, v int64) {
	i, ok := r.obsIndex[name]
	if !ok {
		i = len(r.obsNames)
		r.obsIndex[name] = i
		r.obsNames = append(r.obsNames, name)
		r.obs = append(r.obs, nil)
	}
	r.obs[i] = append(r.obs[i], v)
}

// KeepEvents reports whether events are kept; models may skip building
// events when it is false.
func (r *Recorder) KeepEvents() bool { return r.keepEvents }

// Event keeps e if events are kept, and drops it otherwise.
func (r *Recorder) Event(e Event) {
	if r.keepEvents {
		r.events = append(r.events, e)
	}
}

// Reset clears every value, sample and event, keeping the registered series.
func (r *Recorder) Reset() {
	for i, v := range r.values {
		clear(v)
		r.used[i] = false
	}
	for i := range r.obs {
		r.obs[i] = r.obs[i][:0]
	}
	r.events = r.events[:0]
}

// Value returns the value of metric/scope in month m, 0 if never recorded.
func (r *Recorder) Value(metric, scope string, m int) int64 {
	if s, ok := r.index[Key{metric, scope}]; ok && r.used[s] {
		return r.values[s][m]
	}
	return 0
}

// Values returns the monthly values of metric/scope, nil if not recorded in
// this replicate. The slice is the recorder's own: do not keep it past the
// replicate.
func (r *Recorder) Values(metric, scope string) []int64 {
	if s, ok := r.index[Key{metric, scope}]; ok && r.used[s] {
		return r.values[s]
	}
	return nil
}

// Parts returns the part scopes declared for scope.
func (r *Recorder) Parts(scope string) []string { return r.parts[scope] }

// Keys returns the keys of the series recorded in this replicate, sorted.
func (r *Recorder) Keys() []Key {
	var ks []Key
	for i, k := range r.keys {
		if r.used[i] {
			ks = append(ks, k)
		}
	}
	sortKeys(ks)
	return ks
}

// Events returns the kept events in the order they were recorded.
func (r *Recorder) Events() []Event { return r.events }

// Samples returns the replicate's sample of the named distribution.
func (r *Recorder) Samples(name string) []int64 {
	if i, ok := r.obsIndex[name]; ok {
		return r.obs[i]
	}
	return nil
}

func sortKeys(ks []Key) {
	sort.Slice(ks, func(i, j int) bool {
		if ks[i].Metric != ks[j].Metric {
			return ks[i].Metric < ks[j].Metric
		}
		return ks[i].Scope < ks[j].Scope
	})
}
