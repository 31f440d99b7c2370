package intergroup

import (
	"math"

	"github.com/insurgo/insurgo/sim"
)

// Params are the settings of the inter-group violence model, the
// [intergroup] table of a scenario. The zero value is not valid; start
// from Default.
type Params struct {
	// Steps is the number of steps simulated (default 1000).
	Steps int `toml:"steps"`
	// RecordEvery is the recording period in steps (default 1): counts
	// are kept at the end of each period, killings, births, deaths and
	// arrests summed over it.
	RecordEvery int `toml:"record_every"`
	// Width and Height are the torus's sides in cells (default 40 × 40).
	Width  int `toml:"width"`
	Height int `toml:"height"`
	// CitizenDensity and CopDensity are the probabilities that a cell
	// starts with a citizen or a peacekeeper (default 0.7 and 0); their
	// sum must not exceed 1.
	CitizenDensity float64 `toml:"citizen_density"`
	CopDensity     float64 `toml:"cop_density"`
	// BlueShare is the probability that a starting citizen is blue, not
	// green (default 0.5).
	BlueShare float64 `toml:"blue_share"`
	// CitizenVision and CopVision are the radii of vision, of movement and
	// (citizens) of birth (default 1: with the Moore shape, the 8 cells
	// around, Epstein's vision of 1.7 cells).
	CitizenVision int `toml:"citizen_vision"`
	CopVision     int `toml:"cop_vision"`
	// Neighbourhood is the shape of vision: "moore" (default, the square;
	// a radius of 1.7 on the grid) or "von_neumann" (the diamond).
	Neighbourhood string `toml:"neighbourhood"`
	// LegitimacyBlue and LegitimacyGreen are L as each group sees it: the
	// legitimacy blues accord greens, and greens blues (default 0.8).
	LegitimacyBlue  float64 `toml:"legitimacy_blue"`
	LegitimacyGreen float64 `toml:"legitimacy_green"`
	// Threshold is T: a citizen is active when G - R·P > T (default 0.1).
	Threshold float64 `toml:"threshold"`
	// K is the arrest constant k (default 2.3).
	K float64 `toml:"k"`
	// MaxJailTerm is J: jail terms are uniform on 0 .. J steps (default
	// 1000: with a lifespan of 200, most jailed killers die in jail).
	MaxJailTerm int `toml:"max_jail_term"`
	// Lifespan is the age in steps at which a citizen dies (default 200);
	// starting ages are uniform on 0 .. Lifespan-1.
	Lifespan int `toml:"lifespan"`
	// BirthRate is the probability that a free citizen gives birth in a
	// step, if it has an empty cell next to it (default 0.05).
	BirthRate float64 `toml:"birth_rate"`
	// WithdrawAt, if set, is the step at whose start every peacekeeper
	// leaves (0, the default: they stay).
	WithdrawAt int `toml:"withdraw_at"`
}

// Default returns the model's defaults, the shipped scenario intergroup:
// the settings of Epstein's Model II runs (a 40 × 40 torus, 70% of cells
// with citizens, vision 1.7, lifespan 200, birth probability 0.05), no
// peacekeepers, legitimacy 0.8 on both sides and jail terms up to 1000
// steps (see docs/intergroup.md for these two choices).
func Default() Params {
	return Params{
		Steps: 1000, RecordEvery: 1, Width: 40, Height: 40,
		CitizenDensity: 0.7, CopDensity: 0, BlueShare: 0.5,
		CitizenVision: 1, CopVision: 1, Neighbourhood: "moore",
		LegitimacyBlue: 0.8, LegitimacyGreen: 0.8, Threshold: 0.1, K: 2.3,
		MaxJailTerm: 1000, Lifespan: 200, BirthRate: 0.05,
	}
}

// Problem is one invalid setting: Key is its name as a scenario writes it
// inside the [intergroup] table, Msg what was expected and what was got.
type Problem = sim.Problem

// MaxSteps bounds max_jail_term and lifespan, so that a term or an age
// fits in an int32.
const MaxSteps = 1 << 30

// Validate returns every invalid setting; none means the model can be
// built.
func (p *Params) Validate() []Problem {
	var ps sim.Problems
	add, unit := ps.Add, ps.Unit
	sides := ps.StepGrid(p.Steps, p.RecordEvery, p.Width, p.Height)
	unit("citizen_density", p.CitizenDensity)
	unit("cop_density", p.CopDensity)
	if p.CitizenDensity+p.CopDensity > 1 {
		add("cop_density", "citizen_density + cop_density must be <= 1, got %g + %g", p.CitizenDensity, p.CopDensity)
	}
	unit("blue_share", p.BlueShare)
	ps.Shape("neighbourhood", p.Neighbourhood)
	ps.Radius("citizen_vision", p.CitizenVision, p.Width, p.Height, sides)
	ps.Radius("cop_vision", p.CopVision, p.Width, p.Height, sides)
	unit("legitimacy_blue", p.LegitimacyBlue)
	unit("legitimacy_green", p.LegitimacyGreen)
	if math.IsNaN(p.Threshold) || math.IsInf(p.Threshold, 0) {
		add("threshold", "must be a finite number, got %v", p.Threshold)
	}
	if math.IsNaN(p.K) || math.IsInf(p.K, 0) || p.K < 0 {
		add("k", "must be a finite number >= 0, got %v", p.K)
	}
	if p.MaxJailTerm < 0 || p.MaxJailTerm > MaxSteps {
		add("max_jail_term", "must be from 0 to %d, got %d", MaxSteps, p.MaxJailTerm)
	}
	if p.Lifespan < 1 || p.Lifespan > MaxSteps {
		add("lifespan", "must be from 1 to %d steps, got %d", MaxSteps, p.Lifespan)
	}
	unit("birth_rate", p.BirthRate)
	switch {
	case p.WithdrawAt < 0:
		add("withdraw_at", "must be >= 0 (0: peacekeepers stay), got %d", p.WithdrawAt)
	case p.WithdrawAt > p.Steps && p.Steps >= 1:
		add("withdraw_at", "must be within the run's %d steps, got %d", p.Steps, p.WithdrawAt)
	}
	return ps
}
