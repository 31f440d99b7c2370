package intergroup

import "github.com/insurgo/insurgo/sim"

// Metrics the model records. Counts are taken after each step and kept at
// the end of each recording period; killings, births, deaths and arrests
// are summed over the period. Every metric but minority and peacekeepers
// is recorded in each group's scope and in total.
const (
	MPopulation  = "population"   // living citizens, jailed ones included
	MActive      = "active"       // active citizens (killers) after the step
	MJailed      = "jailed"       // citizens in jail
	MKilled      = "killed"       // citizens killed by the other group: in a group's scope, its members killed
	MBirths      = "births"       // citizens born
	MDeaths      = "deaths"       // citizens dead of age
	MArrests     = "arrests"      // arrests made: in a group's scope, of its members
	MMinority    = "minority"     // living citizens of the smaller group (total only)
	MPeacekeeper = "peacekeepers" // peacekeepers on the grid (total only)
)

// Scopes the model records under.
const (
	Scope      = "total"
	ScopeBlue  = "group:blue"
	ScopeGreen = "group:green"
)

// Pooled samples the model observes (sim.Recorder.Observe).
const (
	// SExtinction is the step (from 1) at which a group's last member
	// died, once per run in which one did.
	SExtinction = "extinction_step"
)

// Metrics returns the metrics the model records, sorted.
func Metrics() []string {
	return []string{MActive, MArrests, MBirths, MDeaths, MJailed, MKilled, MMinority, MPeacekeeper, MPopulation}
}

// Scopes returns the scopes the model records under.
func Scopes() []string { return []string{ScopeBlue, ScopeGreen, Scope} }

// Fields of the model's events: a run in which a group dies out has one
// event of kind "extinction" on that step.
const (
	FieldGroup     = "group"     // the group that died out: 0 blue, 1 green
	FieldSurvivors = "survivors" // living members of the other group then
)

// EventFields lists the fields of the model's events, for the columns of
// events.csv.
func EventFields() []string { return []string{FieldGroup, FieldSurvivors} }

// Headline is the figure a command reports when not told which (compare's
// default -metric, -scope and -statistic): the living members of the
// smaller group at the end of the run, 0 where one group was wiped out.
func Headline() sim.Window {
	return sim.Window{Name: MMinority, Metric: MMinority, Scope: Scope, Statistic: sim.EndValue}
}
