package main

import (
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// noStaging fails if parent holds a staging directory left behind.
func noStaging(t *testing.T, parent string) {
	t.Helper()
	waitBackground(10 * time.Second)
	left, _ := filepath.Glob(filepath.Join(parent, ".*.tmp-*"))
	if len(left) > 0 {
		t.Errorf("staging directories left behind: %v", left)
	}
}

// Issue 11, defect 8: Ctrl-C while writing or plotting was ignored (exit
// 0 with every file). A run interrupted at each phase exits 130 and
// leaves no output directory.
func TestInterruptEveryPhase(t *testing.T) {
	for _, phase := range []string{"ran", "plot"} {
		t.Run(phase, func(t *testing.T) {
			parent := t.TempDir()
			out := filepath.Join(parent, "out")
			ctx, cancel := context.WithCancelCause(context.Background())
			defer cancel(nil)
			phaseHook = func(p string) {
				if p == phase {
					// As signal.NotifyContext cancels: a cause that is
					// not context.Canceled.
					cancel(errors.New("interrupt signal received"))
				}
			}
			defer func() { phaseHook = func(string) {} }()
			code, _, stderr := insurgo(t, ctx, "run", "-replicates", "4", "-workers", "2", "-out", out)
			if code != exitInterrupted {
				t.Fatalf("exit %d, want %d; stderr:\n%s", code, exitInterrupted, stderr)
			}
			if _, err := os.Stat(out); !os.IsNotExist(err) {
				t.Errorf("an interrupted run left %s", out)
			}
			noStaging(t, parent)
		})
	}
}

// Issue 11, defect 6: a -per-replicate run then a -force run without it
// left replicates.csv and events.csv beside the second run's summary.
func TestForceReplacesWholeOutput(t *testing.T) {
	parent := t.TempDir()
	out := filepath.Join(parent, "out")
	if code, _, stderr := insurgo(t, context.Background(), "run", "-replicates", "3", "-per-replicate", "-no-plots", "-out", out); code != 0 {
		t.Fatalf("first run: exit %d\n%s", code, stderr)
	}
	if _, err := os.Stat(filepath.Join(out, "events.csv")); err != nil {
		t.Fatal(err)
	}
	// A symlinked plots/ pointing elsewhere must not be written through.
	elsewhere := filepath.Join(parent, "elsewhere")
	if err := os.Mkdir(elsewhere, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(elsewhere, filepath.Join(out, "plots")); err != nil {
		t.Fatal(err)
	}
	if code, _, stderr := insurgo(t, context.Background(), "run", "-replicates", "3", "-force", "-format", "svg", "-out", out); code != 0 {
		t.Fatalf("second run: exit %d\n%s", code, stderr)
	}
	for _, f := range []string{"replicates.csv", "events.csv"} {
		if _, err := os.Stat(filepath.Join(out, f)); !os.IsNotExist(err) {
			t.Errorf("%s of the first run left beside the second's outputs", f)
		}
	}
	if fi, err := os.Lstat(filepath.Join(out, "plots")); err != nil || !fi.IsDir() {
		t.Errorf("plots is not a real directory after -force: %v", err)
	}
	if ents, _ := os.ReadDir(elsewhere); len(ents) != 0 {
		t.Errorf("figures written through a symbolic link into %s", elsewhere)
	}
	noStaging(t, parent)
	// -force does not wipe a directory that is not an insurgo output.
	mine := filepath.Join(parent, "mine")
	os.Mkdir(mine, 0o755)
	os.WriteFile(filepath.Join(mine, "thesis.tex"), []byte("x"), 0o644)
	if code, _, stderr := insurgo(t, context.Background(), "run", "-replicates", "2", "-force", "-out", mine); code != exitUsage || !strings.Contains(stderr, "not an insurgo output") {
		t.Errorf("-force on a foreign directory: exit %d\n%s", code, stderr)
	}
	if _, err := os.Stat(filepath.Join(mine, "thesis.tex")); err != nil {
		t.Errorf("-force removed a foreign file: %v", err)
	}
}

// Issue 11, defects 7 and 11: an unwritable -out was found only after the
// batch; -out "" and -out FILE exited 1.
func TestOutputCheckedBeforeBatch(t *testing.T) {
	parent := t.TempDir()
	file := filepath.Join(parent, "file")
	os.WriteFile(file, nil, 0o644)
	ro := filepath.Join(parent, "ro")
	os.Mkdir(ro, 0o555)
	cases := [][]string{
		{"-out", ""},
		{"-out", file},
		{"-out", filepath.Join(file, "sub")},
	}
	if os.Geteuid() != 0 { // root writes anywhere
		cases = append(cases, []string{"-out", filepath.Join(ro, "out")})
	}
	for _, c := range cases {
		start := time.Now()
		args := append([]string{"run", "-replicates", "100000", "-workers", "1"}, c...)
		code, _, stderr := insurgo(t, context.Background(), args...)
		if code != exitUsage {
			t.Errorf("%q: exit %d, want 2\n%s", c, code, stderr)
		}
		if el := time.Since(start); el > 5*time.Second {
			t.Errorf("%q: refused after %s: the batch ran first", c, el)
		}
	}
}

// Issue 11, defects 2 and 3: a batch far above the work limit is refused
// before it starts, unless -large.
func TestWorkEstimateRefusesHugeBatch(t *testing.T) {
	code, _, stderr := insurgo(t, context.Background(), "run", "-replicates", "9000000", "-out", filepath.Join(t.TempDir(), "o"))
	if code != exitUsage || !strings.Contains(stderr, "-large") {
		t.Fatalf("exit %d, want 2 naming -large:\n%s", code, stderr)
	}
	code, _, stderr = insurgo(t, context.Background(), "run", "-replicates", "20000000", "-out", filepath.Join(t.TempDir(), "o"))
	if code != exitUsage || !strings.Contains(stderr, "-replicates must be <=") {
		t.Fatalf("exit %d, want the replicate bound:\n%s", code, stderr)
	}
}

// Issue 11, defect 2: SIGTERM and SIGINT stop a running batch within a
// second, with exit 130 and nothing left.
func TestSignalsStopBatch(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary")
	}
	work := t.TempDir()
	bin := filepath.Join(work, "insurgo")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	for _, sig := range []syscall.Signal{syscall.SIGTERM, syscall.SIGINT} {
		out := filepath.Join(work, "out-"+sig.String())
		cmd := exec.Command(bin, "run", "-replicates", "1000000", "-workers", "2", "-out", out)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(1500 * time.Millisecond)
		sent := time.Now()
		cmd.Process.Signal(sig)
		err := cmd.Wait()
		el := time.Since(sent)
		var ee *exec.ExitError
		if !errors.As(err, &ee) || ee.ExitCode() != exitInterrupted {
			t.Errorf("%v: %v, want exit 130", sig, err)
		}
		if el > time.Second {
			t.Errorf("%v: stopped after %s, want within a second", sig, el)
		}
		if _, err := os.Stat(out); !os.IsNotExist(err) {
			t.Errorf("%v: left %s", sig, out)
		}
		noStaging(t, work)
	}
}

// Issue 11, defect 11: usage errors that exited 1, "sweep: sweep:"
// stutter, extends reading any path and echoing its content.
func TestSmallerDefects(t *testing.T) {
	dir := t.TempDir()
	sweepFile := filepath.Join(dir, "s.toml")
	os.WriteFile(sweepFile, []byte("[sweep]\nextends = \"historical\"\ndesign = \"nosuch\"\nsize = 2\n[[sweep.param]]\nkey = \"attacks.rate\"\nrange = [0.1, 0.2]\n[[sweep.output]]\nname = \"a\"\nmetric = \"attacks\"\nfrom = \"2022-01\"\nto = \"2022-12\"\nstatistic = \"sum\"\n"), 0o644)
	secret := filepath.Join(t.TempDir(), "secret.toml")
	os.WriteFile(secret, []byte("password = hunter2\n"), 0o644)
	outside := filepath.Join(dir, "outside.toml")
	os.WriteFile(outside, []byte("extends = \""+secret+"\"\n"), 0o644)
	inside := filepath.Join(dir, "inside.toml")
	os.WriteFile(inside, []byte("extends = \"sub/secret.toml\"\n"), 0o644)
	os.Mkdir(filepath.Join(dir, "sub"), 0o755)
	os.WriteFile(filepath.Join(dir, "sub", "secret.toml"), []byte("password = hunter2\n"), 0o644)
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"run", "-out", ""}, "-out"},
		{[]string{"run", "-out", sweepFile}, "not a directory"},
		{[]string{"sweep", "run", sweepFile}, "is a file, not a sweep directory"},
		{[]string{"sweep", "merge", sweepFile}, "is a file, not a sweep directory"},
		{[]string{"sweep", "plan", sweepFile, "-out", filepath.Join(dir, "p")}, "sweep.design"},
		{[]string{"validate", outside}, "is outside"},
		{[]string{"validate", inside}, "not valid TOML"},
		{[]string{"validate", "-extends-anywhere", outside}, "not valid TOML"},
	} {
		code, _, stderr := insurgo(t, context.Background(), c.args...)
		if code != exitUsage || !strings.Contains(stderr, c.want) {
			t.Errorf("%q: exit %d, want 2 with %q:\n%s", c.args, code, c.want, stderr)
		}
		for _, bad := range []string{"sweep: sweep:", "sweeprun:", "hunter2"} {
			if strings.Contains(stderr, bad) {
				t.Errorf("%q: message holds %q:\n%s", c.args, bad, stderr)
			}
		}
	}
}

// Issue 11, defect 11: a full disk with plots on left 2 of 13 figures
// beside a complete summary.json. A write that fails while plotting (here
// the figures' directory cannot be made, as on a full disk) fails the run
// and leaves no output directory at all.
func TestFailedWriteLeavesNothing(t *testing.T) {
	parent := t.TempDir()
	out := filepath.Join(parent, "out")
	phaseHook = func(p string) {
		if p != "plot" {
			return
		}
		stages, _ := filepath.Glob(filepath.Join(parent, ".out.tmp-*"))
		for _, s := range stages {
			os.WriteFile(filepath.Join(s, "plots"), []byte("in the way"), 0o644)
		}
	}
	defer func() { phaseHook = func(string) {} }()
	code, _, stderr := insurgo(t, context.Background(), "run", "-replicates", "3", "-out", out)
	if code != exitFailure {
		t.Fatalf("exit %d, want 1; stderr:\n%s", code, stderr)
	}
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Errorf("a failed run left %s", out)
	}
	noStaging(t, parent)
}

// Issue 14: "-tasks after DIR fails". Flags of sweep subcommands may come
// before or after the positional argument.
func TestSweepFlagsAnyPosition(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "s")
	if code, _, stderr := insurgo(t, context.Background(), "sweep", "plan", "-shards", "3", "../../examples/sweeps/historical-grid.toml", "-out", dir); code != 0 {
		t.Fatalf("plan: exit %d\n%s", code, stderr)
	}
	for _, args := range [][]string{
		{"sweep", "slurm", dir, "-tasks", "2", "-time", "1:00:00", "-bin", "/bin/true"},
		{"sweep", "slurm", "-tasks", "2", dir, "-mem", "2G", "-bin", "/bin/true"},
		{"sweep", "slurm", "-max-running", "1", "-sbatch", "--qos=normal", dir, "-bin", "/bin/true"},
		{"sweep", "status", dir},
	} {
		if code, _, stderr := insurgo(t, context.Background(), args...); code != 0 {
			t.Errorf("%q: exit %d\n%s", args, code, stderr)
		}
	}
	b, err := os.ReadFile(filepath.Join(dir, "slurm", "array.sbatch"))
	if err != nil || !strings.Contains(string(b), "#SBATCH --array=0-2%1\n") || !strings.Contains(string(b), "#SBATCH --qos=normal\n") {
		t.Errorf("array.sbatch:\n%s", b)
	}
	code, _, stderr := insurgo(t, context.Background(), "sweep", "slurm", dir, "-time", "90min")
	if code != exitUsage || !strings.Contains(stderr, `time "90min"`) {
		t.Errorf("-time 90min: exit %d\n%s", code, stderr)
	}
}
