package isk

import (
	"testing"

	"github.com/insurgo/insurgo/sim"
)

// Force alone contains, rarely eradicates (Kress & Szechtman 2009): under
// purely kinetic pressure, with recruitment fed by the conflict, insurgent
// strength settles above zero. Heavy, well-targeted raids from 2022 to the
// end of 2024 must leave ISK far weaker than no raids at all (containment)
// yet alive in every replicate (no eradication), in both postures.
func TestKineticPressureContainsWithoutEradicating(t *testing.T) {
	s := loadTestScenario(t, "historical")
	cal := calendar(t, "2021-09-01", "2024-12-31")
	ws := []sim.Window{
		win("fighters-end", MFighters, "total", "", "2024-12", "2024-12", sim.EndValue),
		win("cells-end", MCells, "total", "", "2024-12", "2024-12", sim.EndValue),
	}
	for _, choice := range []float64{1, 0} {
		mode := map[float64]string{1: "slowdown", 0: "degradation"}[choice]
		none := clone(s.Params)
		none.Posture.Choice = choice
		none.RaidPhases = []RaidPhase{{Name: "none", From: mustMonth("2021-09"), PerMonth: 0, Quality: 0.5}}
		none.Pakistan.PerMonth = 0
		heavy := clone(none)
		heavy.RaidPhases = []RaidPhase{
			{Name: "none", From: mustMonth("2021-09"), PerMonth: 0, Quality: 0.5},
			{Name: "sustained", From: mustMonth("2022-01"), PerMonth: 20, Quality: 0.8},
		}
		heavy.Pakistan.PerMonth = 3
		a := runBatch(t, &none, cal, ws, 100, mechSeed)
		b := runBatch(t, &heavy, cal, ws, 100, mechSeed)
		fNone, fHeavy := a.Stat(0).Mean(), b.Stat(0).Mean()
		t.Logf("%s: fighters at the end of 2024 %.0f without raids, %.0f under sustained raids (min %.0f, min cells %.0f)",
			mode, fNone, fHeavy, b.Stat(0).Quantile(0), b.Stat(1).Quantile(0))
		if !(fHeavy < 0.8*fNone) {
			t.Errorf("%s: sustained raids leave %.0f fighters against %.0f without: no containment", mode, fHeavy, fNone)
		}
		if min := b.Stat(0).Quantile(0); min <= 0 {
			t.Errorf("%s: a replicate ends with %v fighters: raids alone eradicated ISK", mode, min)
		}
		if min := b.Stat(1).Quantile(0); min <= 0 {
			t.Errorf("%s: a replicate ends with %v cells", mode, min)
		}
	}
}
