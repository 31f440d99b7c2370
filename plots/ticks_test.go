package plots

import (
	"strings"
	"testing"
)

func TestTickLabel(t *testing.T) {
	tests := []struct {
		v, step float64
		want    string
	}{
		{0.15000000000000002, 0.05, "0.15"}, // 3 × 0.05 in binary floating point
		{0.1 + 0.2, 0.1, "0.3"},
		{5000, 5000, "5000"},
		{12500, 2500, "12500"},
		{2.5, 2.5, "2.5"},
		{0.25, 0.25, "0.25"},
		{0.075, 0.025, "0.075"},
		{-2.7755575615628914e-17, 0.05, "0"},
		{-0.1, 0.05, "-0.1"},
		{3e-7, 1e-7, "0.0000003"},
	}
	for _, tt := range tests {
		if got := tickLabel(tt.v, tt.step); got != tt.want {
			t.Errorf("tickLabel(%v, %v) = %q, want %q", tt.v, tt.step, got, tt.want)
		}
	}
}

// TestPlainTicksShort checks the labels of ranges whose ticks are not
// exact binary fractions, such as the suicide share of the compare
// command (0 to about 0.2), where a label once read "0.15000000000000002".
func TestPlainTicksShort(t *testing.T) {
	for _, r := range [][2]float64{{0, 0.2}, {0.03, 0.21}, {0, 0.7}, {-0.3, 0.3}, {0, 1.1}, {0, 17000}, {1e-6, 9e-6}} {
		labelled := 0
		for _, tk := range (plainTicks{}).Ticks(r[0], r[1]) {
			if tk.Label == "" {
				continue
			}
			labelled++
			if len(tk.Label) > 9 || strings.Contains(tk.Label, "e") {
				t.Errorf("range %v: tick %v labelled %q", r, tk.Value, tk.Label)
			}
		}
		if labelled < 2 {
			t.Errorf("range %v: %d labelled ticks", r, labelled)
		}
	}
}
