package isk

import (
	"sort"

	"github.com/insurgo/insurgo/sim"
)

// Scope classes a metric is recorded under.
const (
	scTotal = 1 << iota
	scCountry
	scGroup
	scRegion
	scType
	scBorder
	scLanguage
	scPool
)

// metricScopes says which scope classes each metric is recorded in.
var metricScopes = []struct {
	name    string
	classes int
}{
	{MAttacks, scTotal | scCountry | scGroup | scRegion | scType},
	{MClaimed, scTotal | scCountry | scGroup | scRegion | scType},
	{MSuicide, scTotal | scCountry | scGroup | scType},
	{MCasualties, scTotal | scCountry | scGroup | scType},
	{MDeaths, scTotal | scCountry | scGroup | scType},
	{MWounded, scTotal | scCountry | scGroup | scType},
	{MFighters, scTotal | scCountry | scGroup},
	{MCells, scTotal | scCountry | scGroup},
	{MVolunteers, scTotal},
	{MRecruits, scTotal | scCountry | scGroup | scPool},
	{MArrivals, scTotal | scBorder},
	{MMoves, scTotal | scBorder | scGroup},
	{MRaids, scTotal | scCountry | scGroup},
	{MRaidHits, scTotal | scCountry | scGroup},
	{MFightersLost, scTotal | scCountry | scGroup},
	{MLeadersKilled, scTotal | scCountry},
	{MCommanders, scTotal | scCountry | scGroup},
	{MPropaganda, scTotal | scLanguage},
	{MSlowed, scTotal | scCountry},
	{MPressure, scTotal | scCountry},
}

// Metric indices into metricScopes.
const (
	iAttacks = iota
	iClaimed
	iSuicide
	iCasualties
	iDeaths
	iWounded
	iFighters
	iCells
	iVolunteers
	iRecruits
	iArrivals
	iMoves
	iRaids
	iRaidHits
	iFightersLost
	iLeadersKilled
	iCommanders
	iPropaganda
	iSlowed
	iPressure
	nMetrics
)

// scopeTable numbers every scope the model records under.
type scopeTable struct {
	names      []string
	class      []int
	countries  []string       // sorted country names
	countryIdx map[string]int // country name -> index into countries
	country    []int          // scope id of country i
	group      []int          // scope id of group i
	region     []int          // scope id of region i
	typ        []int          // scope id of attack type i
	border     []int
	language   []int
	pool       []int
	// regs[i] lists (metric, scope id) pairs to register, in order.
	regs []reg
	// parts: scope names and their region parts, for distinct_regions.
	parts []scopeParts
}

type reg struct{ metric, scope int }

type scopeParts struct {
	scope string
	parts []string
}

func newScopeTable(p *Params) scopeTable {
	var t scopeTable
	add := func(name string, class int) int {
		t.names = append(t.names, name)
		t.class = append(t.class, class)
		return len(t.names) - 1
	}
	add("total", scTotal)
	set := map[string]bool{}
	for _, r := range p.Regions {
		set[r.Country] = true
	}
	t.countries = sortedKeys(set)
	t.countryIdx = map[string]int{}
	for i, c := range t.countries {
		t.countryIdx[c] = i
		t.country = append(t.country, add("country:"+c, scCountry))
	}
	for _, g := range Groups {
		t.group = append(t.group, add("group:"+g, scGroup))
	}
	for _, r := range p.Regions {
		t.region = append(t.region, add("region:"+r.Name, scRegion))
	}
	for _, a := range p.AttackTypes {
		t.typ = append(t.typ, add("type:"+a.Name, scType))
	}
	for _, b := range p.Borders {
		t.border = append(t.border, add("border:"+b.Name, scBorder))
	}
	for _, l := range p.Languages {
		t.language = append(t.language, add("language:"+l.Name, scLanguage))
	}
	for _, l := range p.Pools {
		t.pool = append(t.pool, add("pool:"+l.Name, scPool))
	}
	for m, ms := range metricScopes {
		for s, cl := range t.class {
			if ms.classes&cl != 0 {
				t.regs = append(t.regs, reg{m, s})
			}
		}
	}
	// Parts for distinct-region statistics: total, each country, each group.
	partsOf := map[string][]string{}
	for _, r := range p.Regions {
		rs := "region:" + r.Name
		partsOf["total"] = append(partsOf["total"], rs)
		partsOf["country:"+r.Country] = append(partsOf["country:"+r.Country], rs)
		partsOf["group:"+r.Group] = append(partsOf["group:"+r.Group], rs)
	}
	keys := make([]string, 0, len(partsOf))
	for k := range partsOf {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		t.parts = append(t.parts, scopeParts{k, partsOf[k]})
	}
	return t
}

// handles maps (metric, scope id) to a recorder series, -1 if the metric is
// not recorded in that scope.
type handles struct {
	rec *sim.Recorder
	h   [nMetrics][]sim.Series
}

func newHandles(rec *sim.Recorder, t *scopeTable) *handles {
	hs := &handles{rec: rec}
	for m := range hs.h {
		hs.h[m] = make([]sim.Series, len(t.names))
		for i := range hs.h[m] {
			hs.h[m][i] = -1
		}
	}
	for _, r := range t.regs {
		hs.h[r.metric][r.scope] = rec.Series(metricScopes[r.metric].name, t.names[r.scope])
	}
	for _, sp := range t.parts {
		rec.SetParts(sp.scope, sp.parts)
	}
	return hs
}

// add adds v to metric m in each of the given scopes, in month mo.
func (hs *handles) add(m, mo int, v int64, scopes ...int) {
	for _, s := range scopes {
		if h := hs.h[m][s]; h >= 0 {
			hs.rec.Add(h, mo, v)
		}
	}
}

// set sets metric m in scope s, month mo, to v.
func (hs *handles) set(m, mo int, v int64, s int) {
	if h := hs.h[m][s]; h >= 0 {
		hs.rec.Set(h, mo, v)
	}
}
