package main

import (
	"flag"
	"runtime"

	"github.com/insurgo/insurgo/scenarios"
)

// batchFlags are the flags of the commands that run batches of replicates
// into an output directory (run and compare).
type batchFlags struct {
	replicates int
	seed       uint64
	workers    int
	out        string
	force      bool
	format     string
	noPlots    bool
	set        setFlag
	large      bool
}

// register defines the flags on fs: -out defaults to out; replicates and
// seed describe -replicates and -seed for the command.
func (b *batchFlags) register(fs *flag.FlagSet, out, replicates, seed string) {
	fs.IntVar(&b.replicates, "replicates", 1000, replicates)
	fs.Uint64Var(&b.seed, "seed", 1, seed)
	fs.IntVar(&b.workers, "workers", runtime.NumCPU(), "parallel workers (> 0); results do not depend on it")
	fs.StringVar(&b.out, "out", out, "output directory")
	fs.BoolVar(&b.force, "force", false, "write into a non-empty output directory, replacing its files")
	fs.StringVar(&b.format, "format", "png", "figure format: png, svg or pdf")
	fs.BoolVar(&b.noPlots, "no-plots", false, "do not draw figures")
	fs.Var(&b.set, "set", setUsage)
	extendsAnywhereFlag(fs)
	fs.BoolVar(&b.large, "large", false, "run a batch above the work or memory limit (see docs/reliability.md)")
}

// check returns a usage error, prefixed by the command's name, for fewer
// than minReplicates replicates, a worker count below 1 or an unknown
// figure format.
func (b *batchFlags) check(cmd string, minReplicates int) error {
	switch {
	case b.replicates < minReplicates && minReplicates == 1:
		return usageError("%s: -replicates must be > 0, got %d", cmd, b.replicates)
	case b.replicates < minReplicates:
		return usageError("%s: -replicates must be >= %d, got %d", cmd, minReplicates, b.replicates)
	case b.replicates > maxReplicates:
		return usageError("%s: -replicates must be <= %d, got %d", cmd, maxReplicates, b.replicates)
	case b.workers <= 0:
		return usageError("%s: -workers must be > 0, got %d", cmd, b.workers)
	case b.workers > maxWorkers:
		return usageError("%s: -workers must be <= %d, got %d", cmd, maxWorkers, b.workers)
	}
	return checkFormat(b.format)
}

// extendsAnywhereFlag defines -extends-anywhere on fs, bound to
// scenarios.ExtendsAnywhere (reset to false each time it is defined).
func extendsAnywhereFlag(fs *flag.FlagSet) {
	fs.BoolVar(&scenarios.ExtendsAnywhere, "extends-anywhere", false, "let extends name files outside the including file's directory")
}
