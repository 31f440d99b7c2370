// Package compare compares simulated scenarios replicate by replicate.
//
// Every scenario (an [Arm]) runs as a sim.Batch under one seed and one
// number of replicates, so replicate i of every arm draws from the same
// named random streams (common random numbers). A difference between arms
// then measures the change of setting, not the noise: [Pair] reports the
// paired difference B_i − A_i, the relative change of the means with a
// bootstrap interval, the probability that B is below A, and how much the
// pairing narrowed the uncertainty compared with independent runs.
//
// [Signature] statistics (ratios of window sums, retention of a gauge,
// rebound after a pressure lapses) describe the mechanisms that tell two
// hypotheses apart; [Choose] scores arms against observed figures by
// rejection ABC, giving posterior model probabilities under equal priors.
//
// The package knows metrics and scopes only as names: which metric is
// "attacks" and which scope is Afghanistan is decided by the caller.
package compare
