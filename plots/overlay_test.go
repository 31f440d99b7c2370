package plots

import (
	"bytes"
	"errors"
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
