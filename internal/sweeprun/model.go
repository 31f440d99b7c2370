package sweeprun

import "github.com/insurgo/insurgo/sim"

// Model is the simulation a sweep varies: a base scenario whose settings
// can be overridden by dotted key.
type Model interface {
	// Hash identifies the resolved base scenario; a sweep refuses to run
	// shards against a base that changed since it was planned.
	Hash() string
	// Calendar returns the simulated span.
	Calendar() (sim.Calendar, error)
	// Factory returns the factory of the base with the given settings
	// overridden (keys are dotted scenario keys; integer parameters carry
	// integral values). An invalid combination is an error.
	Factory(keys []string, values []float64, integer []bool) (sim.Factory, error)
	// CheckKey reports whether key names a numeric setting of the base.
	CheckKey(key string, value float64, integer bool) error
	// CheckOutput reports whether w's metric and scopes are recorded.
	CheckOutput(w sim.Window) error
}

// BaseValuer is implemented by a Model that can tell the value its base
// scenario sets at a key; Plan then warns of a parameter range that
// excludes it.
type BaseValuer interface {
	BaseValue(key string) (float64, bool)
}

// Loader loads the Model of a base scenario: a shipped name or an
// absolute path, as in Config.Base.
type Loader func(base string) (Model, error)
