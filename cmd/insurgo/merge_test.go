package main

import (
	"bytes"
	"context"
	"testing"

	"github.com/insurgo/insurgo/internal/report"
	"github.com/insurgo/insurgo/model/isk"
	"github.com/insurgo/insurgo/scenarios"
	"github.com/insurgo/insurgo/sim"
)

// Replicates run as two halves and merged give the same summary.json
// bytes as one batch, on the real model and scenario.
func TestHistoricalHalvesMergeToSameBytes(t *testing.T) {
	sc, err := scenarios.Load("historical")
	if err != nil {
		t.Fatal(err)
	}
	cal, err := sc.Calendar()
	if err != nil {
		t.Fatal(err)
	}
	f, err := isk.NewFactory(&sc.Params, &cal)
	if err != nil {
		t.Fatal(err)
	}
	obs := sc.Observed()
	ws := make([]sim.Window, len(obs))
	for i, o := range obs {
		ws[i] = o.Window
	}
	run := func(first, count, workers int) *sim.Aggregate {
		agg, err := sim.Batch{Calendar: cal, Seed: 4, First: first, Count: count, Workers: workers, Windows: ws}.Run(context.Background(), f)
		if err != nil {
			t.Fatal(err)
		}
		return agg
	}
	js := func(agg *sim.Aggregate) []byte {
		s, err := report.Build(agg, &cal, obs)
		if err != nil {
			t.Fatal(err)
		}
		b, err := s.MarshalIndent()
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	whole := js(run(0, 30, 2))
	a, b := run(0, 17, 1), run(17, 13, 2)
	if err := b.Merge(a); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(js(b), whole) {
		t.Error("two merged halves differ from the whole batch")
	}
}
