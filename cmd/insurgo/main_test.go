package main

import (
	"bytes"
	"context"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// insurgo runs the command line in-process and returns its exit status,
// stdout and stderr.
func insurgo(t *testing.T, ctx context.Context, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := dispatch(ctx, args, &env{Stdout: &out, Stderr: &errb})
	return code, out.String(), errb.String()
}

func TestBadScenariosExitTwoAndWriteNothing(t *testing.T) {
	files, err := filepath.Glob("../../scenarios/testdata/bad/*.toml")
	if err != nil || len(files) < 15 {
		t.Fatalf("want at least 15 bad scenario files, found %d (%v)", len(files), err)
	}
	files = append(files, "../../scenarios/testdata/bad/no-such-file.toml")
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "out")
			code, stdout, stderr := insurgo(t, context.Background(), "run", f, "-replicates", "2", "-out", out)
			if code != exitUsage {
				t.Errorf("exit %d, want %d; stderr:\n%s", code, exitUsage, stderr)
			}
			base := strings.TrimSuffix(filepath.Base(f), ".toml")
			if !strings.Contains(stderr, base) && !strings.Contains(stderr, "cycle") {
				t.Errorf("message does not name the file %s:\n%s", base, stderr)
			}
			if stdout != "" {
				t.Errorf("printed results for a bad scenario:\n%s", stdout)
			}
			if _, err := os.Stat(out); !os.IsNotExist(err) {
				t.Errorf("output directory created for a bad scenario")
			}
			if code, _, stderr := insurgo(t, context.Background(), "validate", f); code != exitUsage || stderr == "" {
				t.Errorf("validate: exit %d, stderr %q", code, stderr)
			}
		})
	}
}

func TestUsageErrors(t *testing.T) {
	dir := t.TempDir()
	for _, args := range [][]string{
		{},
		{"frobnicate"},
		{"run", "-replicates", "0"},
		{"run", "-workers", "-1"},
		{"run", "-format", "gif"},
		{"run", "-nosuchflag"},
		{"run", "historical", "slowdown"},
		{"validate"},
		{"scenarios", "extra"},
	} {
		if code, _, stderr := insurgo(t, context.Background(), append(args, "-out", dir)...); code != exitUsage || stderr == "" {
			t.Errorf("insurgo %v: exit %d, stderr %q; want 2 and a message", args, code, stderr)
		}
	}
	for _, c := range commands {
		code, stdout, stderr := insurgo(t, context.Background(), c.name, "-h")
		if code != exitOK || !strings.Contains(stdout+stderr, "usage: insurgo "+c.name) {
			t.Errorf("insurgo %s -h: exit %d, help:\n%s%s", c.name, code, stdout, stderr)
		}
		if n := strings.Count(stdout+stderr, "usage: insurgo "+c.name); n != 1 {
			t.Errorf("insurgo %s -h printed its usage %d times", c.name, n)
		}
	}
	if code, stdout, _ := insurgo(t, context.Background(), "help"); code != exitOK || !strings.Contains(stdout, "scenarios") {
		t.Errorf("help: exit %d:\n%s", code, stdout)
	}
}

func TestScenariosListsShipped(t *testing.T) {
	code, stdout, _ := insurgo(t, context.Background(), "scenarios")
	for _, name := range []string{"historical (default)", "sustained-pressure", "lapsed-pressure", "regional-cooperation", "deplatforming", "slowdown", "degradation"} {
		if !strings.Contains(stdout, name) {
			t.Errorf("scenarios does not list %q:\n%s", name, stdout)
		}
	}
	if code != exitOK {
		t.Errorf("exit %d", code)
	}
}

// The same seed gives byte-identical summary.json whatever the number of
// workers; flags may come before or after the scenario.
func TestRunSameBytesAnyWorkers(t *testing.T) {
	var want []byte
	for _, w := range []string{"1", "2", "7"} {
		out := filepath.Join(t.TempDir(), "out")
		code, _, stderr := insurgo(t, context.Background(), "run", "-workers", w, "historical", "-replicates", "24", "-seed", "9", "-out", out, "-no-plots")
		if code != exitOK {
			t.Fatalf("workers %s: exit %d\n%s", w, code, stderr)
		}
		got, err := os.ReadFile(filepath.Join(out, "summary.json"))
		if err != nil {
			t.Fatal(err)
		}
		if want == nil {
			want = got
		} else if !bytes.Equal(got, want) {
			t.Errorf("workers %s: summary.json differs from 1 worker", w)
		}
	}
	out := filepath.Join(t.TempDir(), "out")
	if code, _, stderr := insurgo(t, context.Background(), "run", "-replicates", "24", "-seed", "10", "-out", out, "-no-plots"); code != exitOK {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	if other, _ := os.ReadFile(filepath.Join(out, "summary.json")); bytes.Equal(other, want) {
		t.Error("seeds 9 and 10 give the same summary.json")
	}
}

func TestRunWritesEverything(t *testing.T) {
	if testing.Short() {
		t.Skip("draws every figure")
	}
	out := filepath.Join(t.TempDir(), "out")
	code, stdout, stderr := insurgo(t, context.Background(), "run", "-replicates", "8", "-out", out, "-per-replicate")
	if code != exitOK {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	for _, want := range []string{"Targets", "covered", "Attacks per month by year", "2022"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("summary lacks %q:\n%s", want, stdout)
		}
	}
	for _, f := range []string{"summary.json", "monthly.csv", "manifest.json", "replicates.csv", "events.csv"} {
		if st, err := os.Stat(filepath.Join(out, f)); err != nil || st.Size() == 0 {
			t.Errorf("%s missing or empty (%v)", f, err)
		}
	}
	ev, _ := os.ReadFile(filepath.Join(out, "events.csv"))
	if !strings.HasPrefix(string(ev), "replicate,date,kind,type,region,casualties,deaths,wounded,suicide,claimed,killed,hit,fighters\n") || strings.Count(string(ev), "\n") < 10 {
		t.Errorf("events.csv looks wrong: %.200s", ev)
	}
	pngs, _ := filepath.Glob(filepath.Join(out, "plots", "*.png"))
	if len(pngs) < 7 {
		t.Errorf("%d figures written, want the default set (>= 7)", len(pngs))
	}
	for _, p := range pngs {
		f, err := os.Open(p)
		if err != nil {
			t.Fatal(err)
		}
		cfg, err := png.DecodeConfig(f)
		f.Close()
		// 16 × 9 cm at 300 dpi.
		if err != nil || cfg.Width != 1890 || cfg.Height != 1063 {
			t.Errorf("%s: %dx%d (%v), want a 1890x1063 PNG", filepath.Base(p), cfg.Width, cfg.Height, err)
		}
	}
	leftovers, _ := filepath.Glob(filepath.Join(out, ".*"))
	if len(leftovers) > 0 {
		t.Errorf("temporary files left: %v", leftovers)
	}
	// A second run into the same directory is refused without -force.
	if code, _, stderr := insurgo(t, context.Background(), "run", "-replicates", "2", "-out", out); code != exitUsage || !strings.Contains(stderr, "-force") {
		t.Errorf("non-empty out: exit %d, %q", code, stderr)
	}
	if code, _, stderr := insurgo(t, context.Background(), "run", "-replicates", "2", "-out", out, "-force", "-no-plots"); code != exitOK {
		t.Errorf("-force: exit %d, %q", code, stderr)
	}
}

func TestRunInterruptedLeavesNoOutput(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	out := filepath.Join(t.TempDir(), "out")
	code, _, stderr := insurgo(t, ctx, "run", "-replicates", "100000", "-out", out, "-per-replicate")
	if code != exitInterrupted {
		t.Errorf("exit %d, want 130; %s", code, stderr)
	}
	ents, _ := os.ReadDir(out)
	if len(ents) > 0 {
		t.Errorf("interrupted run left %d files in %s", len(ents), out)
	}
}
