package isk

import (
	"testing"
	"time"

	"github.com/insurgo/insurgo/internal/powerlaw"
	"github.com/insurgo/insurgo/sim"
)

// Mechanism tests compare two batches of the same replicates under one seed
// (common random numbers): the difference measures the lever, not the
// noise. Each uses 100 replicates and compares means with margins that a
// working mechanism clears by far; they are deterministic (fixed seed).

const mechSeed = 7

// clone copies p deeply enough that the test can change its arrays of
// tables without touching the original.
func clone(p Params) Params {
	q := p
	q.RaidPhases = append([]RaidPhase(nil), p.RaidPhases...)
	q.Borders = append([]Border(nil), p.Borders...)
	q.Languages = append([]Language(nil), p.Languages...)
	q.Leaders = append([]Leader(nil), p.Leaders...)
	q.Ranks = append([]Rank(nil), p.Ranks...)
	q.Pools = append([]Pool(nil), p.Pools...)
	q.AttackTypes = append([]AttackType(nil), p.AttackTypes...)
	return q
}

// noCut switches the posture's cut off (no tempo falls under pressure,
// chosen or imposed), so that a test sees only the mechanism it varies.
func noCut(p *Params) {
	p.Posture.Choice, p.Posture.Depth, p.Posture.Tempo = 0, 0, 1
}

func win(name, metric, scope, of, from, to, stat string) sim.Window {
	f, err := sim.ParseMonth(from)
	if err != nil {
		panic(err)
	}
	t, err := sim.ParseMonth(to)
	if err != nil {
		panic(err)
	}
	return sim.Window{Name: name, Metric: metric, Scope: scope, Of: of, From: f, To: t, Statistic: stat}
}

// means runs p and returns the mean of each window over n replicates.
func means(t *testing.T, p *Params, cal sim.Calendar, ws []sim.Window, n int) []float64 {
	t.Helper()
	agg := runBatch(t, p, cal, ws, n, mechSeed)
	out := make([]float64, len(ws))
	for i := range ws {
		out[i] = agg.Stat(i).Mean()
	}
	return out
}

func calendar(t *testing.T, start, end string) sim.Calendar {
	t.Helper()
	s, _ := time.Parse(time.DateOnly, start)
	e, _ := time.Parse(time.DateOnly, end)
	c, err := sim.NewCalendar(s, e)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// More raids lower Afghan attacks and raise the share of attacks in KP
// (displacement across the Durand Line).
func TestMoreRaidsDisplaceToKP(t *testing.T) {
	s := loadTestScenario(t, "historical")
	cal := s.calendar(t)
	ws := []sim.Window{
		win("af", MClaimed, "country:afghanistan", "", "2022-01", "2023-12", sim.Sum),
		win("kp-share", MClaimed, "group:kp", "total", "2022-01", "2023-12", sim.Share),
	}
	base := means(t, &s.Params, cal, ws, 100)
	more := clone(s.Params)
	for i := range more.RaidPhases {
		more.RaidPhases[i].PerMonth *= 3
	}
	m := means(t, &more, cal, ws, 100)
	t.Logf("Afghan attacks %.1f -> %.1f; KP share %.3f -> %.3f", base[0], m[0], base[1], m[1])
	if !(m[0] < 0.9*base[0]) {
		t.Errorf("tripling raids: Afghan attacks %.1f, want < 90%% of %.1f", m[0], base[0])
	}
	if !(m[1] > base[1]+0.02) {
		t.Errorf("tripling raids: KP share %.3f, want above %.3f + 0.02", m[1], base[1])
	}
}

// A closed Durand Line lowers the moves into KP.
func TestClosedDurandLine(t *testing.T) {
	s := loadTestScenario(t, "historical")
	cal := s.calendar(t)
	ws := []sim.Window{
		win("into-kp", MMoves, "group:kp", "", "2021-09", "2023-12", sim.Sum),
		win("durand", MMoves, "border:durand", "", "2021-09", "2023-12", sim.Sum),
	}
	base := means(t, &s.Params, cal, ws, 100)
	closed := clone(s.Params)
	found := false
	for i := range closed.Borders {
		if closed.Borders[i].Name == "durand" {
			closed.Borders[i].Control = 1
			found = true
		}
	}
	if !found {
		t.Fatal("historical has no border named durand")
	}
	c := means(t, &closed, cal, ws, 100)
	t.Logf("moves into KP %.1f -> %.1f; across the Durand Line %.1f -> %.1f", base[0], c[0], base[1], c[1])
	if base[1] < 10 {
		t.Fatalf("historical has too few Durand crossings (%.1f) for the test to mean anything", base[1])
	}
	if c[1] != 0 {
		t.Errorf("closed Durand Line still crossed %.1f times per replicate", c[1])
	}
	if !(c[0] < 0.8*base[0]) {
		t.Errorf("closed Durand Line: moves into KP %.1f, want < 80%% of %.1f", c[0], base[0])
	}
}

// Deplatforming lowers recruitment.
func TestDeplatformingLowersRecruits(t *testing.T) {
	s := loadTestScenario(t, "historical")
	cal := s.calendar(t)
	ws := []sim.Window{win("recruits", MRecruits, "total", "", "2022-01", "2023-12", sim.Sum)}
	base := means(t, &s.Params, cal, ws, 100)
	dp := clone(s.Params)
	for i := range dp.Languages {
		dp.Languages[i].Deplatformed = 0.8
		dp.Languages[i].DeplatformFrom = mustMonth("2022-01")
	}
	d := means(t, &dp, cal, ws, 100)
	t.Logf("recruits 2022-2023 %.0f -> %.0f", base[0], d[0])
	if !(d[0] < 0.85*base[0]) {
		t.Errorf("deplatforming 80%%: recruits %.0f, want < 85%% of %.0f", d[0], base[0])
	}
}

// A decapitation lowers the tempo of the cells below for the configured
// time (the succession delay), and the dip ends once a successor is in.
func TestDecapitationDip(t *testing.T) {
	s := loadTestScenario(t, "historical")
	cal := calendar(t, "2021-09-01", "2022-12-31")
	p := clone(s.Params)
	p.RaidPhases = nil // no raids: nothing else moves the tempo
	p.Raids.PerMonth = 0
	p.Pakistan.PerMonth = 0
	noCut(&p)
	var leaders []Leader
	for _, l := range p.Leaders {
		l.Killed = ""
		leaders = append(leaders, l)
	}
	p.Leaders = leaders
	// The configured time: a wali's succession takes 60 days on average
	// and costs the cells below half their tempo.
	for i := range p.Ranks {
		if p.Ranks[i].Name == "wali" {
			p.Ranks[i].Effect = 0.5
			p.Ranks[i].SuccessionDays = 60
		}
	}
	ws := []sim.Window{
		win("east-during", MAttacks, "group:east", "", "2022-03", "2022-03", sim.Sum),
		win("east-after", MAttacks, "group:east", "", "2022-09", "2022-12", sim.Sum),
		win("kabul-during", MAttacks, "group:kabul", "", "2022-03", "2022-03", sim.Sum),
	}
	base := means(t, &p, cal, ws, 100)
	kill := clone(p)
	found := false
	for i := range kill.Leaders {
		if kill.Leaders[i].Name == "wali of the east" {
			kill.Leaders[i].Killed = "2022-03-01"
			found = true
		}
	}
	if !found {
		t.Fatal(`historical has no leader "wali of the east"`)
	}
	k := means(t, &kill, cal, ws, 100)
	t.Logf("east attacks in the month after the kill %.2f -> %.2f; 6-9 months on %.2f -> %.2f; Kabul %.2f -> %.2f",
		base[0], k[0], base[1], k[1], base[2], k[2])
	if !(k[0] < 0.75*base[0]) {
		t.Errorf("east attacks in the month after the wali's death %.2f, want < 75%% of %.2f", k[0], base[0])
	}
	if r := k[1] / base[1]; r < 0.85 {
		t.Errorf("east attacks 6-9 months after the kill at %.2f of the base, want the dip over (>= 0.85)", r)
	}
	if r := k[2] / base[2]; r < 0.9 || r > 1.1 {
		t.Errorf("Kabul attacks (not under the wali) at %.2f of the base, want unchanged (0.9..1.1)", r)
	}
}

// pressureThenLapse returns historical with heavy raids from 2022-01 to
// 2023-06 and none after, run to the end of 2024, with the posture's
// choice set (1 = slowdown, 0 = degradation: the same cut imposed).
func pressureThenLapse(t *testing.T, choice float64) (Params, sim.Calendar) {
	s := loadTestScenario(t, "historical")
	p := clone(s.Params)
	p.Posture.Choice = choice
	p.RaidPhases = []RaidPhase{
		{Name: "pressure", From: mustMonth("2022-01"), PerMonth: 15, Quality: 0.7},
		{Name: "lapse", From: mustMonth("2023-07"), PerMonth: 0, Quality: 0.7},
	}
	return p, calendar(t, "2021-09-01", "2024-12-31")
}

// Under the same pressure, slowdown keeps more fighters than degradation,
// its suicide share is higher, and when the pressure lapses its attacks
// come back faster.
func TestSlowdownVersusDegradation(t *testing.T) {
	ws := []sim.Window{
		win("fighters", MFighters, "total", "", "2023-06", "2023-06", sim.EndValue),
		win("suicide-share", MSuicide, "total", "", "2022-01", "2023-06", sim.Sum),
		win("attacks-pressure", MAttacks, "total", "", "2022-01", "2023-06", sim.Sum),
		win("attacks-late-pressure", MAttacks, "total", "", "2023-01", "2023-06", sim.MeanPerMonth),
		win("attacks-after", MAttacks, "total", "", "2024-01", "2024-12", sim.MeanPerMonth),
	}
	ps, cal := pressureThenLapse(t, 1)
	pd, _ := pressureThenLapse(t, 0)
	sl := means(t, &ps, cal, ws, 100)
	dg := means(t, &pd, cal, ws, 100)
	t.Logf("fighters mid-2023: slowdown %.0f, degradation %.0f", sl[0], dg[0])
	if !(sl[0] > 1.1*dg[0]) {
		t.Errorf("fighters mid-2023 under slowdown %.0f, want > 110%% of degradation's %.0f", sl[0], dg[0])
	}
	shareS, shareD := sl[1]/sl[2], dg[1]/dg[2]
	t.Logf("suicide share under pressure: slowdown %.3f, degradation %.3f", shareS, shareD)
	if !(shareS > 1.3*shareD) {
		t.Errorf("suicide share under slowdown %.3f, want > 1.3 x degradation's %.3f", shareS, shareD)
	}
	reboundS, reboundD := sl[4]/sl[3], dg[4]/dg[3]
	t.Logf("monthly attacks in 2024 (7-18 months after the lapse) over those of the 6 months before it: slowdown %.2f, degradation %.2f", reboundS, reboundD)
	if !(reboundS > 1.2*reboundD) {
		t.Errorf("rebound under slowdown %.2f, want > 1.2 x degradation's %.2f", reboundS, reboundD)
	}
}

// Casualties per attack are heavy-tailed: the Clauset-Shalizi-Newman fit
// of the simulated casualties finds a power-law tail with alpha in
// [2.0, 3.0] (CSN 2009 find 2.4 for terrorism worldwide; Bohorquez et al.
// 2009 about 2.5 across insurgencies).
func TestCasualtiesHeavyTailed(t *testing.T) {
	s := loadTestScenario(t, "historical")
	cal := s.calendar(t)
	agg := runBatch(t, &s.Params, cal, nil, 100, mechSeed)
	vals, counts := agg.Samples(SampleCasualty).Values()
	fit, err := powerlaw.FitHistogram(vals, counts)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("alpha %.3f, x_min %d, tail %d of %d attacks", fit.Alpha, fit.XMin, fit.NTail, fit.N)
	if fit.Alpha < 2.0 || fit.Alpha > 3.0 {
		t.Errorf("alpha = %.3f, want in [2.0, 3.0]", fit.Alpha)
	}
	if fit.NTail < 100 {
		t.Errorf("tail of %d attacks, too few for the fit to mean anything", fit.NTail)
	}
}

// The posture's signatures with the boosts at 1 (issue 10): which of
// them emerge from the mechanisms and which the boosts put in. Under the
// same pressure and lapse, a chosen cut (choice 1) against the same cut
// imposed (choice 0), suicide_boost = impact_boost = 1 in both: the
// slowdown keeps more fighters (lying low hides cells from raids) and
// rebounds faster (it resumes below posture.release while the damage of
// an imposed cut lingers over posture.recovery months); both must show.
// The suicide share and deaths per attack are logged: without the boost
// the suicide share does not rise (model/CALIBRATION.md).
func TestSignaturesWithoutBoosts(t *testing.T) {
	ws := []sim.Window{
		win("fighters", MFighters, "total", "", "2023-06", "2023-06", sim.EndValue),
		win("suicide", MSuicide, "total", "", "2022-01", "2023-06", sim.Sum),
		win("attacks", MAttacks, "total", "", "2022-01", "2023-06", sim.Sum),
		win("deaths", MDeaths, "total", "", "2022-01", "2023-06", sim.Sum),
		win("late", MAttacks, "total", "", "2023-01", "2023-06", sim.MeanPerMonth),
		win("after", MAttacks, "total", "", "2024-01", "2024-12", sim.MeanPerMonth),
	}
	run := func(choice float64) []float64 {
		p, cal := pressureThenLapse(t, choice)
		p.Posture.SuicideBoost, p.Posture.ImpactBoost = 1, 1
		return means(t, &p, cal, ws, 100)
	}
	sl, dg := run(1), run(0)
	t.Logf("boosts at 1, slowdown vs degradation: fighters mid-2023 %.0f vs %.0f; suicide share %.3f vs %.3f; deaths per attack %.2f vs %.2f; rebound %.2f vs %.2f",
		sl[0], dg[0], sl[1]/sl[2], dg[1]/dg[2], sl[3]/sl[2], dg[3]/dg[2], sl[5]/sl[4], dg[5]/dg[4])
	if !(sl[0] > 1.05*dg[0]) {
		t.Errorf("fighters kept: slowdown %.0f, degradation %.0f: want > 5%% more under slowdown", sl[0], dg[0])
	}
	if !(sl[5]/sl[4] > 1.2*dg[5]/dg[4]) {
		t.Errorf("rebound: slowdown %.2f, degradation %.2f: want > 1.2 x", sl[5]/sl[4], dg[5]/dg[4])
	}
}
