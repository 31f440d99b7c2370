package calibrate

import (
	"bytes"
	"context"
	"errors"
	"math"
	"os"
	"path/filepath"
	"testing"
)

// small is a calibration cheap enough for unit tests.
const small = `[calibrate]
extends = "historical"
population = 24
max_generations = 3
seed = 5
targets = ["af-attacks-sep-dec-2021", "kp-attacks-2022", "af-attacks-first-year"]

[[calibrate.param]]
key = "attacks.rate"
prior = "log_uniform"
range = [0.06, 0.5]

[[calibrate.param]]
key = "attacks.theatre_ceiling"
prior = "uniform"
range = [0.9, 3.0]
`

// deterministic are the files that must not depend on workers or resume.
var deterministic = []string{FilePosterior, FileParquet, FileGenerations, FileSummary, FileCopy,
	"generations/gen-000.json", "generations/gen-001.json", "generations/gen-002.json"}

func startSmall(t *testing.T, dir string, o Options) (*Outcome, error) {
	t.Helper()
	c, err := ParseConfig(filepath.Join(t.TempDir(), "small.toml"), []byte(small))
	if err != nil {
		t.Fatal(err)
	}
	p, err := Bind(c)
	if err != nil {
		t.Fatal(err)
	}
	return Start(context.Background(), dir, c, p, o)
}

func sameFiles(t *testing.T, a, b string, names []string) {
	t.Helper()
	for _, n := range names {
		x, err := os.ReadFile(filepath.Join(a, n))
		if err != nil {
			t.Fatal(err)
		}
		y, err := os.ReadFile(filepath.Join(b, n))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(x, y) {
			t.Errorf("%s differs between %s and %s", n, a, b)
		}
	}
}

// TestWorkersAndResume: the outputs are the same bytes for 1, 2 and 7
// workers, and a calibration stopped after its first generation and
// resumed ends with the same bytes as an uninterrupted one.
func TestWorkersAndResume(t *testing.T) {
	dirs := map[int]string{}
	for _, w := range []int{1, 2, 7} {
		dirs[w] = t.TempDir()
		out, err := startSmall(t, dirs[w], Options{Workers: w, Version: "test"})
		if err != nil {
			t.Fatal(err)
		}
		if w == 1 && len(out.Result.Generations) != 3 {
			t.Fatalf("%d generations, want 3 (stop %q)", len(out.Result.Generations), out.Result.Stop)
		}
	}
	sameFiles(t, dirs[1], dirs[2], deterministic)
	sameFiles(t, dirs[1], dirs[7], deterministic)

	stopped := t.TempDir()
	if _, err := startSmall(t, stopped, Options{Workers: 2, Version: "test", StopAfter: 1}); !errors.Is(err, ErrStopped) {
		t.Fatalf("stop after 1: %v", err)
	}
	for _, n := range []string{FileSummary, FilePosterior, "generations/gen-001.json"} {
		if _, err := os.Stat(filepath.Join(stopped, n)); err == nil {
			t.Errorf("%s written by a calibration stopped after generation 0", n)
		}
	}
	if _, err := Resume(context.Background(), stopped, Options{Workers: 1, Version: "test"}); err != nil {
		t.Fatal(err)
	}
	sameFiles(t, dirs[1], stopped, deterministic)

	// Starting afresh in a finished calibration's directory removes its
	// outputs: interrupted, it leaves no posterior the new file did not make.
	if _, err := startSmall(t, dirs[7], Options{Workers: 2, Version: "test", StopAfter: 1}); !errors.Is(err, ErrStopped) {
		t.Fatalf("restart: %v", err)
	}
	for _, n := range []string{FilePosterior, FileSummary, "generations/gen-001.json"} {
		if _, err := os.Stat(filepath.Join(dirs[7], n)); err == nil {
			t.Errorf("%s of the earlier calibration left after a fresh start", n)
		}
	}
}

// TestPosteriorReadBack: the posterior written by a calibration reads
// back with its hash; a replicate's particle depends on (seed, replicate)
// alone and follows the weights.
func TestPosteriorReadBack(t *testing.T) {
	dir := t.TempDir()
	out, err := startSmall(t, dir, Options{Workers: 2, Version: "test"})
	if err != nil {
		t.Fatal(err)
	}
	post, err := LoadPosteriorDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if post.Hash != out.Summary.PosteriorHash || len(post.Particles) != 24 || len(post.Keys) != 2 {
		t.Fatalf("hash %s (summary %s), %d particles, keys %v", post.Hash, out.Summary.PosteriorHash, len(post.Particles), post.Keys)
	}
	final := out.Result.Final()
	for j, pt := range post.Particles {
		if pt.Weight != final.Particles[j].Weight || pt.Theta[0] != final.Particles[j].Theta[0] {
			t.Fatalf("particle %d read back as %+v, written %+v", j, pt, final.Particles[j])
		}
	}
	// Draw 20000 replicates: each particle's share within 4 binomial
	// s.d. of its weight, and the draw repeatable.
	const n = 20000
	count := make([]int, len(post.Particles))
	for i := range n {
		j := post.Index(7, i)
		if j != post.Index(7, i) {
			t.Fatal("Index is not a function of (seed, replicate)")
		}
		count[j]++
	}
	for j, pt := range post.Particles {
		sd := math.Sqrt(n * pt.Weight * (1 - pt.Weight))
		if d := math.Abs(float64(count[j]) - n*pt.Weight); d > 4*sd+1 {
			t.Errorf("particle %d drawn %d times, expected %.0f ± %.0f", j, count[j], n*pt.Weight, sd)
		}
	}
	med := post.Median()
	if v := med["attacks.rate"].(float64); v != out.Summary.Params[0].Median {
		t.Errorf("median %v, summary %v", v, out.Summary.Params[0].Median)
	}
}
