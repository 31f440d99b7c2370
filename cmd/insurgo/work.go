package main

import (
	"fmt"

	"github.com/insurgo/insurgo/scenarios"
)

// Limits on one batch, checked before it starts.
const (
	// maxReplicates bounds -replicates of run and compare.
	maxReplicates = 10_000_000
	// maxWorkers bounds -workers.
	maxWorkers = 4096
	// maxCoreSeconds bounds a batch's estimated work without -large:
	// replicates × the scenario's estimate of one (scenarios.Scenario.Cost),
	// two hours of one core. The historical scenario's default batch (1,000
	// replicates) is about 4 core-seconds by the estimate.
	maxCoreSeconds = 2 * 3600
	// maxBatchBytes bounds a batch's estimated memory without -large.
	maxBatchBytes = 8 << 30
)

// workEstimate is what a batch is expected to cost.
type workEstimate struct {
	Seconds float64 // of one core: replicates × the estimate of one
	Bytes   float64 // per-worker worlds and recorders, and the summary
}

// estimateWork estimates the work and memory of reps replicates of sc on
// workers workers.
func estimateWork(sc *scenarios.Scenario, reps, workers int) (workEstimate, error) {
	cal, err := sc.Calendar()
	if err != nil {
		return workEstimate{}, asUsage(err)
	}
	one := sc.Cost()
	months := float64(cal.Months())
	scopes := float64(len(sc.Scopes()) + 1)
	metrics := float64(len(sc.Metrics()) + 1)
	perWorker := one.Bytes + months*scopes*metrics*8*4
	return workEstimate{
		Seconds: float64(reps) * one.Seconds,
		Bytes:   float64(min(workers, reps))*perWorker + months*scopes*metrics*512,
	}, nil
}

// checkWork refuses a batch whose estimate is above the limits unless
// large is set.
func checkWork(sc *scenarios.Scenario, reps, workers int, large bool) error {
	w, err := estimateWork(sc, reps, workers)
	if err != nil || large {
		return err
	}
	if w.Seconds > maxCoreSeconds {
		return usageError("%s: %d replicates would take about %.2g hours of one core, above the limit of %.0f; give fewer -replicates, or -large to run it anyway", sc.Name, reps, w.Seconds/3600, float64(maxCoreSeconds)/3600)
	}
	if w.Bytes > maxBatchBytes {
		return usageError("%s: the batch would need about %s of memory, above the limit of %s; give fewer -workers, or -large to run it anyway", sc.Name, sizeString(w.Bytes), sizeString(maxBatchBytes))
	}
	return nil
}

func sizeString(b float64) string {
	switch {
	case b >= 1<<30:
		return fmt.Sprintf("%.1f GiB", b/(1<<30))
	case b >= 1<<20:
		return fmt.Sprintf("%.1f MiB", b/(1<<20))
	}
	return fmt.Sprintf("%.0f KiB", b/(1<<10))
}
