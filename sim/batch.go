package sim

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"sync"
	"sync/atomic"
)

// ErrBatch is wrapped by errors in a batch's settings.
var ErrBatch = errors.New("sim: bad batch")

// Batch runs replicates First .. First+Count-1 of a model under one seed.
// Its results do not depend on Workers: a batch split into parts whose
// aggregates are merged gives the aggregate of the whole.
type Batch struct {
	Calendar Calendar
	Seed     uint64
	First    int // first replicate index; default 0
	Count    int // number of replicates; must be > 0
	Workers  int // goroutines; default runtime.GOMAXPROCS(0)

	// Windows are per-replicate statistics to histogram in the aggregate.
	Windows []Window

	// KeepEvents makes each replicate's Recorder keep its events.
	KeepEvents bool

	// OnReplicate, if set, is called once per replicate, in increasing
	// replicate order, from one goroutine at a time, with the replicate's
	// recorder. It must not keep the recorder. An error stops the batch.
	OnReplicate func(rep int, r *Recorder) error

	// OnStep, if set, is called after every Step of every replicate with
	// the replicate index, the tick just stepped and the model, to observe
	// a model at a finer grain than its recording (a test reading its
	// state, a per-step trace). It is called from the worker goroutines,
	// concurrently for different replicates; it must not change the model
	// or draw from its streams. An error stops the batch.
	OnStep func(rep int, d Day, m Model) error

	// Progress, if set, is called after each replicate with the number
	// done so far, from one goroutine at a time.
	Progress func(done, total int)
}

// Run runs the batch and returns its aggregate. When ctx is cancelled, Run
// stops within about one replicate's time and returns ctx's error.
func (b Batch) Run(ctx context.Context, f Factory) (*Aggregate, error) {
	if b.Count <= 0 {
		return nil, fmt.Errorf("%w: replicates must be > 0, got %d", ErrBatch, b.Count)
	}
	if b.First < 0 {
		return nil, fmt.Errorf("%w: first replicate must be >= 0, got %d", ErrBatch, b.First)
	}
	if b.Calendar.Days() == 0 {
		return nil, fmt.Errorf("%w: empty calendar", ErrBatch)
	}
	for _, w := range b.Windows {
		if _, _, err := w.Bind(&b.Calendar); err != nil {
			return nil, err
		}
	}
	workers := b.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	workers = min(workers, b.Count)

	ctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)

	var (
		next      atomic.Int64 // next replicate offset to start
		mu        sync.Mutex   // guards done, delivered, pending, progress calls
		cond      = sync.NewCond(&mu)
		done      int
		delivered int // offset of the next replicate to hand to OnReplicate
	)
	window := 4 * workers // how far ahead of delivery a worker may run
	aggs := make([]*Aggregate, workers)
	var wg sync.WaitGroup
	for w := range workers {
		agg := NewAggregate(b.Calendar.Months(), b.Windows)
		aggs[w] = agg
		wg.Add(1)
		go func() {
			defer wg.Done()
			rec := NewRecorder(b.Calendar.Months())
			rec.keepEvents = b.KeepEvents
			for {
				i := int(next.Add(1) - 1)
				if i >= b.Count || ctx.Err() != nil {
					return
				}
				if b.OnReplicate != nil {
					// Do not run too far ahead of the replicate being
					// delivered, so memory stays bounded.
					mu.Lock()
					for i >= delivered+window && ctx.Err() == nil {
						cond.Wait()
					}
					mu.Unlock()
				}
				rep := b.First + i
				if err := b.runOne(ctx, f, rep, rec); err != nil {
					cancel(err)
					mu.Lock()
					cond.Broadcast()
					mu.Unlock()
					return
				}
				agg.Add(rec, &b.Calendar)
				mu.Lock()
				if b.OnReplicate != nil {
					for i != delivered && ctx.Err() == nil {
						cond.Wait()
					}
					if ctx.Err() == nil {
						if err := b.OnReplicate(rep, rec); err != nil {
							cancel(err)
						}
						delivered++
					}
					cond.Broadcast()
				}
				done++
				if b.Progress != nil && ctx.Err() == nil {
					b.Progress(done, b.Count)
				}
				mu.Unlock()
			}
		}()
	}
	// Wake waiters when the context is cancelled from outside.
	stop := context.AfterFunc(ctx, func() {
		mu.Lock()
		cond.Broadcast()
		mu.Unlock()
	})
	wg.Wait()
	stop()
	if err := context.Cause(ctx); err != nil {
		return nil, err
	}
	total := aggs[0]
	for _, a := range aggs[1:] {
		if err := total.Merge(a); err != nil {
			return nil, err
		}
	}
	return total, nil
}

// runOne runs replicate rep into rec.
func (b *Batch) runOne(ctx context.Context, f Factory, rep int, rec *Recorder) error {
	rec.Reset()
	m, err := f(Replicate{Index: rep, Streams: NewStreams(b.Seed, rep), Recorder: rec, Calendar: &b.Calendar, Ctx: ctx})
	if err != nil {
		if ctx.Err() != nil {
			return context.Cause(ctx)
		}
		return fmt.Errorf("replicate %d: %w", rep, err)
	}
	n := b.Calendar.Days()
	done := ctx.Done()
	for d := 0; d < n; d++ {
		// Once a simulated day: a non-blocking receive costs a few
		// nanoseconds against a day's microseconds.
		select {
		case <-done:
			return context.Cause(ctx)
		default:
		}
		m.Step(b.Calendar.days[d])
		if b.OnStep != nil {
			if err := b.OnStep(rep, b.Calendar.days[d], m); err != nil {
				return err
			}
		}
	}
	return nil
}
