package isk

import (
	"testing"

	"github.com/insurgo/insurgo/sim"
)

// Attacks trigger attacks (Lewis et al. 2012: 37-50% of events triggered
// by earlier ones in Iraq). With self-excitation of branching ratio n
// each attack triggers n attacks on average, so a steady base rate
// yields base/(1-n) in all: 1/(1-0.4) = 1.67 times the attacks of the same
// world without excitation, and a share n of them triggered. Raids and
// the posture are switched off so that nothing else answers the extra
// attacks; losses per attack make the ratio a little lower than 1.67.
func TestSelfExcitationBranchingRatio(t *testing.T) {
	s := loadTestScenario(t, "historical")
	cal := calendar(t, "2021-09-01", "2022-12-31")
	base := clone(s.Params)
	noCut(&base)
	base.RaidPhases = []RaidPhase{{Name: "none", From: mustMonth("2021-09"), PerMonth: 0, Quality: 0.5}}
	base.Pakistan.PerMonth = 0
	base.Attacks.Excitation = 0
	excited := clone(base)
	excited.Attacks.Excitation = 0.4
	ws := []sim.Window{win("attacks-2022", MAttacks, "total", "", "2022-01", "2022-12", sim.Sum)}
	a := means(t, &base, cal, ws, 100)[0]
	b := means(t, &excited, cal, ws, 100)[0]
	ratio := b / a
	t.Logf("attacks in 2022: %.1f without excitation, %.1f with n = 0.4 (ratio %.3f, 1/(1-n) = 1.667)", a, b, ratio)
	if ratio < 1.45 || ratio > 1.75 {
		t.Errorf("excitation 0.4 multiplies attacks by %.3f, want about 1/(1-0.4) = 1.67 (1.45..1.75)", ratio)
	}
}
