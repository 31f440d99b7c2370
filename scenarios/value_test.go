package scenarios

import "testing"

// SetBelow tells a setting a scenario chooses from one it inherits,
// whatever the values: slowdown sets posture.choice = 1, which
// historical's file also holds.
func TestSetBelow(t *testing.T) {
	slow, err := Load("slowdown")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		key        string
		set, found bool
	}{
		{"posture.choice", true, true},
		{"posture.depth", false, true},
		{"raid_phase.routine-2022.quality", false, true},
	} {
		if set, found := slow.SetBelow("historical", c.key); set != c.set || found != c.found {
			t.Errorf("slowdown SetBelow(historical, %s) = %v, %v; want %v, %v", c.key, set, found, c.set, c.found)
		}
	}
	if _, found := slow.SetBelow("regional-cooperation", "posture.choice"); found {
		t.Error("slowdown does not extend regional-cooperation, but SetBelow found it")
	}
	hist, err := Load("historical")
	if err != nil {
		t.Fatal(err)
	}
	if !SameValue(slow, hist, "posture.choice") {
		t.Error("slowdown and historical both hold posture.choice = 1, SameValue says they differ")
	}
	set, err := hist.With(map[string]any{"attacks.rate": 0.1})
	if err != nil {
		t.Fatal(err)
	}
	if s, _ := set.SetBelow("historical", "attacks.rate"); !s {
		t.Error("an override of attacks.rate is not seen by SetBelow")
	}
	if SameValue(set, hist, "attacks.rate") {
		t.Error("attacks.rate 0.1 against historical's value: SameValue says equal")
	}
	if v, ok := hist.Value("raid_phase.routine-2022.quality"); !ok || v == nil {
		t.Errorf("Value(raid_phase.routine-2022.quality) = %v, %v", v, ok)
	}
	if _, ok := hist.Value("raid_phase.no-such-phase.quality"); ok {
		t.Error("Value found a phase that does not exist")
	}
	for name, want := range map[string]bool{"historical": true, "sustained-pressure": true, "degradation-fitted": true, "civil-violence": false} {
		sc, err := Load(name)
		if err != nil {
			t.Fatal(err)
		}
		if got, ok := sc.ShippedAncestor(); ok != want || (ok && got != "historical") {
			t.Errorf("%s: ShippedAncestor = %q, %v; want historical: %v", name, got, ok, want)
		}
	}
}
