// Package textdist suggests the known word nearest to a misspelt one, for
// error messages such as `unknown key "per_mnth" (did you mean
// "per_month"?)`. Distances are Levenshtein edit distances over bytes.
package textdist
