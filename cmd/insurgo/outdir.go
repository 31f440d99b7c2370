package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/insurgo/insurgo/scenarios"
)

// checkFormat checks a figure format flag.
func checkFormat(f string) error {
	switch f {
	case "png", "svg", "pdf":
		return nil
	}
	return usageError("-format must be png, svg or pdf, got %q", f)
}

// outDir is a command's output directory, written whole or not at all:
// every file goes into a temporary sibling directory (stage), which
// replaces the final directory only when the command has succeeded
// (commit). A failed or interrupted command leaves the final directory
// as it was; -force replaces it as a whole, so no file of another run is
// left beside the new ones; symbolic links in it are never followed.
type outDir struct {
	final string // the directory as the user named it
	stage string // where the files are written until commit

	mu      sync.Mutex
	aborted bool
}

// openOutDir checks dir before any work is done and makes its staging
// directory, which proves the parent writable. It refuses (as usage
// errors) an empty name, a path that is a file, the working directory or
// one of its parents, and a non-empty directory unless force; with force,
// a non-empty directory must hold an earlier insurgo output (its
// manifest.json, compare.json or summary.json), so -force cannot wipe
// unrelated files.
func openOutDir(dir string, force bool) (*outDir, error) {
	if strings.TrimSpace(dir) == "" {
		return nil, usageError("-out: want a directory name, got %q", dir)
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, usageError("-out %s: %v", dir, err)
	}
	if wd, err := os.Getwd(); err == nil {
		if rel, err := filepath.Rel(abs, wd); err == nil && (rel == "." || !strings.HasPrefix(rel, "..")) {
			return nil, usageError("-out %s: the working directory or a parent of it; choose a subdirectory", dir)
		}
	}
	fi, err := os.Lstat(abs)
	switch {
	case errors.Is(err, os.ErrNotExist):
	case err != nil:
		return nil, usageError("-out %s: %v", dir, err)
	case fi.Mode()&os.ModeSymlink != 0:
		return nil, usageError("-out %s: a symbolic link; name the directory itself", dir)
	case !fi.IsDir():
		return nil, usageError("-out %s: not a directory", dir)
	default:
		ents, err := os.ReadDir(abs)
		if err != nil {
			return nil, usageError("-out %s: %v", dir, err)
		}
		if len(ents) > 0 && !force {
			return nil, usageError("output directory %s is not empty; use -force to replace it or -out to choose another", dir)
		}
		if len(ents) > 0 && !isOutput(abs) {
			return nil, usageError("output directory %s holds files that are not an insurgo output (no manifest.json, summary.json or compare.json); -force replaces only an earlier output; choose another -out", dir)
		}
	}
	parent := filepath.Dir(abs)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, usageError("-out %s: cannot create its parent: %v", dir, err)
	}
	stage, err := os.MkdirTemp(parent, "."+filepath.Base(abs)+".tmp-")
	if err != nil {
		return nil, usageError("-out %s: not writable: %v", dir, err)
	}
	probe := filepath.Join(stage, ".probe")
	if err := os.WriteFile(probe, nil, 0o644); err != nil {
		os.RemoveAll(stage)
		return nil, usageError("-out %s: not writable: %v", dir, err)
	}
	os.Remove(probe)
	return &outDir{final: abs, stage: stage}, nil
}

// isOutput reports whether dir holds an earlier insurgo output.
func isOutput(dir string) bool {
	for _, f := range []string{"manifest.json", "summary.json", "compare.json"} {
		if fi, err := os.Lstat(filepath.Join(dir, f)); err == nil && fi.Mode().IsRegular() {
			return true
		}
	}
	return false
}

// commit replaces the final directory with the staged one: the old
// directory, if any, is moved aside, the stage renamed into place, and
// the old one removed (os.RemoveAll removes links, never what they
// point to).
func (o *outDir) commit() error {
	old := ""
	if _, err := os.Lstat(o.final); err == nil {
		old = o.stage + ".old"
		if err := os.Rename(o.final, old); err != nil {
			return fmt.Errorf("cannot replace %s: %v", o.final, err)
		}
	}
	if err := os.Rename(o.stage, o.final); err != nil {
		if old != "" {
			os.Rename(old, o.final)
		}
		return fmt.Errorf("cannot move the output into %s: %v", o.final, err)
	}
	if old != "" {
		os.RemoveAll(old)
	}
	return nil
}

// abort removes the staging directory; after commit it does nothing.
func (o *outDir) abort() {
	o.mu.Lock()
	defer o.mu.Unlock()
	o.aborted = true
	os.RemoveAll(o.stage)
}

// cleanup removes the staging directory again if the command was
// aborted: a phase abandoned by interruptible may have written into it
// after abort.
func (o *outDir) cleanup() {
	o.mu.Lock()
	defer o.mu.Unlock()
	if o.aborted {
		os.RemoveAll(o.stage)
	}
}

// background counts the phases abandoned by interruptible that are still
// running; main waits a moment for them before exiting.
var background sync.WaitGroup

// waitBackground waits for abandoned phases to finish and clean up, for
// at most d.
func waitBackground(d time.Duration) {
	done := make(chan struct{})
	go func() { background.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(d):
	}
}

// interruptible runs fn and returns its error, or ctx's as soon as ctx
// is done. Phases that take no context, such as drawing figures, stop
// within a second this way: fn goes on in the background, writing into a
// staging directory, and then calls after (if not nil), which removes
// that directory if the command was aborted; main waits briefly for it.
func interruptible(ctx context.Context, fn func() error, after func()) error {
	if err := ctx.Err(); err != nil {
		return context.Cause(ctx)
	}
	done := make(chan error, 1)
	background.Add(1)
	go func() {
		defer background.Done()
		done <- fn()
		if after != nil {
			after()
		}
	}()
	select {
	case err := <-done:
		if err == nil && ctx.Err() != nil {
			return context.Cause(ctx)
		}
		return err
	case <-ctx.Done():
		return context.Cause(ctx)
	}
}

// loadScenarios loads each named scenario (a shipped name or a path),
// printing its warnings to warn; a scenario that does not load is a
// usage error (exit 2).
func loadScenarios(warn io.Writer, names ...string) ([]*scenarios.Scenario, error) {
	scs := make([]*scenarios.Scenario, len(names))
	for i, name := range names {
		var err error
		if scs[i], err = scenarios.Load(name); err != nil {
			return nil, asUsage(err)
		}
		printWarnings(warn, scs[i])
	}
	return scs, nil
}

// printWarnings writes a scenario's warnings, one per line.
func printWarnings(w io.Writer, sc *scenarios.Scenario) {
	for _, x := range sc.Warnings {
		fmt.Fprintf(w, "warning: %v\n", x)
	}
}

// prepareOutDir makes dir, refusing a non-empty one unless force. Commands
// that write several files use openOutDir instead, which stages them and
// replaces the directory whole; this remains for single-file outputs.
func prepareOutDir(dir string, force bool) error {
	if strings.TrimSpace(dir) == "" {
		return usageError("-out: want a directory name, got %q", dir)
	}
	fi, err := os.Lstat(dir)
	switch {
	case errors.Is(err, os.ErrNotExist):
		return os.MkdirAll(dir, 0o755)
	case err != nil:
		return usageError("-out %s: %v", dir, err)
	case fi.Mode()&os.ModeSymlink != 0:
		return usageError("-out %s: a symbolic link; name the directory itself", dir)
	case !fi.IsDir():
		return usageError("-out %s: not a directory", dir)
	}
	ents, err := os.ReadDir(dir)
	if err != nil {
		return usageError("-out %s: %v", dir, err)
	}
	if len(ents) > 0 && !force {
		return usageError("output directory %s is not empty; use -force to overwrite or -out to choose another", dir)
	}
	return nil
}
