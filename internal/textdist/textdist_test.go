package textdist

import "testing"

func TestLevenshtein(t *testing.T) {
	tests := []struct {
		a, b string
		d    int
	}{
		// kitten → sitting is the textbook example (distance 3).
		{"", "", 0}, {"abc", "", 3}, {"", "ab", 2}, {"kitten", "sitting", 3},
		{"per_mnth", "per_month", 1}, {"flaw", "lawn", 2},
	}
	for _, tt := range tests {
		if d := Levenshtein(tt.a, tt.b); d != tt.d {
			t.Errorf("Levenshtein(%q, %q) = %d, want %d", tt.a, tt.b, d, tt.d)
		}
	}
}

func TestNearest(t *testing.T) {
	known := []string{"attacks", "suicide_attacks", "casualties"}
	tests := []struct {
		in   string
		want string
		ok   bool
	}{
		{"atacks", "attacks", true},
		{"ATTACKS", "attacks", true},
		{"casualty", "casualties", true},
		{"fighters", "", false},
	}
	for _, tt := range tests {
		got, ok := Nearest(tt.in, known)
		if ok != tt.ok || (ok && got != tt.want) {
			t.Errorf("Nearest(%q) = %q, %v; want %q, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
	if _, ok := Nearest("x", nil); ok {
		t.Error("Nearest with no known words suggested one")
	}
}

func TestHint(t *testing.T) {
	known := []string{"per_month", "quality", "kill_fraction"}
	tests := []struct{ in, want string }{
		{"per_mnth", ` (did you mean "per_month"?)`},
		{"Quality", ` (did you mean "quality"?)`},
		{"kill_fractoin", ` (did you mean "kill_fraction"?)`},
		{"zzz", " (known: per_month, quality, kill_fraction)"},
	}
	for _, tt := range tests {
		if got := Hint(tt.in, known); got != tt.want {
			t.Errorf("Hint(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	if got := Hint("zzz", nil); got != "" {
		t.Errorf("Hint with no known words = %q", got)
	}
	many := make([]string, 13)
	for i := range many {
		many[i] = string(rune('a'+i)) + "_long_name"
	}
	if got := Hint("zzz", many); got != "" {
		t.Errorf("Hint with 13 distant known words = %q, want none", got)
	}
}
