package sweeprun

import (
	"context"
	"os"
	"path/filepath"
	"testing"
)

func TestStatus(t *testing.T) {
	c := toyConfig(t, "lhs", 8, 1)
	dir := planToy(t, c, 4)
	if _, err := RunShards(context.Background(), dir, toyLoader(0), RunOptions{Task: 0, Tasks: 4, Engine: "test"}); err != nil {
		t.Fatal(err)
	}
	l, err := acquireLock(lockPath(ShardPath(dir, 1))) // a live runner on shard 1
	if err != nil {
		t.Fatal(err)
	}
	defer l.release()
	// A stopped runner's temporary file on shard 2.
	os.WriteFile(filepath.Join(dir, "shards", ".shard-00002.parquet.tmp-9"), []byte("x"), 0o644)
	st, err := ReadStatus(dir, "test")
	if err != nil {
		t.Fatal(err)
	}
	want := []string{ShardDone, ShardRunning, ShardPartial, ShardMissing}
	for i, s := range want {
		if st.Shards[i] != s {
			t.Errorf("shard %d: %s, want %s", i, st.Shards[i], s)
		}
	}
	if st.Done != 1 || st.Running != 1 || st.Partial != 1 || st.Missing != 1 || st.PointsDone != 2 || st.PointsLeft != 6 {
		t.Errorf("status %+v", st)
	}
	if st.PointsPerSecond <= 0 || st.Left <= 0 {
		t.Errorf("no rate or time left from the completed shard: %+v", st)
	}
	if got := st.Indices(ShardMissing); got != "3" {
		t.Errorf("missing %q", got)
	}
	// Another engine version would redo shard 0: partial.
	st, _ = ReadStatus(dir, "other")
	if st.Shards[0] != ShardPartial {
		t.Errorf("shard of another engine: %s", st.Shards[0])
	}
}
