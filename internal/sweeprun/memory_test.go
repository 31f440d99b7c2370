package sweeprun

import (
	"os"
	"os/exec"
	"syscall"
	"testing"
)

// maxRSS runs the helper process in mode on dir and returns its peak
// resident memory in KiB.
func maxRSS(t *testing.T, mode, dir string) int64 {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestHelperProcess$")
	cmd.Env = append(os.Environ(), "SWEEPRUN_HELPER="+mode, "SWEEPRUN_DIR="+dir, "SWEEPRUN_TASK=0/1")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("helper %s: %v\n%s", mode, err, out)
	}
	return cmd.ProcessState.SysUsage().(*syscall.Rusage).Maxrss
}

// TestMemoryFlat runs and merges a sweep and one ten times larger, each
// in a fresh process, and checks that the larger does not need much more
// memory: shards stream their rows to Parquet and the merge streams the
// shards, so peak memory does not grow with the sweep.
func TestMemoryFlat(t *testing.T) {
	if testing.Short() {
		t.Skip("short")
	}
	const points = 6000 // 24000 rows: already more than one Parquet row group
	rss := map[string][2]int64{}
	for i, n := range []int{points, 10 * points} {
		c := toyConfig(t, "lhs", n, 4)
		dir := planToy(t, c, 1)
		r := rss["run"]
		r[i] = maxRSS(t, "run", dir)
		rss["run"] = r
		m := rss["merge"]
		m[i] = maxRSS(t, "merge", dir)
		rss["merge"] = m
		st, _ := os.Stat(ResultsPath(dir))
		t.Logf("%d points × 4 replicates: run peak %d KiB, merge peak %d KiB, results.parquet %d KiB", n, rss["run"][i], rss["merge"][i], st.Size()/1024)
	}
	for _, step := range []string{"run", "merge"} {
		small, large := rss[step][0], rss[step][1]
		if float64(large) > 1.5*float64(small) {
			t.Errorf("%s: peak memory %d KiB for 10× the points against %d KiB: not flat", step, large, small)
		}
	}
}
