package sweeprun

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"gonum.org/v1/gonum/floats"
	"gonum.org/v1/gonum/stat"

	"github.com/insurgo/insurgo/internal/atomicfile"
)

// ErrShards is wrapped by merge errors about missing, foreign or
// incomplete shards.
var ErrShards = errors.New("shards not ready")

// MergeOptions configures Merge.
type MergeOptions struct {
	CSV bool // also write results.csv
}

// MergeReport says what Merge wrote.
type MergeReport struct {
	Rows   int64
	Points int
	Files  []string
}

// ResultsPath returns the path of the merged results in dir.
func ResultsPath(dir string) string { return filepath.Join(dir, "results.parquet") }

// Merge checks that every shard of the sweep in dir is present, whole
// and of this sweep, then writes results.parquet (every row in point and
// replicate order), points.csv (per-point summaries of each output) and,
// on request, results.csv. It streams: memory does not grow with the
// sweep. The merged bytes depend only on the rows, so a sweep run in any
// number of shards merges to the same files.
func Merge(dir string, o MergeOptions) (*MergeReport, error) {
	man, err := ReadManifest(dir)
	if err != nil {
		return nil, err
	}
	if err := checkShards(dir, man); err != nil {
		return nil, err
	}
	t := man.table()
	engine := ""
	if rf, err := openRows(ShardPath(dir, 0), t); err == nil {
		engine = rf.meta(metaEngine)
		rf.Close()
	}
	rep := &MergeReport{Points: man.Points}
	pointsPath := filepath.Join(dir, "points.csv")
	csvPath := filepath.Join(dir, "results.csv")
	err = atomicfile.Write(ResultsPath(dir), func(pw io.Writer) error {
		return atomicfile.Write(pointsPath, func(sw io.Writer) error {
			write := func(cw io.Writer) error {
				n, err := mergeRows(dir, man, t, engine, pw, sw, cw)
				rep.Rows = n
				return err
			}
			if !o.CSV {
				return write(nil)
			}
			return atomicfile.Write(csvPath, write)
		})
	})
	if err != nil {
		return nil, err
	}
	if o.CSV {
		rep.Files = append(rep.Files, csvPath)
	}
	rep.Files = append(rep.Files, pointsPath, ResultsPath(dir))
	return rep, nil
}

// checkShards names every shard that is missing, foreign, incomplete or
// run by another engine.
func checkShards(dir string, man *Manifest) error {
	t := man.table()
	var missing []string
	var problems []string
	engines := map[string][]int{}
	for s, r := range man.Shards {
		path := ShardPath(dir, s)
		rf, err := openRows(path, t)
		if err != nil {
			if errors.Is(err, os.ErrNotExist) {
				missing = append(missing, strconv.Itoa(s))
			} else if errors.Is(err, errNotResults) {
				problems = append(problems, fmt.Sprintf("shard %d is foreign: %v", s, err))
			} else {
				problems = append(problems, fmt.Sprintf("shard %d is unreadable (%v): rerun it", s, err))
			}
			continue
		}
		h := rf.meta(metaHash)
		switch {
		case h != man.Hash:
			problems = append(problems, fmt.Sprintf("shard %d is foreign: %s has sweep hash %s, the plan has %s", s, path, short(h), short(man.Hash)))
		case rf.meta(metaShard) != strconv.Itoa(s) || rf.meta(metaShards) != strconv.Itoa(len(man.Shards)) ||
			rf.meta(metaFirst) != strconv.Itoa(r.First) || rf.meta(metaCount) != strconv.Itoa(r.Count):
			problems = append(problems, fmt.Sprintf("shard %d is foreign: %s holds shard %s of %s (points %s+%s), the plan has points %d+%d",
				s, path, rf.meta(metaShard), rf.meta(metaShards), rf.meta(metaFirst), rf.meta(metaCount), r.First, r.Count))
		case rf.NumRows() != int64(r.Count)*int64(man.Replicates):
			problems = append(problems, fmt.Sprintf("shard %d is incomplete: %d rows, want %d: rerun it", s, rf.NumRows(), r.Count*man.Replicates))
		default:
			e := rf.meta(metaEngine)
			engines[e] = append(engines[e], s)
		}
		rf.Close()
	}
	if len(engines) > 1 {
		var parts []string
		for e, ss := range engines {
			parts = append(parts, fmt.Sprintf("engine %q ran shards %v", e, ss))
		}
		sort.Strings(parts)
		problems = append(problems, "shards were run by different engine versions: "+strings.Join(parts, "; ")+"; rerun them with one binary")
	}
	if len(missing) == 0 && len(problems) == 0 {
		return nil
	}
	var b strings.Builder
	if len(missing) > 0 {
		fmt.Fprintf(&b, "\n  %d of %d shards missing: %s (run: insurgo sweep run %s -shard i/%d)", len(missing), len(man.Shards), strings.Join(missing, ", "), dir, len(man.Shards))
	}
	for _, p := range problems {
		b.WriteString("\n  " + p)
	}
	return fmt.Errorf("%w: %s:%s", ErrShards, dir, b.String())
}

// mergeRows copies every shard's rows, in order, to the merged Parquet
// writer pw and the optional CSV cw, and writes per-point summaries to sw.
func mergeRows(dir string, man *Manifest, t *table, engine string, pw, sw, cw io.Writer) (int64, error) {
	rw, err := t.newWriter(pw, engine, [][2]string{
		{metaHash, man.Hash},
		{metaEngine, engine},
		{"insurgo.sweep.points", strconv.Itoa(man.Points)},
		{"insurgo.sweep.replicates", strconv.Itoa(man.Replicates)},
	})
	if err != nil {
		return 0, err
	}
	var csvw *csv.Writer
	var rec []string
	if cw != nil {
		csvw = csv.NewWriter(cw)
		head := append(append(append([]string{colPoint}, t.params...), colReplicate), t.outputs...)
		if err := csvw.Write(head); err != nil {
			return 0, err
		}
	}
	sum := newSummarizer(sw, t, man.Replicates)
	if err := sum.header(); err != nil {
		return 0, err
	}
	var r row
	nextPoint, nextRep := int64(0), int64(0)
	for s := range man.Shards {
		rf, err := openRows(ShardPath(dir, s), t)
		if err != nil {
			return 0, err
		}
		for {
			err := rf.Next(&r)
			if err == io.EOF {
				break
			}
			if err != nil {
				rf.Close()
				return 0, fmt.Errorf("%s: %w", ShardPath(dir, s), err)
			}
			if r.Point != nextPoint || r.Replicate != nextRep {
				rf.Close()
				return 0, fmt.Errorf("%w: %s: row of point %d replicate %d where point %d replicate %d belongs", ErrShards, ShardPath(dir, s), r.Point, r.Replicate, nextPoint, nextRep)
			}
			if nextRep++; nextRep == int64(man.Replicates) {
				nextPoint, nextRep = nextPoint+1, 0
			}
			if err := rw.Write(&r); err != nil {
				rf.Close()
				return 0, err
			}
			if csvw != nil {
				rec = rec[:0]
				rec = append(rec, strconv.FormatInt(r.Point, 10))
				rec = appendFloats(rec, r.Params)
				rec = append(rec, strconv.FormatInt(r.Replicate, 10))
				rec = appendFloats(rec, r.Outputs)
				if err := csvw.Write(rec); err != nil {
					rf.Close()
					return 0, err
				}
			}
			if err := sum.add(&r); err != nil {
				rf.Close()
				return 0, err
			}
		}
		rf.Close()
	}
	if nextPoint != int64(man.Points) || nextRep != 0 {
		return 0, fmt.Errorf("%w: shards hold %d whole points, the plan has %d", ErrShards, nextPoint, man.Points)
	}
	if csvw != nil {
		csvw.Flush()
		if err := csvw.Error(); err != nil {
			return 0, err
		}
	}
	if err := sum.close(); err != nil {
		return 0, err
	}
	return rw.rows, rw.Close()
}

func appendFloats(rec []string, xs []float64) []string {
	for _, v := range xs {
		rec = append(rec, strconv.FormatFloat(v, 'g', -1, 64))
	}
	return rec
}

// summarizer writes one line per point: parameter values and, for each
// output, the mean, standard deviation, minimum and maximum over
// replicates. It holds one point's rows at a time.
type summarizer struct {
	w      *csv.Writer
	t      *table
	reps   int
	point  int64
	params []float64
	vals   [][]float64 // output × replicate
	n      int
	rec    []string
}

func newSummarizer(w io.Writer, t *table, reps int) *summarizer {
	s := &summarizer{w: csv.NewWriter(w), t: t, reps: reps, vals: make([][]float64, len(t.outputs))}
	for i := range s.vals {
		s.vals[i] = make([]float64, 0, reps)
	}
	return s
}

func (s *summarizer) header() error {
	h := append(append([]string{colPoint}, s.t.params...), "replicates")
	for _, o := range s.t.outputs {
		h = append(h, o+"_mean", o+"_sd", o+"_min", o+"_max")
	}
	return s.w.Write(h)
}

func (s *summarizer) add(r *row) error {
	if s.n > 0 && r.Point != s.point {
		if err := s.flush(); err != nil {
			return err
		}
	}
	if s.n == 0 {
		s.point = r.Point
		s.params = append(s.params[:0], r.Params...)
	}
	for i, v := range r.Outputs {
		s.vals[i] = append(s.vals[i], v)
	}
	s.n++
	return nil
}

func (s *summarizer) flush() error {
	s.rec = s.rec[:0]
	s.rec = append(s.rec, strconv.FormatInt(s.point, 10))
	s.rec = appendFloats(s.rec, s.params)
	s.rec = append(s.rec, strconv.Itoa(s.n))
	for i, vs := range s.vals {
		mean, sd := stat.MeanStdDev(vs, nil)
		if len(vs) < 2 {
			sd = math.NaN()
		}
		s.rec = appendFloats(s.rec, []float64{mean, sd, floats.Min(vs), floats.Max(vs)})
		s.vals[i] = vs[:0]
	}
	s.n = 0
	return s.w.Write(s.rec)
}

func (s *summarizer) close() error {
	if s.n > 0 {
		if err := s.flush(); err != nil {
			return err
		}
	}
	s.w.Flush()
	return s.w.Error()
}
