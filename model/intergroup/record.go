package intergroup

import "github.com/insurgo/insurgo/sim"

// perGroup lists the metrics recorded in each group's scope and in total,
// in the order of handles.g.
var perGroup = [...]string{MPopulation, MActive, MJailed, MKilled, MBirths, MDeaths, MArrests}

const (
	hPopulation = iota
	hActive
	hJailed
	hKilled
	hBirths
	hDeaths
	hArrests
)

// handles are the series the model records into: g[metric][scope], the
// scope being blue, green or total (0, 1, 2).
type handles struct {
	g                      [len(perGroup)][3]sim.Series
	minority, peacekeepers sim.Series
}

func newHandles(r *sim.Recorder) handles {
	var h handles
	for m, name := range perGroup {
		for s, sc := range [3]string{ScopeBlue, ScopeGreen, Scope} {
			h.g[m][s] = r.Series(name, sc)
		}
	}
	h.minority = r.Series(MMinority, Scope)
	h.peacekeepers = r.Series(MPeacekeeper, Scope)
	return h
}

// record records step d: the step's killings, births, deaths and arrests
// are added to its period, and at the period's end the counts are set.
// The step a group dies out is observed (SExtinction) and, if events are
// kept, recorded as an event.
func (w *World) record(d sim.Day) {
	r, m := w.rec, d.Month
	add := func(h int, v [2]int64) {
		r.Add(w.hs.g[h][0], m, v[0])
		r.Add(w.hs.g[h][1], m, v[1])
		r.Add(w.hs.g[h][2], m, v[0]+v[1])
	}
	add(hKilled, w.killed)
	add(hBirths, w.births)
	add(hDeaths, w.deaths)
	add(hArrests, w.arrests)
	for g := range 2 {
		w.tKilled[g] += w.killed[g]
		w.tBirths[g] += w.births[g]
		w.tDeaths[g] += w.deaths[g]
	}
	w.killed, w.births, w.deaths, w.arrests = [2]int64{}, [2]int64{}, [2]int64{}, [2]int64{}
	if d.MonthEnd {
		active, jailed := w.counts()
		set := func(h int, v [2]int) {
			r.Set(w.hs.g[h][0], m, int64(v[0]))
			r.Set(w.hs.g[h][1], m, int64(v[1]))
			r.Set(w.hs.g[h][2], m, int64(v[0]+v[1]))
		}
		set(hPopulation, w.pop)
		set(hActive, active)
		set(hJailed, jailed)
		r.Set(w.hs.minority, m, int64(min(w.pop[0], w.pop[1])))
		r.Set(w.hs.peacekeepers, m, int64(w.keepers))
	}
	if !w.extinct && w.start[0] > 0 && w.start[1] > 0 && (w.pop[0] == 0 || w.pop[1] == 0) {
		w.extinct = true
		gone := 0
		if w.pop[0] > 0 {
			gone = 1
		}
		r.Observe(SExtinction, int64(d.Index+1))
		if r.KeepEvents() {
			r.Event(sim.Event{Day: d.Index, Kind: "extinction", Fields: []sim.Field{
				{Name: FieldGroup, Value: int64(gone)}, {Name: FieldSurvivors, Value: int64(w.pop[1-gone])}}})
		}
	}
}

// counts returns the active and the jailed citizens of each group.
func (w *World) counts() (active, jailed [2]int) {
	for i := range w.agents {
		a := &w.agents[i]
		if a.kind != blue && a.kind != green {
			continue
		}
		switch {
		case a.pos < 0:
			jailed[a.group()]++
		case a.active:
			active[a.group()]++
		}
	}
	return active, jailed
}
