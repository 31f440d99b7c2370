package civil

import (
	"math"

	"github.com/insurgo/insurgo/sim"
)

// Arrest rules: how the cop-to-active ratio C/A becomes a whole number in
// P = 1 - exp(-k · rule(C/A)).
const (
	RuleRound = "round" // Python's round (half to even), as Mesa 3.3.1 does
	RuleFloor = "floor" // the floor, as Epstein (2002) and NetLogo do
)

// Params are the settings of the civil-violence model. The zero value is
// not valid; start from Default.
type Params struct {
	// Steps is the number of steps simulated (default 1000).
	Steps int `toml:"steps"`
	// RecordEvery is the recording period in steps (default 1): counts
	// are kept at the end of each period, arrests summed over it.
	RecordEvery int `toml:"record_every"`
	// Width and Height are the torus's sides in cells (default 40 × 40).
	Width  int `toml:"width"`
	Height int `toml:"height"`
	// CitizenDensity and CopDensity are the probabilities that a cell
	// starts with a citizen or a cop (default 0.7 and 0.074); their sum
	// must not exceed 1.
	CitizenDensity float64 `toml:"citizen_density"`
	CopDensity     float64 `toml:"cop_density"`
	// CitizenVision and CopVision are the radii of vision (default 7).
	CitizenVision int `toml:"citizen_vision"`
	CopVision     int `toml:"cop_vision"`
	// Neighbourhood is the shape of vision and movement: "von_neumann"
	// (default, Mesa's diamond of 2r(r+1) cells) or "moore" (NetLogo's
	// in-radius is a disc; a square is the nearest grid shape).
	Neighbourhood string `toml:"neighbourhood"`
	// Legitimacy is L, the regime's legitimacy as citizens see it
	// (default 0.8).
	Legitimacy float64 `toml:"legitimacy"`
	// MaxJailTerm is J: jail terms are uniform on 0 .. J steps (default
	// 1000).
	MaxJailTerm int `toml:"max_jail_term"`
	// Threshold is T: a citizen is active when G - R·P > T (default 0.1).
	Threshold float64 `toml:"threshold"`
	// K is the arrest constant k (default 2.3).
	K float64 `toml:"k"`
	// ArrestRule is RuleRound (default, Mesa) or RuleFloor (the paper).
	ArrestRule string `toml:"arrest_rule"`
	// Movement lets agents move each step (default true).
	Movement bool `toml:"movement"`
	// OutburstThreshold is the number of active citizens at or above
	// which a run of steps is an outburst (default 50).
	OutburstThreshold int `toml:"outburst_threshold"`
	// LegitimacyChange, if its Start is set, moves L during the run.
	LegitimacyChange LegitimacyChange `toml:"legitimacy_change"`
}

// LegitimacyChange moves legitimacy from Params.Legitimacy to To, starting
// at step Start, in equal steps over Over steps (0: all at once), as in
// Epstein's contrast between a gradual and a sudden loss of legitimacy.
type LegitimacyChange struct {
	Start int     `toml:"start"` // first step with changed legitimacy, from 1; 0 for none
	Over  int     `toml:"over"`  // steps the change is spread over; 0 for a sudden drop
	To    float64 `toml:"to"`    // legitimacy after the change
}

// Default returns Mesa 3.3.1's defaults for the model.
func Default() Params {
	return Params{
		Steps: 1000, RecordEvery: 1, Width: 40, Height: 40,
		CitizenDensity: 0.7, CopDensity: 0.074, CitizenVision: 7, CopVision: 7,
		Neighbourhood: "von_neumann", Legitimacy: 0.8, MaxJailTerm: 1000,
		Threshold: 0.1, K: 2.3, ArrestRule: RuleRound, Movement: true,
		OutburstThreshold: 50,
	}
}

// legitimacy returns L at step s (from 1).
func (p *Params) legitimacy(s int) float64 {
	c := p.LegitimacyChange
	if c.Start == 0 || s < c.Start {
		return p.Legitimacy
	}
	if c.Over == 0 || s-c.Start+1 >= c.Over {
		return c.To
	}
	return p.Legitimacy + (c.To-p.Legitimacy)*float64(s-c.Start+1)/float64(c.Over)
}

// Problem is one invalid setting: Key is its name as a scenario writes it
// inside the [civil] table, Msg what was expected and what was got.
type Problem = sim.Problem

// MaxJail bounds max_jail_term, so that a term fits in an int32.
const MaxJail = 1 << 30

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
	ps.Shape("neighbourhood", p.Neighbourhood)
	ps.Radius("citizen_vision", p.CitizenVision, p.Width, p.Height, sides)
	ps.Radius("cop_vision", p.CopVision, p.Width, p.Height, sides)
	unit("legitimacy", p.Legitimacy)
	if p.MaxJailTerm < 0 || p.MaxJailTerm > MaxJail {
		add("max_jail_term", "must be from 0 to %d, got %d", MaxJail, p.MaxJailTerm)
	}
	if math.IsNaN(p.Threshold) || math.IsInf(p.Threshold, 0) {
		add("threshold", "must be a finite number, got %v", p.Threshold)
	}
	if math.IsNaN(p.K) || math.IsInf(p.K, 0) || p.K < 0 {
		add("k", "must be a finite number >= 0, got %v", p.K)
	}
	if p.ArrestRule != RuleRound && p.ArrestRule != RuleFloor {
		add("arrest_rule", "want %q (Mesa) or %q (Epstein 2002), got %q", RuleRound, RuleFloor, p.ArrestRule)
	}
	if p.OutburstThreshold < 1 {
		add("outburst_threshold", "must be >= 1, got %d", p.OutburstThreshold)
	}
	c := p.LegitimacyChange
	switch {
	case c.Start < 0:
		add("legitimacy_change.start", "must be >= 0 (0: no change), got %d", c.Start)
	case c.Start > p.Steps && p.Steps >= 1:
		add("legitimacy_change.start", "must be within the run's %d steps, got %d", p.Steps, c.Start)
	}
	if c.Over < 0 {
		add("legitimacy_change.over", "must be >= 0 (0: a sudden change), got %d", c.Over)
	}
	if c.Start > 0 {
		unit("legitimacy_change.to", c.To)
	} else if c.Over != 0 || c.To != 0 {
		add("legitimacy_change.start", "missing: over and to need the step the change starts at, from 1")
	}
	return ps
}
