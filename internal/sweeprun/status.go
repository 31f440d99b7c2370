package sweeprun

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/insurgo/insurgo/internal/atomicfile"
)

// Shard states reported by ReadStatus.
const (
	ShardDone    = "done"    // complete, of this plan and engine
	ShardRunning = "running" // locked by a live runner
	ShardPartial = "partial" // a temporary file, stale lock or incomplete file left by a stopped runner
	ShardMissing = "missing" // nothing yet
)

// shardTiming is shard-NNNNN.json beside a completed shard: how long it
// took, for sweep status's rate and time left. It is not part of the
// results.
type shardTiming struct {
	Points   int     `json:"points"`
	Rows     int     `json:"rows"`
	Seconds  float64 `json:"seconds"`
	Host     string  `json:"host"`
	Finished string  `json:"finished"`
}

func timingPath(dir string, s int) string {
	return strings.TrimSuffix(ShardPath(dir, s), ".parquet") + ".json"
}

func writeTiming(dir string, s, points, rows int, el time.Duration) {
	host, _ := os.Hostname()
	// Best effort: the timing only informs sweep status.
	_ = atomicfile.WriteJSON(timingPath(dir, s), shardTiming{Points: points, Rows: rows, Seconds: el.Seconds(), Host: host, Finished: time.Now().UTC().Format(time.RFC3339)})
}

// Status is the state of a sweep directory's shards.
type Status struct {
	Name                            string
	Shards                          []string // state of each shard
	Holders                         []string // for running shards, the lock's holder
	Done, Running, Partial, Missing int
	PointsDone, PointsLeft          int
	// PointsPerSecond is the measured rate of one runner (points over
	// the seconds of the completed shards that recorded their timing);
	// 0 when no shard has.
	PointsPerSecond float64
	// Left estimates the time to finish the remaining points at that
	// rate with as many runners as are running now (at least one); 0
	// when unknown.
	Left time.Duration
}

// ReadStatus reports the state of every shard of the sweep in dir, as
// seen by the engine version engine (a shard of another engine is
// partial: a run would redo it).
func ReadStatus(dir, engine string) (*Status, error) {
	man, err := ReadManifest(dir)
	if err != nil {
		return nil, err
	}
	st := &Status{Name: man.Name, Shards: make([]string, len(man.Shards)), Holders: make([]string, len(man.Shards))}
	var secs float64
	var timed int
	for s, r := range man.Shards {
		path := ShardPath(dir, s)
		lock := lockPath(path)
		_, lerr := os.Stat(lock)
		temps, _ := filepath.Glob(filepath.Join(filepath.Dir(path), "."+filepath.Base(path)+".tmp-*"))
		_, ferr := os.Stat(path)
		switch {
		case shardComplete(path, man, s, engine):
			st.Shards[s] = ShardDone
			st.Done++
			st.PointsDone += r.Count
			if b, err := os.ReadFile(timingPath(dir, s)); err == nil {
				var tm shardTiming
				if json.Unmarshal(b, &tm) == nil && tm.Seconds > 0 && tm.Points > 0 {
					secs += tm.Seconds
					timed += tm.Points
				}
			}
			continue
		case lerr == nil:
			if holder, stale := lockStale(lock); !stale {
				st.Shards[s] = ShardRunning
				st.Holders[s] = holder
				st.Running++
			} else {
				st.Shards[s] = ShardPartial
				st.Partial++
			}
		case len(temps) > 0 || ferr == nil:
			st.Shards[s] = ShardPartial
			st.Partial++
		default:
			st.Shards[s] = ShardMissing
			st.Missing++
		}
		st.PointsLeft += r.Count
	}
	if secs > 0 {
		st.PointsPerSecond = float64(timed) / secs
		if st.PointsLeft > 0 {
			st.Left = time.Duration(float64(st.PointsLeft) / (st.PointsPerSecond * float64(max(1, st.Running))) * float64(time.Second))
		}
	}
	return st, nil
}

// Indices returns the shards in state, as compact ranges ("0-3, 7").
func (st *Status) Indices(state string) string {
	var parts []string
	for i := 0; i < len(st.Shards); i++ {
		if st.Shards[i] != state {
			continue
		}
		j := i
		for j+1 < len(st.Shards) && st.Shards[j+1] == state {
			j++
		}
		if j > i {
			parts = append(parts, fmt.Sprintf("%d-%d", i, j))
		} else {
			parts = append(parts, fmt.Sprint(i))
		}
		i = j
	}
	return strings.Join(parts, ",")
}
