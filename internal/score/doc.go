// Package score scores an observed figure against a predictive
// distribution: the continuous ranked probability score (CRPS) and the
// probability integral transform (PIT), for a predictive given as a
// weighted set of values (an ensemble of simulated replicates, or the
// probability mass function of a count model) with a normal observation
// error convolved into it, and two simple count baselines (a constant-rate
// negative binomial and a piecewise-constant "regime" Poisson) fitted to
// window totals.
//
// It knows nothing of any model or scenario: callers hand it numbers.
//
// References: T. Gneiting and A. E. Raftery, "Strictly Proper Scoring
// Rules, Prediction, and Estimation", JASA 102 (2007) 359-378 (CRPS, its
// kernel form E|X-y| - E|X-X'|/2, and the CRPS of a normal, their
// eq. 21); E. P. Grimit, T. Gneiting, V. J. Berrocal and N. A. Johnson,
// "The continuous ranked probability score for circular variables and its
// application to mesoscale forecast ensemble verification", QJRMS 132
// (2006) 2925-2942 (the CRPS of a mixture of normals); W. Wei and
// L. Held, "Calibration tests for count data", TEST 23 (2014) 787-805
// (the CRPS of a Poisson in closed form); C. Czado, T. Gneiting and
// L. Held, "Predictive model assessment for count data", Biometrics 65
// (2009) 1254-1261 (the randomised PIT for discrete predictives).
package score
