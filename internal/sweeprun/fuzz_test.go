package sweeprun

import (
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/insurgo/insurgo/sim/sweep"
)

// FuzzSweepConfig feeds arbitrary bytes to the sweep-file parser: no
// input may panic; a failure is a non-empty Errors; a success has a
// design that builds (for designs small enough to build here).
//
// Run with: go test -fuzz=FuzzSweepConfig -fuzzminimizetime=2s ./internal/sweeprun
func FuzzSweepConfig(f *testing.F) {
	files, _ := filepath.Glob("../../examples/sweeps/*.toml")
	bad, _ := filepath.Glob("../../testdata/bad/sweeps/*.toml")
	for _, file := range append(files, bad...) {
		if data, err := os.ReadFile(file); err == nil {
			f.Add(data)
		}
	}
	for _, d := range []string{"lhs", "sobol", "morris", "grid"} {
		f.Add([]byte(toySweepFor(d)))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		c, err := ParseConfig("fuzz.toml", data)
		if err != nil {
			var es Errors
			if !errors.As(err, &es) || len(es) == 0 {
				t.Fatalf("error is not a non-empty Errors: %T %v", err, err)
			}
			return
		}
		n, err := c.Spec().PointCount()
		if err != nil {
			t.Fatalf("a parsed sweep has no point count: %v", err)
		}
		if n <= 10_000 {
			if _, err := sweep.New(c.Spec()); err != nil {
				t.Fatalf("a parsed sweep's design does not build: %v", err)
			}
		}
	})
}

func toySweepFor(design string) string {
	size := map[string]string{"lhs": "5", "sobol": "2", "morris": "2", "grid": "2"}[design]
	return "[sweep]\nname = \"toy\"\nextends = \"toy\"\ndesign = \"" + design + "\"\nsize = " + size + "\nreplicates = 2\n" +
		"[[sweep.param]]\nkey = \"attacks.rate\"\nrange = [1.0, 10.0]\n[[sweep.param]]\nkey = \"inert\"\nrange = [0.0, 1.0]\n" +
		"[[sweep.output]]\nname = \"a\"\nmetric = \"attacks\"\nfrom = \"2022-01\"\nto = \"2022-12\"\nstatistic = \"sum\"\n"
}

// FuzzShardReader feeds arbitrary bytes, as a shard file, to the Parquet
// reader that merge and run use: it must return rows or an error, never
// panic. The seed is a real shard.
func FuzzShardReader(f *testing.F) {
	dir := planToy(f, toyConfig(f, "lhs", 4, 2), 1)
	if _, err := RunShards(context.Background(), dir, toyLoader(0), RunOptions{Task: 0, Tasks: 1, Engine: "test"}); err != nil {
		f.Fatal(err)
	}
	good, err := os.ReadFile(ShardPath(dir, 0))
	if err != nil {
		f.Fatal(err)
	}
	man, err := ReadManifest(dir)
	if err != nil {
		f.Fatal(err)
	}
	t := man.table()
	f.Add(good)
	f.Add(good[:len(good)/2])
	f.Add([]byte("PAR1"))
	f.Fuzz(func(tt *testing.T, data []byte) {
		path := filepath.Join(tt.TempDir(), "shard.parquet")
		if err := os.WriteFile(path, data, 0o644); err != nil {
			tt.Fatal(err)
		}
		rf, err := openRows(path, t)
		if err != nil {
			return
		}
		defer rf.Close()
		_ = rf.meta(metaHash)
		var r row
		for i := 0; i < 10_000; i++ {
			if err := rf.Next(&r); err != nil {
				return
			}
		}
	})
}

// FuzzDesignCSV feeds arbitrary bytes, as design.csv, to the streaming
// design reader: it must call back with points in order or return an
// error, never panic.
func FuzzDesignCSV(f *testing.F) {
	f.Add([]byte("point,a,b\n0,1,2\n1,3,4\n2,5,6\n"))
	f.Add([]byte("point,a,b\n0,1\n"))
	f.Add([]byte("point,a,b\n1,1,2\n"))
	f.Add([]byte("\"point,a,b\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		dir := t.TempDir()
		if err := os.WriteFile(filepath.Join(dir, "design.csv"), data, 0o644); err != nil {
			t.Fatal(err)
		}
		next := 1
		err := readDesign(dir, []string{"a", "b"}, sweep.Range{First: 1, Count: 2}, func(id int, vals []float64) error {
			if id != next || len(vals) != 2 {
				t.Fatalf("point %d with %d values, want point %d with 2", id, len(vals), next)
			}
			next++
			return nil
		})
		if err == nil && next != 3 {
			t.Fatalf("no error, but %d points read", next-1)
		}
		if errors.Is(err, io.EOF) && !errors.Is(err, ErrSweepDir) {
			t.Fatalf("bare EOF: %v", err)
		}
	})
}
