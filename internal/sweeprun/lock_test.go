package sweeprun

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"
)

// Issue 11, defect 5: two "sweep run" on one shard: the second deleted
// the first's live temporary file and the first failed. With shard locks
// both runners succeed, no shard is run twice at once, and the merged
// results are those of one runner alone.
func TestConcurrentRunnersShareShards(t *testing.T) {
	c := toyConfig(t, "lhs", 8, 2)
	ref := planToy(t, c, 4)
	runAll(t, ref, 1, toyLoader(0))
	mergeCSV(t, ref)

	dir := planToy(t, c, 4)
	var wg sync.WaitGroup
	reps := make([]*RunReport, 2)
	errs := make([]error, 2)
	for i := range 2 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			reps[i], errs[i] = RunShards(context.Background(), dir, toyLoader(2*time.Millisecond), RunOptions{Task: 0, Tasks: 1, Workers: 1, Engine: "test"})
		}()
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			t.Fatalf("runner %d: %v", i, err)
		}
	}
	// Anything a runner left busy (the other was running it) is complete
	// now; a third run finds every shard complete.
	rep, err := RunShards(context.Background(), dir, toyLoader(0), RunOptions{Task: 0, Tasks: 1, Engine: "test"})
	if err != nil || len(rep.Ran) != 0 || len(rep.Skipped) != 4 {
		t.Fatalf("third run: %+v, %v; runners: %+v %+v", rep, err, reps[0], reps[1])
	}
	if len(reps[0].Busy)+len(reps[1].Busy) == 0 && len(reps[0].Ran)+len(reps[1].Ran) > 4 {
		t.Errorf("shards run twice: %+v %+v", reps[0], reps[1])
	}
	mergeCSV(t, dir)
	sameFiles(t, ref, dir)
	locks, _ := filepath.Glob(filepath.Join(dir, "shards", "*.lock*"))
	if len(locks) > 0 {
		t.Errorf("locks left behind: %v", locks)
	}
}

func TestShardLockStaleAndLive(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "shard-00000.lock")
	host, _ := os.Hostname()

	// A live holder (this very test process, another runner's lock).
	l, err := acquireLock(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := acquireLock(path); !errors.Is(err, errLocked) {
		t.Errorf("second lock on a live one: %v", err)
	}
	l.release()
	if _, err := os.Stat(path); !os.IsNotExist(err) {
		t.Errorf("release left the lock")
	}

	// A dead process of this host: stale at once.
	os.WriteFile(path, []byte(host+" 999999999 1\n"), 0o644)
	l, err = acquireLock(path)
	if err != nil {
		t.Fatalf("dead holder's lock not taken over: %v", err)
	}
	l.release()

	// Another host, refreshed recently: live; not refreshed for longer
	// than lockStaleAfter: stale.
	os.WriteFile(path, []byte("other-node 1 1\n"), 0o644)
	if _, err := acquireLock(path); !errors.Is(err, errLocked) {
		t.Errorf("fresh lock of another host taken: %v", err)
	}
	old := time.Now().Add(-2 * lockStaleAfter)
	os.Chtimes(path, old, old)
	l, err = acquireLock(path)
	if err != nil {
		t.Fatalf("stale lock of another host not taken over: %v", err)
	}
	b, _ := os.ReadFile(path)
	if !bytes.HasPrefix(b, []byte(host+" ")) {
		t.Errorf("lock holds %q after the take-over", b)
	}
	l.release()
	if left, _ := filepath.Glob(filepath.Join(dir, "*")); len(left) != 0 {
		t.Errorf("left %v", left)
	}
}

// A heartbeat keeps a long-held lock fresh.
func TestShardLockHeartbeat(t *testing.T) {
	defer func(h time.Duration) { lockHeartbeat = h }(lockHeartbeat)
	lockHeartbeat = 10 * time.Millisecond
	path := filepath.Join(t.TempDir(), "s.lock")
	l, err := acquireLock(path)
	if err != nil {
		t.Fatal(err)
	}
	old := time.Now().Add(-time.Hour)
	os.Chtimes(path, old, old)
	time.Sleep(100 * time.Millisecond)
	fi, _ := os.Stat(path)
	if time.Since(fi.ModTime()) > time.Minute {
		t.Errorf("heartbeat did not refresh the lock")
	}
	l.release()
}
