package scenarios

import (
	"fmt"
	"time"

	"github.com/insurgo/insurgo/internal/compare"
	"github.com/insurgo/insurgo/internal/report"
	"github.com/insurgo/insurgo/model/civil"
	"github.com/insurgo/insurgo/model/intergroup"
	"github.com/insurgo/insurgo/model/isk"
	"github.com/insurgo/insurgo/sim"
)

// Models a scenario can name with its top-level model key.
const (
	ModelISK        = "isk"        // the ISK–Taliban world (package model/isk), the default
	ModelCivil      = "civil"      // Epstein's civil violence (package model/civil)
	ModelIntergroup = "intergroup" // Epstein's inter-group violence (package model/intergroup)
)

// Models lists the models a scenario can name.
var Models = []string{ModelISK, ModelCivil, ModelIntergroup}

// Scenario is a loaded, resolved and validated scenario: every extends
// merged, every default filled in.
type Scenario struct {
	Name        string // the name key, or the file's base name without .toml
	Description string // inherited through extends unless the file sets it
	Extends     string // the extends key of the file itself, as written
	Source      string // the file it came from, as named in errors
	// Hash is the hex SHA-256 of the resolved scenario's canonical
	// encoding (start, end, every model setting with defaults filled in,
	// and the targets): two scenarios that run the same share a hash,
	// whatever their names, comments, key order or extends chains.
	Hash string
	// Model is the model the scenario runs: ModelISK, ModelCivil or
	// ModelIntergroup.
	Model string
	// Start and End are the first and last simulated days, at midnight
	// UTC, of an ISK scenario; zero for the others, which count steps.
	Start, End time.Time
	// Params are the ISK model's settings (an ISK scenario's only).
	Params isk.Params
	// Civil are the civil-violence model's settings, the [civil] table
	// (a civil scenario's only).
	Civil civil.Params
	// Intergroup are the inter-group violence model's settings, the
	// [intergroup] table (an intergroup scenario's only).
	Intergroup intergroup.Params
	Targets    []Target
	// Warnings lists what loads but probably is a mistake, with file,
	// line and key: a dated setting (a raid phase, a scripted death, a
	// start of output) that cannot act within the run's span. Each wraps
	// ErrOutsideRun. Commands print them and go on.
	Warnings Errors

	raw   map[string]any // the resolved document, for With
	chain []*source      // the files it was resolved from, most derived first
}

// Target is an observed figure to hold the simulation against: a window
// statistic (Window.Name is the target's name), its observed value, what
// kind of figure it is and how precisely it was observed.
type Target struct {
	sim.Window
	Observed float64
	// Kind is KindTarget (fitted, covered, scored) or KindCheck (a
	// scenario input, only reported).
	Kind string
	// ObsSD is the absolute standard deviation of the observation error,
	// resolved: obs_sd as written, or obs_rel × observed, or the default
	// for the statistic (DefaultCountSD and its kin). The observed figure
	// is read as the simulated statistic plus a normal error of this s.d.:
	// a calibration distance should weigh the target by it, and a target
	// is covered when the observed figure lies in the 90% interval of the
	// simulated value plus this error.
	ObsSD float64
}

// IsCheck reports whether t is a check (a scenario input echoed back),
// not a target.
func (t Target) IsCheck() bool { return t.Kind == KindCheck }

// Calendar returns the calendar of the scenario's span: its dates, or for
// a civil or intergroup scenario its step clock.
func (s *Scenario) Calendar() (sim.Calendar, error) {
	switch s.Model {
	case ModelCivil:
		return s.Civil.Calendar()
	case ModelIntergroup:
		return s.Intergroup.Calendar()
	}
	return sim.NewCalendar(s.Start, s.End)
}

// Stepped reports whether the scenario's model counts steps, not dates.
func (s *Scenario) Stepped() bool { return s.Model == ModelCivil || s.Model == ModelIntergroup }

// Steps returns the steps a stepped scenario runs, 0 for a dated one.
func (s *Scenario) Steps() int {
	switch s.Model {
	case ModelCivil:
		return s.Civil.Steps
	case ModelIntergroup:
		return s.Intergroup.Steps
	}
	return 0
}

// Observed returns the targets and checks in the form
// internal/report.Build takes, in file order.
func (s *Scenario) Observed() []report.Observed {
	out := make([]report.Observed, len(s.Targets))
	for i, t := range s.Targets {
		out[i] = report.Observed{Window: t.Window, Observed: t.Observed, Kind: t.Kind, ObsSD: t.ObsSD}
	}
	return out
}

// document is the typed form of a scenario file: the top-level keys that
// belong to this package, and the model's settings beside them.
type document struct {
	Name        string            `toml:"name"`
	Description string            `toml:"description"`
	Extends     string            `toml:"extends"`
	Drop        []string          `toml:"drop"`
	Start       time.Time         `toml:"start"`
	End         time.Time         `toml:"end"`
	Targets     []targetDoc       `toml:"target"`
	Model       string            `toml:"model"`
	Civil       civil.Params      `toml:"civil"`
	Intergroup  intergroup.Params `toml:"intergroup"`
	isk.Params
}

// targetDoc is a [[target]] as written: a window and its observed value.
type targetDoc struct {
	sim.Window
	Observed float64  `toml:"observed"`
	Kind     string   `toml:"kind"`
	ObsSD    *float64 `toml:"obs_sd"`
	ObsRel   *float64 `toml:"obs_rel"`
}

func newDocument() *document {
	return &document{Params: isk.Default(), Civil: civil.Default(), Intergroup: intergroup.Default()}
}

// Factory returns the factory of the scenario's model over its calendar.
// Commands build models through it, never through a model package
// directly, so that a scenario can name which model it runs.
func (s *Scenario) Factory(cal *sim.Calendar) (sim.Factory, error) {
	switch s.Model {
	case ModelCivil:
		return civil.NewFactory(&s.Civil, cal)
	case ModelIntergroup:
		return intergroup.NewFactory(&s.Intergroup, cal)
	}
	return isk.NewFactory(&s.Params, cal)
}

// Metrics returns the metrics the scenario's model records.
func (s *Scenario) Metrics() []string {
	switch s.Model {
	case ModelCivil:
		return civil.Metrics()
	case ModelIntergroup:
		return intergroup.Metrics()
	}
	return s.Params.Metrics()
}

// EventFields returns the fields of the events the scenario's model
// records, the columns of events.csv after the fixed ones.
func (s *Scenario) EventFields() []string {
	switch s.Model {
	case ModelCivil:
		return civil.EventFields()
	case ModelIntergroup:
		return intergroup.EventFields()
	}
	return s.Params.EventFields()
}

// Scopes returns the scopes the scenario's model records.
func (s *Scenario) Scopes() []string {
	switch s.Model {
	case ModelCivil:
		return civil.Scopes()
	case ModelIntergroup:
		return intergroup.Scopes()
	}
	return s.Params.Scopes()
}

// Headline returns the figure commands report for the scenario's model
// when not told which: its main metric, scope and window statistic
// (isk.Headline, civil.Headline, intergroup.Headline), without months.
func (s *Scenario) Headline() sim.Window {
	switch s.Model {
	case ModelCivil:
		return civil.Headline()
	case ModelIntergroup:
		return intergroup.Headline()
	}
	return isk.Headline()
}

// SignatureQuery is what Signatures needs to know of a comparison. It is
// the ISK model's (isk.SignatureQuery), named here so that commands import
// no model package.
type SignatureQuery = isk.SignatureQuery

// Signatures returns the signatures that tell the hypotheses of the
// scenario's model apart over a compared window, with notes on any left
// out (see isk.Params.Signatures). The civil and intergroup models have
// none, so none is reported for them; a pressure span given for one is an
// error, as it has no rebound to measure.
func (s *Scenario) Signatures(q SignatureQuery) ([]compare.Signature, []string, error) {
	if s.Stepped() {
		if q.Pressure != nil {
			return nil, nil, fmt.Errorf("scenario %s runs the %s model, which has no rebound signature", s.Name, s.Model)
		}
		return nil, nil, nil
	}
	if q.Source == "" {
		q.Source = s.Name
	}
	return s.Params.Signatures(q)
}
