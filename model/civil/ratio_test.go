package civil

import (
	"math"
	"testing"
)

// TestRatio checks the rounding of C/A against Python's round, which
// rounds halves to even (round(0.5) = 0, round(1.5) = 2, round(2.5) = 2),
// and the floor of the paper.
func TestRatio(t *testing.T) {
	for c := int32(0); c <= 40; c++ {
		for a := int32(1); a <= 40; a++ {
			want := int32(math.RoundToEven(float64(c) / float64(a)))
			if got := ratio(c, a, false); got != want {
				t.Fatalf("round(%d/%d) = %d, want %d", c, a, got, want)
			}
			if got := ratio(c, a, true); got != c/a {
				t.Fatalf("floor(%d/%d) = %d, want %d", c, a, got, c/a)
			}
		}
	}
	if ratio(1, 2, false) != 0 || ratio(3, 2, false) != 2 || ratio(5, 2, false) != 2 {
		t.Error("halves do not round to even")
	}
}

func TestLegitimacySchedule(t *testing.T) {
	p := Default()
	p.Legitimacy = 0.9
	p.LegitimacyChange = LegitimacyChange{Start: 11, Over: 4, To: 0.7}
	want := map[int]float64{1: 0.9, 10: 0.9, 11: 0.85, 12: 0.8, 13: 0.75, 14: 0.7, 500: 0.7}
	for s, w := range want {
		if got := p.legitimacy(s); math.Abs(got-w) > 1e-12 {
			t.Errorf("gradual: step %d: legitimacy %v, want %v", s, got, w)
		}
	}
	p.LegitimacyChange.Over = 0
	if p.legitimacy(10) != 0.9 || p.legitimacy(11) != 0.7 {
		t.Errorf("sudden: legitimacy %v then %v, want 0.9 then 0.7", p.legitimacy(10), p.legitimacy(11))
	}
}
