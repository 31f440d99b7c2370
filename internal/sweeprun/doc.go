// Package sweeprun is the glue between sweep files, the domain-free sweep
// mathematics of sim/sweep and the simulation: it parses sweep TOML files,
// plans a sweep into a directory (manifest, design, shard map), runs
// shards into Parquet files, merges them exactly, analyses the merged
// table (Sobol' indices, Morris statistics, grid response surfaces, with
// figures) and writes Slurm job-array scripts.
//
// A sweep directory holds:
//
//	manifest.json       sweep hash, engine version, design, shard map
//	sweep.toml          the sweep file as planned
//	design.csv          one row per point: point id and parameter values
//	shards/shard-NNNNN.parquet   one per shard, rows point × replicate
//	results.parquet     the merged table (results.csv with -csv)
//	points.csv          per-point summaries of every output
//	analysis/           indices, tables and figures
//	slurm/              sbatch scripts
//
// Replicate r of point p runs under seed sweep.PointSeed(seed, p) and
// replicate index r, so results do not depend on the number of shards or
// workers: a sweep run as 1 shard or as 40 merges to the same bytes.
//
// The simulation is reached through [Model], so the package is tested
// with a toy model; [ScenarioLoader] binds it to insurgo's scenarios.
package sweeprun
