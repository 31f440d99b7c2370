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

// slurmHow says how to run TestSweepSlurm.
const slurmHow = "start a local single-node Slurm (Debian, as root) with 'bash scripts/slurm-start.sh', then run 'go test ./cmd/insurgo -run TestSweepSlurm -v'"

// slurmUp reports whether a Slurm controller answers, and why not.
func slurmUp() (bool, string) {
	for _, c := range []string{"sbatch", "squeue", "scontrol"} {
		if _, err := exec.LookPath(c); err != nil {
			return false, c + " not found on PATH"
		}
	}
	out, err := exec.Command("scontrol", "ping").CombinedOutput()
	if err != nil || !strings.Contains(string(out), "is UP") {
		return false, "the Slurm controller does not answer (scontrol ping: " + strings.TrimSpace(string(out)) + ")"
	}
	return true, ""
}

// TestSweepSlurm runs a sweep of the historical scenario as a real Slurm
// job array with an afterok merge job, and checks its merged output is
// byte for byte that of the same sweep run in one process. It skips when
// no Slurm is reachable, unless INSURGO_SLURM_TEST=require (set by
// .ci/run after starting Slurm), in which case it fails.
func TestSweepSlurm(t *testing.T) {
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
	bin := filepath.Join(work, "insurgo")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	sweepFile := filepath.Join(work, "slurm-test.toml")
	if err := os.WriteFile(sweepFile, []byte(`
[sweep]
name = "slurm-test"
extends = "historical"
design = "sobol"
size = 4
replicates = 2
seed = 11

[[sweep.param]]
key = "attacks.rate"
range = [0.02, 0.04]

[[sweep.param]]
key = "raids.kill_fraction"
range = [0.2, 0.5]

[[sweep.output]]
name = "af_attacks"
metric = "attacks"
scope = "country:afghanistan"
from = "2022-01"
to = "2023-12"
statistic = "sum"

[[sweep.output]]
name = "fighters_end"
metric = "fighters"
scope = "total"
from = "2023-12"
to = "2023-12"
statistic = "end_value"
`), 0o644); err != nil {
		t.Fatal(err)
	}
	run := func(args ...string) string {
		t.Helper()
		cmd := exec.Command(bin, args...)
		cmd.Env = withoutSlurmEnv(os.Environ())
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("insurgo %s: %v\n%s", strings.Join(args, " "), err, out)
		}
		return string(out)
	}
	// The reference: one process, one shard.
	local := filepath.Join(work, "local")
	run("sweep", "plan", sweepFile, "-shards", "1", "-out", local)
	run("sweep", "run", local)
	run("sweep", "merge", local)

	// The cluster: 4 shards in a 2-task array, then the merge job.
	cluster := filepath.Join(work, "cluster")
	run("sweep", "plan", sweepFile, "-shards", "4", "-out", cluster)
	out := run("sweep", "slurm", cluster, "-tasks", "2", "-time", "10:00")
	if !strings.Contains(out, "submit.sh") {
		t.Fatalf("sweep slurm did not say how to submit:\n%s", out)
	}
	sub := exec.Command("bash", filepath.Join(cluster, "slurm", "submit.sh"))
	sub.Env = withoutSlurmEnv(os.Environ())
	subOut, err := sub.CombinedOutput()
	if err != nil {
		t.Fatalf("submit.sh: %v\n%s", err, subOut)
	}
	m := regexp.MustCompile(`array job (\d+) .*merge job (\d+)`).FindStringSubmatch(string(subOut))
	if m == nil {
		t.Fatalf("submit.sh output has no job ids:\n%s", subOut)
	}
	array, merge := m[1], m[2]
	t.Logf("submitted array %s and merge %s", array, merge)
	deadline := time.Now().Add(5 * time.Minute)
	for {
		q, _ := exec.Command("squeue", "-h", "-j", array+","+merge).Output()
		if len(bytes.TrimSpace(q)) == 0 {
			break
		}
		if time.Now().After(deadline) {
			exec.Command("scancel", array, merge).Run()
			t.Fatalf("jobs still queued after 5 minutes:\n%s", q)
		}
		time.Sleep(200 * time.Millisecond)
	}
	state, _ := exec.Command("scontrol", "show", "job", merge).Output()
	if !strings.Contains(string(state), "JobState=COMPLETED") {
		logs, _ := filepath.Glob(filepath.Join(cluster, "logs", "*"))
		var b strings.Builder
		for _, l := range logs {
			c, _ := os.ReadFile(l)
			b.WriteString("--- " + l + "\n" + string(c))
		}
		t.Fatalf("merge job did not complete:\n%s\n%s", state, b.String())
	}
	for _, f := range []string{"results.parquet", "points.csv"} {
		a, err1 := os.ReadFile(filepath.Join(local, f))
		b, err2 := os.ReadFile(filepath.Join(cluster, f))
		if err1 != nil || err2 != nil {
			t.Fatalf("%s: %v %v", f, err1, err2)
		}
		if !bytes.Equal(a, b) {
			t.Errorf("%s from the Slurm array differs from the single-process run", f)
		}
	}
	if _, err := os.Stat(filepath.Join(cluster, "analysis", "sobol.csv")); err != nil {
		t.Errorf("the merge job did not analyse: %v", err)
	}
	shards, _ := filepath.Glob(filepath.Join(cluster, "shards", "shard-*.parquet"))
	if len(shards) != 4 {
		t.Errorf("%d shard files, want 4", len(shards))
	}
}

// withoutSlurmEnv drops SLURM_* variables, so that a test run inside a
// Slurm job does not mistake itself for an array task.
func withoutSlurmEnv(env []string) []string {
	var out []string
	for _, e := range env {
		if !strings.HasPrefix(e, "SLURM_") {
			out = append(out, e)
		}
	}
	return out
}
