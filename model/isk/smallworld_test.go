package isk

import (
	"math"
	"testing"
	"time"

	"github.com/insurgo/insurgo/sim"
)

// Mechanism tests on a small hand-built world: two Afghan regions and a
// Pakistani one, one attack type, no leaders. Each test changes one
// setting and looks at one mechanism, so a failure points at it.

// smallWorld returns the settings of the small world: Nangarhar and
// Kabul (Afghanistan) neighbours, Bajaur (Pakistan) across a border from
// Nangarhar, two cells in Nangarhar and one in Bajaur.
func smallWorld() Params {
	p := Default()
	noCut(&p)
	p.Regions = []Region{
		{Name: "Nangarhar", Country: "afghanistan", Group: "east", Population: 1.7, StatePresence: 0.5, Terrain: 0.4,
			Cells: 2, Targets: map[string]float64{"civilians": 1}, Neighbors: []string{"Kabul"}},
		{Name: "Kabul", Country: "afghanistan", Group: "kabul", Population: 4.6, StatePresence: 0.8,
			Targets: map[string]float64{"civilians": 2}},
		{Name: "Bajaur", Country: "pakistan", Group: "kp", Population: 1.1, StatePresence: 0.4, Terrain: 0.8,
			Cells: 1, Targets: map[string]float64{"civilians": 1}},
	}
	p.Borders = []Border{{Name: "durand", Difficulty: 0.3, Sharing: 0.5, Links: [][]string{{"Nangarhar", "Bajaur"}}}}
	p.AttackTypes = []AttackType{{Name: "bombing", Target: "civilians", Weight: 1, Deaths: 2, SuicideDeaths: 1, MaxDeaths: 100, Claim: 1}}
	p.Ranks = []Rank{{Name: "commander", Effect: 0.2, SuccessionDays: 30}}
	return p
}

func smallCalendar(t *testing.T) sim.Calendar {
	t.Helper()
	cal, err := sim.NewCalendar(time.Date(2022, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2022, 12, 31, 0, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	return cal
}

// The compiler joins regions as declared (a border link crosses the
// border at its effective difficulty, a neighbour does not), makes each
// region's searchability 1 - terrain × terrainShelter, and gives each
// raiding force its country and its schedule.
func TestCompileSmallWorld(t *testing.T) {
	p := smallWorld()
	p.Raids.PerMonth = 3
	p.RaidPhases = []RaidPhase{{Name: "surge", From: mustMonth("2022-07"), PerMonth: 9, Quality: 0.7}}
	p.Pakistan.PerMonth = 2
	cal := smallCalendar(t)
	c, err := compile(&p, &cal)
	if err != nil {
		t.Fatal(err)
	}
	n := &c.regions[0]
	if len(n.edges) != 2 || n.edges[0].to != 2 || n.edges[0].border != 0 || n.edges[1].to != 1 || n.edges[1].border != -1 {
		t.Errorf("Nangarhar's edges = %+v, want Bajaur across durand, then Kabul", n.edges)
	}
	if math.Abs(n.edges[0].diff-0.3) > 1e-15 || n.edges[1].diff != p.Movement.InternalDifficulty {
		t.Errorf("edge difficulties %g and %g", n.edges[0].diff, n.edges[1].diff)
	}
	if n.searchable != 0.8 || c.regions[2].searchable != 0.6 || c.regions[1].searchable != 1 {
		t.Errorf("searchable %g %g %g, want 0.8 1 0.6", n.searchable, c.regions[1].searchable, c.regions[2].searchable)
	}
	if len(c.forces) != 2 || c.forces[0].kind != "gdi" || c.forces[1].kind != "pakistan" {
		t.Fatalf("forces %+v", c.forces)
	}
	gdi, pk := &c.forces[0], &c.forces[1]
	if gdi.country != n.country || pk.country != c.regions[2].country || gdi.country == pk.country {
		t.Errorf("force countries %d %d, regions' %d %d", gdi.country, pk.country, n.country, c.regions[2].country)
	}
	// Before the phase [raids]; from 2022-07 the phase; Pakistan throughout.
	if gdi.perMonth[5] != 3 || gdi.quality[5] != p.Raids.Quality || gdi.perMonth[6] != 9 || gdi.quality[6] != 0.7 {
		t.Errorf("GDI schedule June %g@%g, July %g@%g", gdi.perMonth[5], gdi.quality[5], gdi.perMonth[6], gdi.quality[6])
	}
	if pk.perMonth[0] != 2 || pk.capacityBuilding != 1 || math.Abs(gdi.perDay[6]-9.0/31) > 1e-15 {
		t.Errorf("Pakistan %g/month (cb %g); GDI July per day %g", pk.perMonth[0], pk.capacityBuilding, gdi.perDay[6])
	}
}

// Each force raids only in its own country: with the GDI alone, no raid
// hits a cell in Pakistan; with Pakistan alone, none in Afghanistan.
func TestRaidsStayInTheirCountry(t *testing.T) {
	cal := smallCalendar(t)
	ws := []sim.Window{
		win("hits-af", MRaidHits, "country:afghanistan", "", "2022-01", "2022-12", sim.Sum),
		win("hits-pk", MRaidHits, "country:pakistan", "", "2022-01", "2022-12", sim.Sum),
	}
	p := smallWorld()
	p.Intel.Initial, p.Raids.Quality = 0.9, 1
	p.Raids.PerMonth, p.Pakistan.PerMonth = 10, 0
	gdiOnly := means(t, &p, cal, ws, 20)
	p.Raids.PerMonth, p.Pakistan.PerMonth, p.Pakistan.Quality = 0, 10, 1
	pkOnly := means(t, &p, cal, ws, 20)
	if gdiOnly[0] == 0 || gdiOnly[1] != 0 {
		t.Errorf("GDI alone: hits %g in Afghanistan, %g in Pakistan; want some, none", gdiOnly[0], gdiOnly[1])
	}
	if pkOnly[1] == 0 || pkOnly[0] != 0 {
		t.Errorf("Pakistan alone: hits %g in Pakistan, %g in Afghanistan; want some, none", pkOnly[1], pkOnly[0])
	}
}

// A raid's hit chance is quality × intel × searchability, and capacity
// building multiplies its odds.
func TestRaidHitChance(t *testing.T) {
	p := smallWorld()
	p.Raids.CapacityBuilding = 3
	cal := smallCalendar(t)
	c, err := compile(&p, &cal)
	if err != nil {
		t.Fatal(err)
	}
	w := &World{c: c, theatres: make([]theatre, len(c.scopes.countries))}
	cl := &cell{region: 0, intel: 0.5}
	f := c.forces[0]
	f.capacityBuilding = 1
	if got, want := w.raidHitChance(cl, &f, 0), p.Raids.Quality*0.5*0.8; math.Abs(got-want) > 1e-15 {
		t.Errorf("hit chance %g, want %g", got, want)
	}
	f.capacityBuilding = 3
	ph := p.Raids.Quality * 0.5 * 0.8
	if got, want := w.raidHitChance(cl, &f, 0), 3*ph/(1-ph+3*ph); math.Abs(got-want) > 1e-15 {
		t.Errorf("hit chance with capacity building %g, want %g (odds × 3)", got, want)
	}
}
