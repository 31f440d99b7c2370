package scenarios

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/insurgo/insurgo/sim"
)

// fuzzDays is the simulated span of one FuzzModel input.
const fuzzDays = 30

// FuzzModel feeds arbitrary bytes to the loader and, when they load,
// builds the model and steps one replicate through 30 simulated days, or
// through its whole step clock for a model that counts steps (issue 11: the older FuzzLoad never built or stepped a model, so a
// scenario that validates and then hangs or panics went unseen). Every
// input must load with Errors or build and step without panicking, on a
// budget of 2 s: an input that needs longer (a vast but valid scenario)
// must stop within a second once its context is done, as it would on
// Ctrl-C.
//
// Run with: go test -fuzz=FuzzModel -fuzzminimizetime=2s ./scenarios
// The seed corpus is testdata/fuzz/FuzzModel plus the shipped scenarios.
func FuzzModel(f *testing.F) {
	for _, pat := range []string{"*.toml", "testdata/*.toml", "testdata/extends/*.toml"} {
		files, _ := filepath.Glob(pat)
		for _, file := range files {
			if data, err := os.ReadFile(file); err == nil {
				f.Add(data)
			}
		}
	}
	f.Add([]byte("extends = \"historical\"\n[attacks]\nrate = 100.0\n"))
	f.Add([]byte("extends = \"historical\"\n[[region]]\nname = \"Nangarhar\"\ncells = 10000\n"))
	// Vast but valid: days of billions of attacks, stopped by the budget.
	f.Add([]byte("extends = \"historical\"\n[attacks]\nrate = 100.0\nexponent = 1.0\nceiling = 0.0\ntheatre_ceiling = 0.0\n[[region]]\nname = \"Nangarhar\"\ncells = 10000\nfighters_per_cell = 10000.0\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		sc, err := LoadBytes("fuzz.toml", data)
		if err != nil {
			var es Errors
			if !errors.As(err, &es) || len(es) == 0 {
				t.Fatalf("error is not a non-empty Errors: %T %v", err, err)
			}
			return
		}
		full, err := sc.Calendar()
		if err != nil {
			t.Fatalf("loaded scenario has no calendar: %v", err)
		}
		cal := full
		if sc.Stepped() {
			// A step clock cannot be cut short (the model wants its own);
			// the budget below stops a long run. Worlds too big to build
			// here are what run's work check refuses.
			if sc.Cost().Bytes > 1<<27 {
				return
			}
		} else if full.Days() > fuzzDays {
			start := full.Day(0).Date
			if cal, err = sim.NewCalendar(start, start.AddDate(0, 0, fuzzDays-1)); err != nil {
				t.Fatal(err)
			}
		}
		factory, err := sc.Factory(&cal)
		if err != nil {
			return // a model-level problem reported as an error: fine
		}
		const budget = 2 * time.Second
		ctx, cancel := context.WithTimeout(context.Background(), budget)
		defer cancel()
		start := time.Now()
		b := sim.Batch{Calendar: cal, Seed: 1, Count: 1, Workers: 1}
		if _, err := b.Run(ctx, factory); err != nil {
			if ctx.Err() == nil {
				t.Fatalf("a scenario that loads failed to run: %v", err)
			}
			if el := time.Since(start); el > budget+time.Second {
				t.Fatalf("cancelled after %s, stopped after %s: more than a second late", budget, el)
			}
		}
	})
}
