package isk

import (
	"context"
	"math"
	"strings"
	"testing"

	"github.com/insurgo/insurgo/sim"
)

// A policy lever of the historical scenario: what it changes, in the
// direction a policy would push it.
type lever struct {
	name string
	set  func(p *Params)
	// none, when not empty, documents why the lever has no effect in
	// historical; the test then checks that it indeed has none.
	none string
}

// levers lists every policy lever of the historical scenario (domain
// brief: raids, capacity building, informants, border control and
// intelligence sharing, counter-messaging, deplatforming, ideologues,
// Pakistani operations, grievance reduction) plus the region attribute
// population, which a model must read or drop.
func levers() []lever {
	phases := func(p *Params, f func(ph *RaidPhase)) {
		for i := range p.RaidPhases {
			f(&p.RaidPhases[i])
		}
	}
	border := func(p *Params, name string, f func(b *Border)) {
		for i := range p.Borders {
			if p.Borders[i].Name == name {
				f(&p.Borders[i])
			}
		}
	}
	return []lever{
		{name: "raid tempo x1.5", set: func(p *Params) { phases(p, func(ph *RaidPhase) { ph.PerMonth *= 1.5 }) }},
		{name: "raid quality x1.5 (capped at 1)", set: func(p *Params) {
			phases(p, func(ph *RaidPhase) { ph.Quality = math.Min(1, 1.5*ph.Quality) })
		}},
		{name: "capacity building x2", set: func(p *Params) { p.Raids.CapacityBuilding = 2 }},
		{name: "informant networks x2 (base and phases)", set: func(p *Params) {
			p.Intel.Informants *= 2
			phases(p, func(ph *RaidPhase) { ph.Informants = math.Min(1, 2*ph.Informants) })
		}},
		{name: "Durand border control 0.5", set: func(p *Params) { border(p, "durand", func(b *Border) { b.Control = 0.5 }) }},
		{name: "northern border control 0.5", set: func(p *Params) { border(p, "northern", func(b *Border) { b.Control = 0.5 }) }},
		{name: "intelligence sharing 0.6 on every border", set: func(p *Params) {
			for i := range p.Borders {
				p.Borders[i].Sharing = 0.6
			}
		}},
		{name: "counter-messaging 0.5", set: func(p *Params) { p.Media.CounterStrength = 0.5 }},
		{name: "deplatforming 0.6 of non-English output", set: func(p *Params) {
			for i := range p.Languages {
				if p.Languages[i].Name != "english" {
					p.Languages[i].Deplatformed = 0.6
				}
			}
		}},
		{name: "ideologue effect 0.9", set: func(p *Params) { p.Media.IdeologueEffect = 0.9 }},
		{name: "Pakistani operations x2", set: func(p *Params) { p.Pakistan.PerMonth *= 2 }},
		{name: "grievance halved", set: func(p *Params) {
			for i := range p.Regions {
				p.Regions[i].Grievance /= 2
			}
		}},
		{name: "decapitation: senior_kill x5", set: func(p *Params) { p.Raids.SeniorKill *= 5 }},
		{name: "population x2", set: func(p *Params) {
			for i := range p.Regions {
				p.Regions[i].Population *= 2
			}
		}},
	}
}

// leverOutputs are the recorded outputs the lever test reads (2022-2023).
func leverOutputs() []sim.Window {
	return []sim.Window{
		win("af-claimed", MClaimed, "country:afghanistan", "", "2022-01", "2023-12", sim.Sum),
		win("kp-claimed", MClaimed, "group:kp", "", "2022-01", "2023-12", sim.Sum),
		win("abroad-attacks", MAttacks, "group:abroad", "", "2022-01", "2023-12", sim.Sum),
		win("suicide", MSuicide, "total", "", "2022-01", "2023-12", sim.Sum),
		win("casualties", MCasualties, "total", "", "2022-01", "2023-12", sim.Sum),
		win("recruits", MRecruits, "total", "", "2022-01", "2023-12", sim.Sum),
		win("arrivals", MArrivals, "total", "", "2022-01", "2023-12", sim.Sum),
		win("fighters-end", MFighters, "total", "", "2023-12", "2023-12", sim.EndValue),
		win("raid-hits", MRaidHits, "total", "", "2022-01", "2023-12", sim.Sum),
		win("durand-moves", MMoves, "border:durand", "", "2022-01", "2023-12", sim.Sum),
		win("leaders-killed", MLeadersKilled, "total", "", "2022-01", "2023-12", sim.Sum),
		win("propaganda", MPropaganda, "total", "", "2022-01", "2023-12", sim.Sum),
	}
}

// perReplicate runs n replicates of p under seed and returns, per window,
// every replicate's value.
func perReplicate(t *testing.T, p *Params, cal sim.Calendar, ws []sim.Window, n int, seed uint64) [][]float64 {
	t.Helper()
	f, err := NewFactory(p, &cal)
	if err != nil {
		t.Fatal(err)
	}
	out := make([][]float64, len(ws))
	for i := range out {
		out[i] = make([]float64, n)
	}
	_, err = sim.Batch{Calendar: cal, Seed: seed, Count: n, OnReplicate: func(rep int, r *sim.Recorder) error {
		for i, w := range ws {
			out[i][rep] = w.Eval(r, &cal)
		}
		return nil
	}}.Run(context.Background(), f)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// pairedZ is the mean of the paired differences b-a over its standard
// error (0 when every difference is 0), and the relative change of means.
func pairedZ(a, b []float64) (z, rel float64) {
	n := float64(len(a))
	var m, ma float64
	for i := range a {
		m += b[i] - a[i]
		ma += a[i]
	}
	m /= n
	ma /= n
	var v float64
	for i := range a {
		d := b[i] - a[i] - m
		v += d * d
	}
	se := math.Sqrt(v / (n - 1) / n)
	if ma != 0 {
		rel = m / ma
	}
	if se == 0 {
		if m == 0 {
			return 0, rel
		}
		return math.Inf(int(math.Copysign(1, m))), rel
	}
	return m / se, rel
}

// TestEveryLeverMatters: each policy lever of historical changes at
// least one recorded output by more than twice its Monte Carlo standard
// error under common random numbers (the same seed, replicate by
// replicate), or is documented (lever.none) as having no effect there,
// in which case none of the outputs may move by more than that.
func TestEveryLeverMatters(t *testing.T) {
	if testing.Short() {
		t.Skip("runs 15 batches of 150 replicates")
	}
	const n = 150
	s := loadTestScenario(t, "historical")
	cal := s.calendar(t)
	ws := leverOutputs()
	base := perReplicate(t, &s.Params, cal, ws, n, mechSeed)
	for _, lv := range levers() {
		p := clone(s.Params)
		p.Regions = append([]Region(nil), p.Regions...)
		lv.set(&p)
		got := perReplicate(t, &p, cal, ws, n, mechSeed)
		best, bestName, bestRel := 0.0, "", 0.0
		var moved []string
		for i, w := range ws {
			z, rel := pairedZ(base[i], got[i])
			if math.Abs(z) > 2 {
				moved = append(moved, w.Name)
			}
			if math.Abs(z) > math.Abs(best) {
				best, bestName, bestRel = z, w.Name, rel
			}
		}
		t.Logf("%-42s strongest: %-14s z %7.1f  change %+6.1f%%  (|z| > 2: %s)", lv.name, bestName, best, 100*bestRel, strings.Join(moved, ", "))
		switch {
		case lv.none == "" && len(moved) == 0:
			t.Errorf("lever %q moves no output by more than 2 standard errors (strongest %s, z %.2f)", lv.name, bestName, best)
		case lv.none != "" && len(moved) > 0:
			t.Errorf("lever %q is documented as without effect (%s) but moves %s", lv.name, lv.none, strings.Join(moved, ", "))
		}
	}
}
