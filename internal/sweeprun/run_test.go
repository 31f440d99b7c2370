package sweeprun

import (
	"bytes"
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

func runAll(t testing.TB, dir string, tasks int, load Loader) {
	t.Helper()
	for i := range tasks {
		if _, err := RunShards(context.Background(), dir, load, RunOptions{Task: i, Tasks: tasks, Workers: 2, Engine: "test"}); err != nil {
			t.Fatal(err)
		}
	}
}

func mergeCSV(t testing.TB, dir string) {
	t.Helper()
	if _, err := Merge(dir, MergeOptions{CSV: true}); err != nil {
		t.Fatal(err)
	}
}

func sameFiles(t *testing.T, a, b string) {
	t.Helper()
	for _, f := range []string{"results.parquet", "results.csv", "points.csv", "design.csv"} {
		if !bytes.Equal(readFile(t, filepath.Join(a, f)), readFile(t, filepath.Join(b, f))) {
			t.Errorf("%s differs between %s and %s", f, a, b)
		}
	}
}

func TestShardingDoesNotChangeResults(t *testing.T) {
	for _, design := range []string{"lhs", "sobol", "morris", "grid"} {
		t.Run(design, func(t *testing.T) {
			size := map[string]int{"lhs": 23, "sobol": 6, "morris": 5, "grid": 3}[design]
			c := toyConfig(t, design, size, 3)
			one := planToy(t, c, 1)
			runAll(t, one, 1, toyLoader(0))
			mergeCSV(t, one)

			four := planToy(t, c, 4)
			runAll(t, four, 4, toyLoader(0))
			mergeCSV(t, four)
			sameFiles(t, one, four)

			// Two array tasks running two shards each give the same too.
			two := planToy(t, c, 4)
			runAll(t, two, 2, toyLoader(0))
			mergeCSV(t, two)
			sameFiles(t, one, two)

			// The results are not all alike: the design and seeds matter.
			pts := strings.Split(strings.TrimSpace(string(readFile(t, filepath.Join(one, "points.csv")))), "\n")
			if len(pts) < 3 || pts[1][strings.Index(pts[1], ","):] == pts[2][strings.Index(pts[2], ","):] {
				t.Errorf("points look alike: %q", pts[:min(3, len(pts))])
			}
		})
	}
}

func TestRunSkipsCompleteShards(t *testing.T) {
	c := toyConfig(t, "lhs", 12, 2)
	dir := planToy(t, c, 3)
	runAll(t, dir, 3, toyLoader(0))
	st0, _ := os.Stat(ShardPath(dir, 1))
	rep, err := RunShards(context.Background(), dir, toyLoader(0), RunOptions{Task: 1, Tasks: 3, Engine: "test"})
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Skipped) != 1 || len(rep.Ran) != 0 {
		t.Errorf("second run of a complete shard: ran %v skipped %v", rep.Ran, rep.Skipped)
	}
	st1, _ := os.Stat(ShardPath(dir, 1))
	if !st0.ModTime().Equal(st1.ModTime()) {
		t.Error("complete shard rewritten")
	}
	// Another engine's shard is redone.
	rep, err = RunShards(context.Background(), dir, toyLoader(0), RunOptions{Task: 1, Tasks: 3, Engine: "test2"})
	if err != nil || len(rep.Ran) != 1 {
		t.Errorf("shard of another engine not redone: %v %v", rep, err)
	}
}

func TestMergeNamesMissingAndForeignShards(t *testing.T) {
	c := toyConfig(t, "lhs", 12, 2)
	dir := planToy(t, c, 4)
	runAll(t, dir, 4, toyLoader(0))
	os.Remove(ShardPath(dir, 2))
	// A shard of another sweep (another seed) in place of shard 3.
	c2 := toyConfig(t, "lhs", 12, 2)
	c2.Seed = 99
	other := planToy(t, c2, 4)
	runAll(t, other, 4, toyLoader(0))
	if err := os.WriteFile(ShardPath(dir, 3), readFile(t, ShardPath(other, 3)), 0o644); err != nil {
		t.Fatal(err)
	}
	// A truncated shard 1 (not written by insurgo, which renames whole files).
	b := readFile(t, ShardPath(dir, 1))
	os.WriteFile(ShardPath(dir, 1), b[:len(b)/2], 0o644)
	_, err := Merge(dir, MergeOptions{})
	if !errors.Is(err, ErrShards) {
		t.Fatalf("merge with bad shards: %v", err)
	}
	msg := err.Error()
	t.Log(msg)
	for _, want := range []string{"1 of 4 shards missing: 2", "shard 3 is foreign", "shard 1 is unreadable"} {
		if !strings.Contains(msg, want) {
			t.Errorf("merge error does not say %q", want)
		}
	}
	if _, err := os.Stat(ResultsPath(dir)); err == nil {
		t.Error("failed merge left results.parquet")
	}
	// Rerunning redoes the bad shards, and the merge succeeds.
	runAll(t, dir, 4, toyLoader(0))
	if _, err := Merge(dir, MergeOptions{}); err != nil {
		t.Fatal(err)
	}
}

// TestKillMidWrite kills a process running a shard while it writes, then
// reruns and checks the merge equals an undisturbed run.
func TestKillMidWrite(t *testing.T) {
	if testing.Short() {
		t.Skip("short")
	}
	c := toyConfig(t, "lhs", 40, 2)
	ref := planToy(t, c, 1)
	runAll(t, ref, 1, toyLoader(0))
	mergeCSV(t, ref)

	dir := planToy(t, c, 2)
	runAll(t, dir, 2, toyLoader(0)) // shard 1 whole; shard 0 will be killed
	os.Remove(ShardPath(dir, 0))
	cmd := exec.Command(os.Args[0], "-test.run=^TestHelperProcess$")
	cmd.Env = append(os.Environ(), "SWEEPRUN_HELPER=run", "SWEEPRUN_DIR="+dir, "SWEEPRUN_TASK=0/2", "SWEEPRUN_DELAY=2ms")
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	// Wait until the shard's temporary file exists, then kill.
	deadline := time.Now().Add(20 * time.Second)
	var tmp []string
	for time.Now().Before(deadline) {
		tmp, _ = filepath.Glob(filepath.Join(dir, "shards", ".shard-00000.parquet.tmp-*"))
		if len(tmp) > 0 {
			break
		}
		time.Sleep(2 * time.Millisecond)
	}
	time.Sleep(50 * time.Millisecond)
	cmd.Process.Signal(syscall.SIGKILL)
	err := cmd.Wait()
	if len(tmp) == 0 {
		t.Fatalf("the helper never started writing (exit: %v)", err)
	}
	if ws, ok := cmd.ProcessState.Sys().(syscall.WaitStatus); !ok || !ws.Signaled() {
		t.Fatalf("helper was not killed mid-run: %v", err)
	}
	if _, err := os.Stat(ShardPath(dir, 0)); err == nil {
		t.Fatal("a killed run left a shard file under its final name")
	}
	if _, err := Merge(dir, MergeOptions{}); err == nil || !strings.Contains(err.Error(), "missing: 0") {
		t.Fatalf("merge after the kill: %v, want shard 0 missing", err)
	}
	rep, err := RunShards(context.Background(), dir, toyLoader(0), RunOptions{Task: 0, Tasks: 1, Engine: "test"})
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Ran) != 1 || rep.Ran[0] != 0 || len(rep.Skipped) != 1 {
		t.Errorf("rerun ran %v skipped %v, want ran [0] skipped [1]", rep.Ran, rep.Skipped)
	}
	if left, _ := filepath.Glob(filepath.Join(dir, "shards", ".*tmp-*")); len(left) != 0 {
		t.Errorf("temporary files left after the rerun: %v", left)
	}
	mergeCSV(t, dir)
	sameFiles(t, ref, dir)
}

// TestHelperProcess runs a shard for TestKillMidWrite and the memory test.
func TestHelperProcess(t *testing.T) {
	if os.Getenv("SWEEPRUN_HELPER") == "" {
		t.Skip("helper process only")
	}
	dir := os.Getenv("SWEEPRUN_DIR")
	var task, tasks int
	if p := strings.Split(os.Getenv("SWEEPRUN_TASK"), "/"); len(p) == 2 {
		task, _ = strconv.Atoi(p[0])
		tasks, _ = strconv.Atoi(p[1])
	}
	delay, _ := time.ParseDuration(os.Getenv("SWEEPRUN_DELAY"))
	switch os.Getenv("SWEEPRUN_HELPER") {
	case "run":
		if _, err := RunShards(context.Background(), dir, toyLoader(delay), RunOptions{Task: task, Tasks: tasks, Workers: 2, Engine: "test"}); err != nil {
			t.Fatal(err)
		}
	case "merge":
		if _, err := Merge(dir, MergeOptions{CSV: true}); err != nil {
			t.Fatal(err)
		}
	}
}

func TestRunCancel(t *testing.T) {
	c := toyConfig(t, "lhs", 40, 2)
	dir := planToy(t, c, 1)
	ctx, cancel := context.WithCancel(context.Background())
	done := 0
	_, err := RunShards(ctx, dir, toyLoader(time.Millisecond), RunOptions{Task: 0, Tasks: 1, Engine: "test", Progress: func(d, n int) {
		done = d
		if d == 3 {
			cancel()
		}
	}})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("cancelled run: %v (done %d)", err, done)
	}
	if _, err := os.Stat(ShardPath(dir, 0)); err == nil {
		t.Error("cancelled run left a shard file")
	}
	if left, _ := filepath.Glob(filepath.Join(dir, "shards", ".*")); len(left) != 0 {
		t.Errorf("cancelled run left %v", left)
	}
}

func TestRunRejectsChangedBase(t *testing.T) {
	c := toyConfig(t, "lhs", 4, 1)
	dir := planToy(t, c, 1)
	changed := func(string) (Model, error) { return changedToy{}, nil }
	_, err := RunShards(context.Background(), dir, changed, RunOptions{Task: 0, Tasks: 1, Engine: "test"})
	if err == nil || !strings.Contains(err.Error(), "changed since the sweep was planned") {
		t.Fatalf("run against a changed base: %v", err)
	}
}

type changedToy struct{ toyModel }

func (changedToy) Hash() string { return "toy-model-v2" }
