package plots

import (
	"bytes"
	"errors"
	"strconv"
	"testing"
)

// Overlay draws bands of different spans on the union of their months.
func TestOverlay(t *testing.T) {
	a := Band{Name: "a", Months: []string{"2021-09", "2021-10", "2021-11"}, P05: []float64{1, 2, 3}, P50: []float64{2, 3, 4}, P95: []float64{3, 4, 5}}
	b := Band{Name: "b", Months: []string{"2021-10", "2021-11", "2021-12"}, P05: []float64{0, 1, 1}, P50: []float64{1, 2, 2}, P95: []float64{2, 3, 3}}
	p, err := Overlay("t", "y", []Band{a, b})
	if err != nil {
		t.Fatal(err)
	}
	if p.X.Max != 3.5 {
		t.Errorf("x axis to %g, want 4 months (3.5)", p.X.Max)
	}
	var buf bytes.Buffer
	if err := Render(&buf, "svg", p); err != nil {
		t.Fatal(err)
	}
	if _, err := Overlay("t", "y", []Band{{Name: "empty"}}); !errors.Is(err, ErrNoData) {
		t.Errorf("empty bands: %v, want ErrNoData", err)
	}
	bad := a
	bad.P95 = bad.P95[:2]
	if _, err := Overlay("t", "y", []Band{bad}); err == nil {
		t.Error("mismatched band accepted")
	}
}

// A stepped run's labels are step numbers: they are drawn on a numeric
// step axis, not as month labels.
func TestOverlaySteps(t *testing.T) {
	var b Band
	for s := 1; s <= 12; s++ {
		b.Months = append(b.Months, strconv.Itoa(s))
		b.P05, b.P50, b.P95 = append(b.P05, 0), append(b.P50, 1), append(b.P95, 2)
	}
	p, err := Overlay("t", "y", []Band{b})
	if err != nil {
		t.Fatal(err)
	}
	if p.X.Min != 1 || p.X.Max != 12 || p.X.Label.Text != "step" {
		t.Errorf("x axis %g to %g labelled %q, want steps 1 to 12", p.X.Min, p.X.Max, p.X.Label.Text)
	}

}
