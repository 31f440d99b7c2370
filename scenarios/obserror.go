package scenarios

import "github.com/insurgo/insurgo/sim"

// Kinds of [[target]] (the kind key).
const (
	// KindTarget is an observed figure the model is held against: fitted
	// by calibration, counted in coverage, scored.
	KindTarget = "target"
	// KindCheck is a scenario input echoed back (a scripted raid count, a
	// list of leaders killed): reported beside the targets, never counted
	// as a target, never used in a calibration distance or a score.
	KindCheck = "check"
)

// Kinds lists the accepted values of a [[target]]'s kind key.
var Kinds = []string{KindTarget, KindCheck}

// Default observation errors (standard deviations) by statistic, used
// when a [[target]] sets neither obs_sd nor obs_rel. They come from the
// domain brief (../shared/domain.md, "Calibration targets"): the published
// counts come from different collections that "do not add up exactly (a
// dozen attacks either way)", read here as one standard deviation.
const (
	// DefaultCountSD is a sum's: a dozen attacks either way.
	DefaultCountSD = 12.0
	// DefaultShareSD is a share's: a dozen attacks either way in the
	// numerator of a year of about 240 attacks (12/240 = 0.05).
	DefaultShareSD = 0.05
	// DefaultRegionsSD is a distinct_regions count's: one province either
	// way (a province reached by a single attack is in one collection and
	// not another; a guess, not from the brief).
	DefaultRegionsSD = 1.0
)

// defaultObsSD returns the observation s.d. of a statistic over a window
// of the given months when the file sets none: a sum's dozen, spread over
// the window's months for a mean_per_month; 0 (exact) for an end_value.
func defaultObsSD(statistic string, months int) float64 {
	switch statistic {
	case sim.Sum:
		return DefaultCountSD
	case sim.MeanPerMonth:
		return DefaultCountSD / float64(max(months, 1))
	case sim.Share:
		return DefaultShareSD
	case sim.DistinctRegions:
		return DefaultRegionsSD
	}
	return 0
}
