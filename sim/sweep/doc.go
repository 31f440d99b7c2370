// Package sweep holds the domain-free mathematics of parameter sweeps:
// experimental designs (full-factorial grids, Latin hypercubes, Saltelli
// sampling for Sobol' indices, Morris trajectories), the split of a design
// into shards, the seed of each design point, and the analyses that turn
// the outputs back into sensitivity measures (Sobol' first-order and total
// indices with bootstrap intervals, Morris mu*, mu and sigma).
//
// A design lives in the unit hypercube; each [Param] maps a unit coordinate
// to a value through its distribution's quantile function, so the same
// design code serves uniform, log-uniform, triangular and truncated-normal
// parameters. Every random draw comes from a *rand.Rand the caller seeds
// (math/rand/v2 PCG): a design is a function of its settings and seed.
//
// sweep knows nothing of scenarios, files or the model; the glue that runs
// a design through a simulation lives elsewhere (internal/sweeprun).
package sweep
