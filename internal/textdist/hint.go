package textdist

import (
	"fmt"
	"strings"
)

// Nearest returns the known word closest to s, and whether it is close
// enough to suggest: at most a third of the longer word's length in edits
// (at least 2), or s differs from it only in case. Case is ignored in the
// distance. Ties go to the earlier word in known.
func Nearest(s string, known []string) (string, bool) {
	best, bestD := "", -1
	for _, k := range known {
		if strings.EqualFold(k, s) {
			return k, true
		}
		d := Levenshtein(strings.ToLower(s), strings.ToLower(k))
		if bestD < 0 || d < bestD {
			best, bestD = k, d
		}
	}
	if bestD < 0 {
		return "", false
	}
	limit := max(len(s), len(best)) / 3
	if limit < 2 {
		limit = 2
	}
	return best, bestD <= limit
}

// Hint returns a suggestion to append to an error message about the
// unknown word s: ` (did you mean "k"?)` for the Nearest known word k, or
// ` (known: a, b, c)` when none is close and there are at most 12 known
// words, or "".
func Hint(s string, known []string) string {
	if k, ok := Nearest(s, known); ok {
		return fmt.Sprintf(" (did you mean %q?)", k)
	}
	if len(known) > 0 && len(known) <= 12 {
		return " (known: " + strings.Join(known, ", ") + ")"
	}
	return ""
}
