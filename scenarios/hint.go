package scenarios

import (
	"fmt"
	"strings"
)

// levenshtein returns the edit distance between a and b (insertions,
// deletions and substitutions of bytes).
func levenshtein(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// nearest returns the known word closest to s, and whether it is close
// enough to suggest: at most a third of the longer word's length in
// edits (at least 2), or s differs from it only in case. Ties go to the
// earlier word in known.
func nearest(s string, known []string) (string, bool) {
	best, bestD := "", -1
	for _, k := range known {
		if strings.EqualFold(k, s) {
			return k, true
		}
		d := levenshtein(strings.ToLower(s), strings.ToLower(k))
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

// hint returns a suggestion to append to an error message about the
// unknown word s: the nearest known word, or the list of known words when
// none is close and the list is short.
func hint(s string, known []string) string {
	if k, ok := nearest(s, known); ok {
		return fmt.Sprintf(" (did you mean %q?)", k)
	}
	if len(known) > 0 && len(known) <= 12 {
		return " (known: " + strings.Join(known, ", ") + ")"
	}
	return ""
}
