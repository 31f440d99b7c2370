package isk

import (
	"reflect"
	"testing"

	"github.com/insurgo/insurgo/sim"
)

// Validate reports every problem, in a deterministic order (declared
// ranges first, then what ties settings together), with the table,
// element name and key of each, and never changes the settings.
func TestValidateReportsEveryProblem(t *testing.T) {
	s := loadTestScenario(t, "historical")
	p := clone(s.Params)
	p.Posture.Choice = 1.5
	p.Raids.KillFraction = 1.5
	p.Regions = append([]Region(nil), p.Regions...)
	p.Regions[0].Grievance = -0.1
	p.Regions[0].Neighbors = []string{"Atlantis"}
	p.Borders[0].Links = append([][]string{{"Kunar", "Nowhere"}}, p.Borders[0].Links[1:]...)
	p.AttackTypes[0].Deaths = 0
	p.Leaders[1].Parent = "Nobody"
	p.RaidPhases[0].From = sim.Month{}
	p.Pools[0].Languages = []string{"klingon"}
	p.Posture.Depth = -1
	p.RaidPhases[1].Informants = 1.2
	p.Attacks.Ceiling = -1
	p.Attacks.TheatreCeiling = -2
	before := clone(p)

	want := []Problem{
		{"posture", "", "choice", "must be in [0, 1], got 1.5"},
		{"posture", "", "depth", "must be >= 0, got -1"},
		{"attacks", "", "ceiling", "must be >= 0, got -1"},
		{"attacks", "", "theatre_ceiling", "must be >= 0, got -2"},
		{"raids", "", "kill_fraction", "must be in [0, 1], got 1.5"},
		{"region", "Nangarhar", "grievance", "must be in [0, 1], got -0.1"},
		{"attack_type", "attrition", "deaths", "must be > 0, got 0"},
		{"raid_phase", "routine-2022", "informants", "must be in [0, 1], got 1.2"},
		{"region", "Nangarhar", "neighbors", `unknown region "Atlantis"`},
		{"border", "durand", "links[0]", `unknown region "Nowhere"`},
		{"leader", "Qari Fateh", "parent", `unknown leader "Nobody"`},
		{"pool", "east-salafi", "languages", `unknown language "klingon"`},
		{"raid_phase", "nangarhar-crackdown", "from", "must be a month YYYY-MM, got nothing"},
	}
	got := p.Validate()
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Validate() =")
		for _, g := range got {
			t.Errorf("  %s", g)
		}
		t.Errorf("want")
		for _, w := range want {
			t.Errorf("  %s", w)
		}
	}
	if !reflect.DeepEqual(p, before) {
		t.Error("Validate changed the settings")
	}
	if _, err := NewFactory(&p, ptr(s.calendar(t))); err == nil {
		t.Error("NewFactory accepted invalid settings")
	}
}

func ptr[T any](v T) *T { return &v }

// Default's scalars are all valid; what it lacks (regions, attack types,
// ranks) is reported, since a scenario must give them.
func TestDefaultNeedsArrays(t *testing.T) {
	p := Default()
	got := p.Validate()
	want := []Problem{
		{"region", "", "", "must list at least one region"},
		{"attack_type", "", "", "must list at least one attack type"},
		{"rank", "", "", `must include a rank named "commander" (every cell's own commander)`},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Validate(Default()) = %v, want %v", got, want)
	}
}
