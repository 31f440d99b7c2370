package isk

import (
	"context"
	"testing"

	"github.com/insurgo/insurgo/sim"
)

// runBatch runs n replicates of p under seed with the given windows.
func runBatch(t testing.TB, p *Params, cal sim.Calendar, ws []sim.Window, n int, seed uint64) *sim.Aggregate {
	t.Helper()
	f, err := NewFactory(p, &cal)
	if err != nil {
		t.Fatal(err)
	}
	agg, err := sim.Batch{Calendar: cal, Seed: seed, Count: n, Windows: ws}.Run(context.Background(), f)
	if err != nil {
		t.Fatal(err)
	}
	return agg
}
