package sweeprun

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// Issue 11, defect 1: a newline in [sweep] name became a command line of
// the generated scripts. The name is now refused when the file is read.
func TestSweepNameRefused(t *testing.T) {
	for _, name := range []string{"demo\ntouch X\n#", "a b", "$(touch X)", "`id`", "x;y", "-rf", "", strings.Repeat("a", MaxNameLen+1), "a'b", "a\"b"} {
		src := strings.Replace(fmt.Sprintf(toySweep, "lhs", 4, 1), `name = "toy"`, fmt.Sprintf("name = %q", name), 1)
		_, err := ParseConfig("toy.toml", []byte(src))
		if err == nil || !strings.Contains(err.Error(), "sweep.name") {
			t.Errorf("name %q: err = %v, want a sweep.name error", name, err)
		}
	}
	// A name derived from a hostile file name is made safe.
	src := strings.Replace(fmt.Sprintf(toySweep, "lhs", 4, 1), `name = "toy"`, "", 1)
	c, err := ParseConfig("/tmp/$(touch X) `id`\n.toml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if !ValidName(c.Name) {
		t.Errorf("derived name %q is not valid", c.Name)
	}
}

// Issue 11, defect 1: a sweep directory whose path holds $(...), backticks,
// quotes or spaces ran commands in submit.sh. Every script must pass
// bash -n, and running submit.sh against a stub sbatch must run nothing
// but sbatch.
func TestSlurmScriptsHostilePaths(t *testing.T) {
	if _, err := exec.LookPath("bash"); err != nil {
		t.Skip("no bash")
	}
	root := t.TempDir()
	canary := filepath.Join(root, "PWNED")
	hostile := []string{
		"a b",
		"$(touch " + canary + ")",
		"`touch " + canary + "`",
		"it's",
		"semi;touch " + canary,
		"new\nline", // refused: an #SBATCH line cannot carry it
		"dq\"x",     // refused
		"pct%A",     // refused: a Slurm file-name pattern
	}
	c := toyConfig(t, "lhs", 4, 1)
	stub := filepath.Join(root, "bin")
	if err := os.MkdirAll(stub, 0o755); err != nil {
		t.Fatal(err)
	}
	argsLog := filepath.Join(root, "sbatch-args")
	if err := os.WriteFile(filepath.Join(stub, "sbatch"), []byte("#!/bin/sh\nprintf '%s\\n' \"$@\" >> \""+argsLog+"\"\necho 4242\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	bin := filepath.Join(root, "bin dir $(touch "+canary+")", "insurgo`touch "+canary+"`")
	wrote := 0
	for _, h := range hostile {
		dir := filepath.Join(root, h, "sweep")
		if _, err := Plan(c, toyLoader(0), PlanOptions{Dir: dir, Shards: 2, Engine: "test"}); err != nil {
			t.Fatal(err)
		}
		s, err := WriteSlurm(dir, SlurmOptions{Binary: bin, Time: "1:00:00", Mem: "2G", Throttle: 1, Extra: []string{"--qos=normal"}})
		if strings.ContainsAny(h, "\n\"%") {
			if err == nil || !errors.Is(err, ErrSweepDir) {
				t.Errorf("dir %q: err = %v, want a refusal", h, err)
			}
			continue
		}
		if err != nil {
			t.Fatalf("dir %q: %v", h, err)
		}
		wrote++
		for _, f := range []string{s.Array, s.Merge, s.Submit} {
			if out, err := exec.Command("bash", "-n", f).CombinedOutput(); err != nil {
				t.Errorf("bash -n %s: %v\n%s", f, err, out)
			}
			body := string(readFile(t, f))
			// #SBATCH lines come before any command, or sbatch ignores them.
			seenCmd := false
			for _, l := range strings.Split(body, "\n")[1:] {
				switch {
				case strings.HasPrefix(l, "#SBATCH"):
					if seenCmd {
						t.Errorf("%s: #SBATCH after a command: %q", f, l)
					}
				case l == "" || strings.HasPrefix(l, "#"):
				default:
					seenCmd = true
				}
			}
		}
		os.Remove(argsLog)
		cmd := exec.Command("bash", s.Submit)
		cmd.Env = append(os.Environ(), "PATH="+stub+":"+os.Getenv("PATH"))
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("submit.sh in %q: %v\n%s", h, err, out)
		}
		if !strings.Contains(string(out), "array job 4242") || !strings.Contains(string(out), filepath.Join(dir, "logs")) {
			t.Errorf("submit.sh in %q printed %q", h, out)
		}
		args := string(readFile(t, argsLog))
		if !strings.Contains(args, s.Array+"\n") || !strings.Contains(args, s.Merge+"\n") {
			t.Errorf("sbatch got %q, want the script paths intact", args)
		}
		// Running the array script itself (as Slurm would) with a stub
		// insurgo must pass the paths intact and run nothing else.
	}
	if wrote != 5 {
		t.Errorf("wrote scripts for %d hostile directories, want 5", wrote)
	}
	if _, err := os.Stat(canary); err == nil {
		t.Fatal("a generated script ran an injected command")
	}
}

// The array script passes the array task count from the plan, so that a
// resubmitted subset of indices (sbatch --array=1) runs shard 1 of K,
// not "task 1 of 1" (issue 11, defect 10).
func TestSlurmArrayTaskCountFromPlan(t *testing.T) {
	root := t.TempDir()
	dir := filepath.Join(root, "sweep")
	c := toyConfig(t, "lhs", 4, 1)
	if _, err := Plan(c, toyLoader(0), PlanOptions{Dir: dir, Shards: 4, Engine: "test"}); err != nil {
		t.Fatal(err)
	}
	stubBin := filepath.Join(root, "insurgo")
	argsLog := filepath.Join(root, "args")
	if err := os.WriteFile(stubBin, []byte("#!/bin/sh\nprintf '%s\\n' \"$@\" > \""+argsLog+"\"\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	s, err := WriteSlurm(dir, SlurmOptions{Binary: stubBin, Tasks: 2})
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("bash", s.Array)
	// As Slurm sets them for "sbatch --array=1": one task, index 1.
	cmd.Env = append(os.Environ(), "SLURM_ARRAY_TASK_ID=1", "SLURM_ARRAY_TASK_COUNT=1", "SLURM_ARRAY_TASK_MIN=1", "SLURM_ARRAY_TASK_MAX=1")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("array.sbatch: %v\n%s", err, out)
	}
	got := strings.Fields(string(readFile(t, argsLog)))
	want := []string{"sweep", "run", dir, "-shard", "1/2", "-workers", "1"}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("array task ran insurgo %q, want %q", got, want)
	}
	if !strings.Contains(string(readFile(t, s.Array)), "#SBATCH --array=0-1\n") {
		t.Errorf("array line wrong:\n%s", readFile(t, s.Array))
	}
	// The shard it names runs with the plan's task count.
	if _, err := RunShards(context.Background(), dir, toyLoader(0), RunOptions{Task: 1, Tasks: 2, Engine: "test"}); err != nil {
		t.Fatal(err)
	}
}

func TestSlurmOptionsChecked(t *testing.T) {
	good := []string{"", "90", "90:30", "1:30:00", "2-12", "2-12:30", "2-12:30:15", "UNLIMITED"}
	for _, s := range good {
		if err := CheckSlurmTime(s); err != nil {
			t.Errorf("time %q: %v", s, err)
		}
	}
	for _, s := range []string{"90min", "1h", "1:60:00", "2-25", "1:2:3:4", "-5", "1 :00", "2-"} {
		if CheckSlurmTime(s) == nil {
			t.Errorf("time %q accepted", s)
		}
	}
	for _, s := range []string{"4G", "500M", "4000", "1T"} {
		if err := CheckSlurmMem(s); err != nil {
			t.Errorf("mem %q: %v", s, err)
		}
	}
	for _, s := range []string{"4 G", "4GB", "lots", "4G;id"} {
		if CheckSlurmMem(s) == nil {
			t.Errorf("mem %q accepted", s)
		}
	}
	for _, s := range []string{"--qos=long", "--exclusive", "--constraint=haswell", "--gres=gpu:1"} {
		if err := CheckSbatchOption(s); err != nil {
			t.Errorf("option %q: %v", s, err)
		}
	}
	for _, s := range []string{"--qos=a b", "-q long", "--array=1", "--output=x", "--x=$(id)", "--x=a\nb", "qos=long"} {
		if CheckSbatchOption(s) == nil {
			t.Errorf("option %q accepted", s)
		}
	}
}

// Issue 11, defect 9: a 4-point sweep accepted 1000 shards.
func TestPlanRefusesMoreShardsThanPoints(t *testing.T) {
	c := toyConfig(t, "lhs", 4, 1)
	_, err := Plan(c, toyLoader(0), PlanOptions{Dir: filepath.Join(t.TempDir(), "s"), Shards: 1000, Engine: "test"})
	if !errors.Is(err, ErrPlan) || !strings.Contains(err.Error(), "at most 4 shards") {
		t.Fatalf("err = %v, want at most 4 shards", err)
	}
	c = toyConfig(t, "sobol", 2, 1) // 2 blocks of 5 points
	_, err = Plan(c, toyLoader(0), PlanOptions{Dir: filepath.Join(t.TempDir(), "s"), Shards: 3, Engine: "test"})
	if !errors.Is(err, ErrPlan) || !strings.Contains(err.Error(), "at most 2 shards") {
		t.Fatalf("err = %v, want at most 2 shards", err)
	}
}
