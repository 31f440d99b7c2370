// Package sim is insurgo's domain-free simulation engine: a day-by-day
// calendar or a step clock ([NewStepClock], recorded every step or every
// few), named random streams derived from a master seed, a parallel batch
// runner with per-replicate and per-step observers, per-month (or
// per-period) recorders and exact, mergeable aggregates. For grid models it
// has a torus with von Neumann and Moore neighbourhoods of any radius
// ([Torus], [Neighbourhood]) and a random activation order drawn from a
// named stream ([Activation]).
//
// sim knows nothing of ISK, TOML files or plots. A model implements [Model]
// and is built, one per replicate, by a [Factory]. The runner hands each
// replicate its own [Streams] and [Recorder]; a replicate's results depend
// only on (seed, replicate index, model), never on the number of workers,
// so a batch split into shards and merged gives the same bytes as one run.
//
// Aggregates hold integer-valued histograms, so quantiles are exact and
// merging two aggregates is exact and order-independent; memory grows with
// the number of distinct values, not with the number of replicates.
package sim
