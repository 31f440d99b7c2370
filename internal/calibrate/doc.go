// Package calibrate is insurgo's calibration by ABC-SMC above the
// domain-free algorithm of sim/abc: the calibration file format and its
// strict checks, the binding of a scenario to the algorithm's Simulator
// (one replicate per proposal, the targets' window statistics as summary
// statistics), the generations on disk and resume, the output files and
// figures, and the posterior read back for run and compare.
package calibrate
