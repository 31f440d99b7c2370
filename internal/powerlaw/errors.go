package powerlaw

import "errors"

// Errors returned by FitDiscrete and FitHistogram, wrapped with details.
var (
	// ErrTooFewData reports that no candidate x_min has at least MinTail
	// observations at or above it (including empty input and all zeros).
	ErrTooFewData = errors.New("powerlaw: too few data")

	// ErrInput reports an invalid observation or count: a negative,
	// non-integer, non-finite or too large value, a negative count,
	// slices of different lengths, or a total count that overflows int64.
	ErrInput = errors.New("powerlaw: invalid input")

	// ErrNoFit reports that for every candidate x_min the maximum-likelihood
	// α lies outside (1, AlphaMax], so no power law in range fits the tail
	// (for example when all tail values are equal).
	ErrNoFit = errors.New("powerlaw: no exponent in range")
)
