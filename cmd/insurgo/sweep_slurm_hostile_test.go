package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// TestSweepSlurmHostileDir runs a sweep planned into a directory named
// with a space, a quote and "$(touch CANARY)" as a real Slurm array (issue
// 11, defect 1), then deletes one shard and resubmits that array index
// alone with sbatch --array=1 (defect 10: it answered "task 1 of 1").
// Like TestSweepSlurm it skips without Slurm unless
// INSURGO_SLURM_TEST=require.
func TestSweepSlurmHostileDir(t *testing.T) {
	if ok, why := slurmUp(); !ok {
		if os.Getenv("INSURGO_SLURM_TEST") == "require" {
			t.Fatalf("Slurm required but unavailable: %s", why)
		}
		t.Skipf("no Slurm: %s; to run this test, %s", why, slurmHow)
	}
	if testing.Short() && os.Getenv("INSURGO_SLURM_TEST") != "require" {
		t.Skip("short; " + slurmHow)
	}
	work := t.TempDir()
	canary := filepath.Join(work, "CANARY")
	bin := filepath.Join(work, "insurgo")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	dir := filepath.Join(work, "a b $(touch "+canary+") it's", "s")
	run := func(name string, args ...string) string {
		t.Helper()
		cmd := exec.Command(name, args...)
		cmd.Env = withoutSlurmEnv(os.Environ())
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, out)
		}
		return string(out)
	}
	wait := func(ids ...string) {
		t.Helper()
		deadline := time.Now().Add(3 * time.Minute)
		for {
			q, _ := exec.Command("squeue", "-h", "-j", strings.Join(ids, ",")).Output()
			if len(bytes.TrimSpace(q)) == 0 {
				return
			}
			if time.Now().After(deadline) {
				exec.Command("scancel", ids...).Run()
				t.Fatalf("jobs still queued after 3 minutes:\n%s", q)
			}
			time.Sleep(200 * time.Millisecond)
		}
	}
	run(bin, "sweep", "plan", "../../examples/sweeps/historical-grid.toml", "-shards", "3", "-out", dir)
	run(bin, "sweep", "slurm", dir, "-time", "10:00", "-max-running", "2", "-mem", "1G")
	sub := run("bash", filepath.Join(dir, "slurm", "submit.sh"))
	m := regexp.MustCompile(`array job (\d+) .*merge job (\d+)`).FindStringSubmatch(sub)
	if m == nil {
		t.Fatalf("submit.sh output has no job ids:\n%s", sub)
	}
	wait(m[1], m[2])
	if _, err := os.Stat(filepath.Join(dir, "results.parquet")); err != nil {
		logs, _ := filepath.Glob(filepath.Join(dir, "logs", "*"))
		t.Fatalf("no merged results (%v); logs: %v", err, logs)
	}
	// Resubmit index 1 alone after losing its shard.
	shard := filepath.Join(dir, "shards", "shard-00001.parquet")
	if err := os.Remove(shard); err != nil {
		t.Fatal(err)
	}
	out := run("sbatch", "--parsable", "--array=1", filepath.Join(dir, "slurm", "array.sbatch"))
	job := strings.TrimSpace(strings.Split(out, ";")[0])
	wait(job)
	if _, err := os.Stat(shard); err != nil {
		logs, _ := filepath.Glob(filepath.Join(dir, "logs", "shard-"+job+"_*"))
		var b strings.Builder
		for _, l := range logs {
			c, _ := os.ReadFile(l)
			b.Write(c)
		}
		t.Fatalf("resubmitted index 1 did not redo shard 1: %v\n%s", err, b.String())
	}
	if _, err := os.Stat(canary); err == nil {
		t.Fatal("a generated script ran the command in the directory's name")
	}
}
