package civil

import "github.com/insurgo/insurgo/sim"

// Metrics the model records, all in scope "total". Counts are taken after
// each step and kept at the end of each recording period; arrests and
// outbursts are summed over the period.
const (
	MActive    = "active"    // active citizens
	MQuiet     = "quiet"     // quiet citizens, free and not active
	MJailed    = "jailed"    // citizens in jail
	MArrests   = "arrests"   // arrests made
	MOutbursts = "outbursts" // outbursts begun: steps where active first reaches the outburst threshold
	MCitizens  = "citizens"  // citizens (constant within a run)
	MCops      = "cops"      // cops (constant within a run)
)

// Pooled samples the model observes (sim.Recorder.Observe).
const (
	// SOutburstSize is the peak number of active citizens of each outburst.
	SOutburstSize = "outburst_size"
	// SOutburstInterval is the steps from the start of one outburst to the
	// start of the next, in each run.
	SOutburstInterval = "outburst_interval"
	// SOutburstDuration is the number of steps each outburst lasts.
	SOutburstDuration = "outburst_duration"
)

// Scope is the one scope the model records under.
const Scope = "total"

// Metrics returns the metrics the model records, sorted.
func Metrics() []string {
	return []string{MActive, MArrests, MCitizens, MCops, MJailed, MOutbursts, MQuiet}
}

// Scopes returns the scopes the model records under.
func Scopes() []string { return []string{Scope} }

// Fields of the model's events: each outburst is an event of kind
// "outburst" on the step it began, with these fields.
const (
	FieldPeak     = "peak"     // most active citizens in one step of it
	FieldDuration = "duration" // steps it lasted
)

// EventFields lists the fields of the model's events, for the columns of
// events.csv.
func EventFields() []string { return []string{FieldPeak, FieldDuration} }

// Headline is the figure a command reports when not told which (compare's
// default -metric, -scope and -statistic): the active citizens, their mean
// per recording period (per step by default) over the whole run.
func Headline() sim.Window {
	return sim.Window{Name: MActive, Metric: MActive, Scope: Scope, Statistic: sim.MeanPerMonth}
}
