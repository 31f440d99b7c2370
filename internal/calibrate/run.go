package calibrate

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/insurgo/insurgo/internal/atomicfile"
	"github.com/insurgo/insurgo/sim/abc"
)

// Options set up a calibration run.
type Options struct {
	// Workers is the number of simulations run at once; the result does
	// not depend on it.
	Workers int
	// Version is the engine's version, recorded in summary.json.
	Version string
	// Args is the command line, recorded in manifest.json.
	Args []string
	// Figures draws the figures into plots/ in Format (png, svg or pdf).
	Figures bool
	Format  string
	// Progress, if set, is called after each generation is written.
	Progress func(p Progress)
	// StopAfter, if > 0, stops the run with ErrStopped once generation
	// StopAfter-1 is written, as a kill would: for tests of resume.
	StopAfter int
}

// Progress is what a progress line reports after a generation.
type Progress struct {
	Generation     abc.Generation
	MaxGenerations int
	Simulations    int // all generations so far
	Seconds        float64
}

// ErrStopped is returned when Options.StopAfter stopped a run.
var ErrStopped = errors.New("calibrate: stopped after the requested generation")

// Outcome is what a finished calibration produced.
type Outcome struct {
	Result  *abc.Result
	Summary *Summary
	Seconds float64 // wall time of this invocation
}

// Start starts the calibration c (bound as p) in dir: it copies the file,
// removes the generations of any earlier calibration in dir, and runs.
// dir must exist; the caller decides whether a non-empty one may be used.
func Start(ctx context.Context, dir string, c *Config, p *Problem, o Options) (*Outcome, error) {
	src := c.Source
	if abs, err := filepath.Abs(src); err == nil {
		src = abs
	}
	if err := clearGenerations(dir); err != nil {
		return nil, err
	}
	// An earlier calibration's outputs must not outlive its generations:
	// run -posterior would read a posterior this file did not make.
	for _, n := range []string{FilePosterior, FileParquet, FileGenerations, FileSummary, FileManifest, FileReport, DirPlots} {
		if err := os.RemoveAll(filepath.Join(dir, n)); err != nil {
			return nil, err
		}
	}
	if err := atomicfile.WriteBytes(filepath.Join(dir, FileCopy), c.Raw); err != nil {
		return nil, err
	}
	if err := atomicfile.WriteJSON(filepath.Join(dir, FileState), state{Source: src, FileHash: hashBytes(c.Raw)}); err != nil {
		return nil, err
	}
	return run(ctx, dir, p, nil, o)
}

// Resume continues the calibration in dir from its last whole
// generation; the final files equal those of an uninterrupted run. A
// finished calibration is finished again (its outputs rewritten).
func Resume(ctx context.Context, dir string, o Options) (*Outcome, error) {
	st, raw, err := readState(dir)
	if err != nil {
		return nil, err
	}
	c, err := ParseConfig(st.Source, raw)
	if err != nil {
		return nil, err
	}
	p, err := Bind(c)
	if err != nil {
		return nil, err
	}
	prev, err := readGenerations(dir)
	if err != nil {
		return nil, err
	}
	return run(ctx, dir, p, prev, o)
}

// ReadProblem reads and binds the calibration file kept in dir.
func ReadProblem(dir string) (*Problem, error) {
	st, raw, err := readState(dir)
	if err != nil {
		return nil, err
	}
	c, err := ParseConfig(st.Source, raw)
	if err != nil {
		return nil, err
	}
	return Bind(c)
}

// run runs ABC-SMC from prev, writing each generation whole as it
// completes, then the outputs.
func run(ctx context.Context, dir string, p *Problem, prev []abc.Generation, o Options) (*Outcome, error) {
	start := time.Now()
	last := time.Now()
	sims := 0
	for _, g := range prev {
		sims += g.Simulations
	}
	cfg := p.ABCConfig(o.Workers)
	tm := readTiming(dir, len(prev))
	onGen := func(g abc.Generation) error {
		if err := writeGeneration(dir, g); err != nil {
			return err
		}
		now := time.Now()
		sec := now.Sub(last).Seconds()
		last = now
		sims += g.Simulations
		tm.add(g, sec)
		if err := tm.write(dir, p, o); err != nil {
			return err
		}
		if o.Progress != nil {
			o.Progress(Progress{Generation: g, MaxGenerations: p.Config.MaxGenerations, Simulations: sims, Seconds: sec})
		}
		if o.StopAfter > 0 && g.Index+1 >= o.StopAfter {
			return ErrStopped
		}
		return nil
	}
	res, err := abc.Run(ctx, cfg, p.Simulator(), prev, onGen)
	if err != nil {
		return nil, err
	}
	s, err := writeOutputs(dir, p, res, o)
	if err != nil {
		return nil, err
	}
	return &Outcome{Result: res, Summary: s, Seconds: time.Since(start).Seconds()}, nil
}

// hashBytes returns the hex SHA-256 of b.
func hashBytes(b []byte) string {
	h := sha256.Sum256(b)
	return hex.EncodeToString(h[:])
}

// ReadOutcome reads a finished calibration back from dir: its summary
// and its generations (for reports of an existing directory).
func ReadOutcome(dir string) (*Outcome, error) {
	data, err := os.ReadFile(filepath.Join(dir, FileSummary))
	if err != nil {
		return nil, err
	}
	var s Summary
	if err := json.Unmarshal(data, &s); err != nil {
		return nil, fmt.Errorf("%s: %v", FileSummary, err)
	}
	gens, err := readGenerations(dir)
	if err != nil {
		return nil, err
	}
	return &Outcome{Result: &abc.Result{Generations: gens, Stop: s.Stop}, Summary: &s}, nil
}
