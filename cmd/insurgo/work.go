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
	// maxCellDays bounds a batch's estimated work without -large:
	// replicates × simulated days × (initial cells + 10), the initial cells
	// being the regions' own and those isk.start_strength places. The historical
	// scenario's default batch (1,000 replicates) is about 1.1e8 and
	// takes seconds (3e7 cell-days a second on one core of the development
	// machine); the limit is about two hours of one core.
	maxCellDays = 2e11
	// maxBatchBytes bounds a batch's estimated memory without -large.
	maxBatchBytes = 8 << 30
	// cellBytes is the estimated memory of one cell, with room for the
	// cells it may found as it grows.
	cellBytes = 4 << 10
)

// workEstimate is what a batch is expected to cost.
type workEstimate struct {
	CellDays float64 // replicates × days × (initial cells + 10)
	Bytes    float64 // per-worker worlds and recorders
}

// estimateWork estimates the work and memory of reps replicates of sc on
// workers workers.
func estimateWork(sc *scenarios.Scenario, reps, workers int) (workEstimate, error) {
	cal, err := sc.Calendar()
	if err != nil {
		return workEstimate{}, asUsage(err)
	}
	cells := 0
	for _, r := range sc.Params.Regions {
		cells += r.Cells
	}
	if k := sc.Params.ISK; k.StartStrength > 0 && k.FighterPerCell > 0 {
		cells += int(k.StartStrength/k.FighterPerCell) + 1 // the cells isk.start_strength places
	}
	days := float64(cal.Days())
	months := float64(cal.Months())
	scopes := float64(len(sc.Scopes()) + 1)
	metrics := float64(len(sc.Metrics()) + 1)
	perWorker := float64(cells+10)*cellBytes + months*scopes*metrics*8*4
	return workEstimate{
		CellDays: float64(reps) * days * float64(cells+10),
		Bytes:    float64(min(workers, reps))*perWorker + months*scopes*metrics*512,
	}, nil
}

// checkWork refuses a batch whose estimate is above the limits unless
// large is set.
func checkWork(sc *scenarios.Scenario, reps, workers int, large bool) error {
	w, err := estimateWork(sc, reps, workers)
	if err != nil || large {
		return err
	}
	if w.CellDays > maxCellDays {
		return usageError("%s: %d replicates would take about %.2g cell-days of work, above the limit of %.2g (hours of a core); give fewer -replicates, or -large to run it anyway", sc.Name, reps, w.CellDays, float64(maxCellDays))
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
