package scenarios

import "testing"

func TestLevenshtein(t *testing.T) {
	tests := []struct {
		a, b string
		d    int
	}{
		{"", "", 0}, {"abc", "", 3}, {"", "ab", 2}, {"kitten", "sitting", 3},
		{"per_mnth", "per_month", 1}, {"flaw", "lawn", 2},
	}
	for _, tt := range tests {
		if d := levenshtein(tt.a, tt.b); d != tt.d {
			t.Errorf("levenshtein(%q, %q) = %d, want %d", tt.a, tt.b, d, tt.d)
		}
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
		if got := hint(tt.in, known); got != tt.want {
			t.Errorf("hint(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	if got := hint("zzz", nil); got != "" {
		t.Errorf("hint with no known words = %q", got)
	}
}
