package sweeprun

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"sync"
	"time"

	"github.com/insurgo/insurgo/internal/atomicfile"
	"github.com/insurgo/insurgo/sim"
	"github.com/insurgo/insurgo/sim/sweep"
)

// Shard file metadata keys.
const (
	metaHash   = "insurgo.sweep.hash"
	metaEngine = "insurgo.engine"
	metaShard  = "insurgo.sweep.shard"
	metaShards = "insurgo.sweep.shards"
	metaFirst  = "insurgo.sweep.first"
	metaCount  = "insurgo.sweep.count"
)

// RunOptions configures RunShards.
type RunOptions struct {
	// Task and Tasks select the shards to run: every shard s with
	// s mod Tasks = Task. With Tasks equal to the planned shard count
	// that is shard Task alone. Tasks must not exceed the shard count.
	Task, Tasks int
	Workers     int    // parallel points; default runtime.GOMAXPROCS(0)
	Engine      string // the running engine's version
	// Progress, if set, is called after each point with the points done
	// and the points to do, from one goroutine at a time.
	Progress func(done, total int)
	// Log, if set, receives one line per shard run or skipped.
	Log io.Writer
}

// RunReport says what RunShards did.
type RunReport struct {
	Ran, Skipped []int // shard indices
	// Busy lists the shards skipped because another live runner holds
	// their lock.
	Busy         []int
	Points, Rows int // points and rows computed
}

// ShardPath returns the path of shard i's results in dir.
func ShardPath(dir string, i int) string {
	return filepath.Join(dir, "shards", fmt.Sprintf("shard-%05d.parquet", i))
}

// RunShards runs the shards a task selects, skipping those already
// complete (same sweep hash and engine, every row present) and redoing
// any other. Each shard is written to a temporary file and renamed, so a
// killed run leaves no file that looks whole. A runner locks each shard
// while it runs it (see lock.go): a second runner skips a shard another
// live runner holds (RunReport.Busy) and takes over a stale lock.
func RunShards(ctx context.Context, dir string, load Loader, o RunOptions) (*RunReport, error) {
	man, err := ReadManifest(dir)
	if err != nil {
		return nil, err
	}
	k := len(man.Shards)
	switch {
	case o.Tasks < 1 || o.Tasks > k:
		return nil, fmt.Errorf("%w: %d tasks for %d shards: want 1 to %d", ErrSweepDir, o.Tasks, k, k)
	case o.Task < 0 || o.Task >= o.Tasks:
		return nil, fmt.Errorf("%w: task %d of %d: want 0 to %d", ErrSweepDir, o.Task, o.Tasks, o.Tasks-1)
	}
	if o.Workers <= 0 {
		o.Workers = runtime.GOMAXPROCS(0)
	}
	var todo []int
	rep := &RunReport{}
	for s := o.Task; s < k; s += o.Tasks {
		if shardComplete(ShardPath(dir, s), man, s, o.Engine) {
			rep.Skipped = append(rep.Skipped, s)
			if o.Log != nil {
				fmt.Fprintf(o.Log, "shard %d/%d: complete, skipped\n", s, k)
			}
			continue
		}
		todo = append(todo, s)
	}
	if len(todo) == 0 {
		return rep, nil
	}
	model, err := load(man.Base)
	if err != nil {
		return nil, err
	}
	if h := model.Hash(); h != man.BaseHash {
		return nil, fmt.Errorf("%w: base scenario %s has changed since the sweep was planned (hash %s, planned %s); plan again", ErrSweepDir, man.Base, short(h), short(man.BaseHash))
	}
	cal, err := model.Calendar()
	if err != nil {
		return nil, err
	}
	windows := man.Outputs
	for _, w := range windows {
		if _, _, err := w.Bind(&cal); err != nil {
			return nil, err
		}
	}
	total := 0
	for _, s := range todo {
		total += man.Shards[s].Count
	}
	done := 0
	progress := func() {
		done++
		if o.Progress != nil {
			o.Progress(done, total)
		}
	}
	if err := os.MkdirAll(filepath.Join(dir, "shards"), 0o755); err != nil {
		return nil, err
	}
	for _, s := range todo {
		lock, err := acquireLock(lockPath(ShardPath(dir, s)))
		if errors.Is(err, errLocked) {
			rep.Busy = append(rep.Busy, s)
			if o.Log != nil {
				fmt.Fprintf(o.Log, "shard %d/%d: %v; skipped\n", s, k, err)
			}
			continue
		}
		if err != nil {
			return rep, fmt.Errorf("shard %d: cannot lock: %w", s, err)
		}
		if shardComplete(ShardPath(dir, s), man, s, o.Engine) {
			lock.release() // completed by another runner meanwhile
			rep.Skipped = append(rep.Skipped, s)
			continue
		}
		sr := &shardRun{dir: dir, man: man, shard: s, model: model, cal: cal, windows: windows, workers: o.Workers, engine: o.Engine, progress: progress}
		began := time.Now()
		err = sr.run(ctx)
		if err == nil {
			writeTiming(dir, s, man.Shards[s].Count, man.Shards[s].Count*man.Replicates, time.Since(began))
		}
		lock.release()
		if err != nil {
			return rep, err
		}
		rep.Ran = append(rep.Ran, s)
		rep.Points += man.Shards[s].Count
		rep.Rows += man.Shards[s].Count * man.Replicates
		if o.Log != nil {
			fmt.Fprintf(o.Log, "shard %d/%d: %d points × %d replicates written to %s\n", s, k, man.Shards[s].Count, man.Replicates, ShardPath(dir, s))
		}
	}
	return rep, nil
}

// shardComplete reports whether path holds the whole of shard s of man,
// run by engine.
func shardComplete(path string, man *Manifest, s int, engine string) bool {
	rf, err := openRows(path, man.table())
	if err != nil {
		return false
	}
	defer rf.Close()
	r := man.Shards[s]
	return rf.meta(metaHash) == man.Hash &&
		rf.meta(metaEngine) == engine &&
		rf.meta(metaShard) == strconv.Itoa(s) &&
		rf.meta(metaShards) == strconv.Itoa(len(man.Shards)) &&
		rf.meta(metaFirst) == strconv.Itoa(r.First) &&
		rf.meta(metaCount) == strconv.Itoa(r.Count) &&
		rf.NumRows() == int64(r.Count)*int64(man.Replicates)
}

// shardRun runs one shard.
type shardRun struct {
	dir      string
	man      *Manifest
	shard    int
	model    Model
	cal      sim.Calendar
	windows  []sim.Window
	workers  int
	engine   string
	progress func()
}

// pointJob is one design point to run, and its outputs once run.
type pointJob struct {
	id     int
	values []float64
	out    [][]float64 // replicate × output
	err    error
	done   chan struct{}
}

func (sr *shardRun) run(ctx context.Context) error {
	path := ShardPath(sr.dir, sr.shard)
	// Temporary files of an earlier, killed run of this shard.
	if stale, err := filepath.Glob(filepath.Join(filepath.Dir(path), "."+filepath.Base(path)+".tmp-*")); err == nil {
		for _, f := range stale {
			os.Remove(f)
		}
	}
	r := sr.man.Shards[sr.shard]
	meta := [][2]string{
		{metaHash, sr.man.Hash},
		{metaEngine, sr.engine},
		{metaShard, strconv.Itoa(sr.shard)},
		{metaShards, strconv.Itoa(len(sr.man.Shards))},
		{metaFirst, strconv.Itoa(r.First)},
		{metaCount, strconv.Itoa(r.Count)},
	}
	t := sr.man.table()
	return atomicfile.Write(path, func(w io.Writer) error {
		rw, err := t.newWriter(w, sr.engine, meta)
		if err != nil {
			return err
		}
		if err := sr.points(ctx, r, func(j *pointJob) error {
			row := row{Point: int64(j.id), Params: j.values}
			for rep, outs := range j.out {
				row.Replicate = int64(rep)
				row.Outputs = outs
				if err := rw.Write(&row); err != nil {
					return err
				}
			}
			sr.progress()
			return nil
		}); err != nil {
			return err
		}
		return rw.Close()
	})
}

// points runs the points of r on sr.workers goroutines and hands each to
// emit in point order. At most a few points per worker are in flight, so
// memory does not grow with the shard.
func (sr *shardRun) points(ctx context.Context, r sweep.Range, emit func(*pointJob) error) error {
	ctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	jobs := make(chan *pointJob)
	order := make(chan *pointJob, 2*sr.workers) // bounds the points in flight
	var wg sync.WaitGroup
	for range sr.workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			rec := sim.NewRecorder(sr.cal.Months())
			for j := range jobs {
				j.out, j.err = sr.point(ctx, rec, j.id, j.values)
				close(j.done)
			}
		}()
	}
	// Feed the design, in order, to the workers and to the emitter.
	var feedErr error
	go func() {
		defer close(order)
		defer close(jobs)
		feedErr = readDesign(sr.dir, sr.man.ParamNames(), r, func(id int, vals []float64) error {
			j := &pointJob{id: id, values: append([]float64(nil), vals...), done: make(chan struct{})}
			select {
			case order <- j:
			case <-ctx.Done():
				return context.Cause(ctx)
			}
			select {
			case jobs <- j:
			case <-ctx.Done():
				return context.Cause(ctx)
			}
			return nil
		})
	}()
	var err error
	for j := range order {
		if err != nil {
			continue // drain
		}
		select {
		case <-j.done:
		case <-ctx.Done():
			err = context.Cause(ctx)
			continue
		}
		if j.err != nil {
			err = j.err
		} else {
			err = emit(j)
		}
		if err != nil {
			cancel(err)
		}
	}
	wg.Wait()
	if err == nil {
		err = feedErr
	}
	if err == nil {
		err = ctx.Err()
	}
	return err
}

// point runs the replicates of one point and returns their outputs.
func (sr *shardRun) point(ctx context.Context, rec *sim.Recorder, id int, vals []float64) ([][]float64, error) {
	if err := ctx.Err(); err != nil {
		return nil, context.Cause(ctx)
	}
	keys := sr.man.ParamNames()
	integer := make([]bool, len(keys))
	for i, p := range sr.man.Params {
		integer[i] = p.Integer
	}
	f, err := sr.model.Factory(keys, vals, integer)
	if err != nil {
		return nil, fmt.Errorf("point %d: %w", id, err)
	}
	seed := sweep.PointSeed(sr.man.Seed, id)
	out := make([][]float64, sr.man.Replicates)
	days := sr.cal.Days()
	for rep := range out {
		rec.Reset()
		m, err := f(sim.Replicate{Index: rep, Streams: sim.NewStreams(seed, rep), Recorder: rec, Calendar: &sr.cal, Ctx: ctx})
		if err != nil {
			if ctx.Err() != nil {
				return nil, context.Cause(ctx)
			}
			return nil, fmt.Errorf("point %d replicate %d: %w", id, rep, err)
		}
		done := ctx.Done()
		for d := range days {
			select { // once a simulated day
			case <-done:
				return nil, context.Cause(ctx)
			default:
			}
			m.Step(sr.cal.Day(d))
		}
		o := make([]float64, len(sr.windows))
		for i, w := range sr.windows {
			o[i] = w.Eval(rec, &sr.cal)
		}
		out[rep] = o
	}
	return out, nil
}
