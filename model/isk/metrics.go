package isk

import (
	"sort"

	"github.com/insurgo/insurgo/sim"
)

// Metric names the model records per month.
const (
	MAttacks        = "attacks"         // attacks mounted
	MClaimed        = "claimed"         // attacks ISK claimed (what the published counts see)
	MSuicide        = "suicide_attacks" // suicide attacks
	MCasualties     = "casualties"      // killed and wounded
	MDeaths         = "deaths"          // killed
	MWounded        = "wounded"         // wounded
	MFighters       = "fighters"        // month-end gauge
	MCells          = "cells"           // month-end gauge
	MVolunteers     = "volunteers"      // month-end gauge: suicide volunteers
	MRecruits       = "recruits"        // fighters joined
	MArrivals       = "arrivals"        // foreign recruits who crossed a border
	MMoves          = "moves"           // cell moves (scoped by border crossed and destination)
	MRaids          = "raids"           // raids mounted
	MRaidHits       = "raid_hits"       // raids that found their cell
	MFightersLost   = "fighters_lost"   // fighters killed, captured or deserted
	MLeadersKilled  = "leaders_killed"  // named senior leaders killed or captured
	MCommanders     = "commanders_killed"
	MPropaganda     = "propaganda" // items published that got through
	MSlowed         = "slowed"     // 1 in months the leadership chose a slowdown
	MPressure       = "pressure"   // month-end gauge: the leadership's perceived pressure, in 1/10,000
	SampleCasualty  = "casualties"
	SampleDeaths    = "deaths"
	SampleAttacksPM = "attacks_per_month"
)

// Metrics returns the metric names the model records, sorted.
func (p *Params) Metrics() []string {
	ms := []string{MAttacks, MClaimed, MSuicide, MCasualties, MDeaths, MWounded, MFighters, MCells,
		MVolunteers, MRecruits, MArrivals, MMoves, MRaids, MRaidHits,
		MFightersLost, MLeadersKilled, MCommanders, MPropaganda, MSlowed, MPressure}
	sort.Strings(ms)
	return ms
}

// Scopes returns every scope the model records under, sorted: total,
// country:<c>, group:<g>, region:<Name>, type:<attack type>,
// border:<border>, language:<language>, pool:<pool>.
func (p *Params) Scopes() []string {
	set := map[string]bool{"total": true}
	for _, g := range Groups {
		set["group:"+g] = true
	}
	for _, r := range p.Regions {
		set["country:"+r.Country] = true
		set["region:"+r.Name] = true
	}
	for _, a := range p.AttackTypes {
		set["type:"+a.Name] = true
	}
	for _, b := range p.Borders {
		set["border:"+b.Name] = true
	}
	for _, l := range p.Languages {
		set["language:"+l.Name] = true
	}
	for _, l := range p.Pools {
		set["pool:"+l.Name] = true
	}
	return sortedKeys(set)
}

// Headline is the figure a command reports when not told which (compare's
// default -metric, -scope and -statistic): attacks in Afghanistan, summed
// over the window.
func Headline() sim.Window {
	return sim.Window{Name: MAttacks, Metric: MAttacks, Scope: "country:afghanistan", Statistic: sim.Sum}
}
