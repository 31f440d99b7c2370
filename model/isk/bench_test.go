package isk

import (
	"testing"

	"github.com/insurgo/insurgo/sim"
)

// BenchmarkReplicate runs one replicate of the historical scenario
// (Sept 2021 - Dec 2023, 852 days), recorder reuse included, as the batch
// runner does it. Replicates per second on n cores is about
// n * 1e9 / (ns/op).
func BenchmarkReplicate(b *testing.B) {
	s := loadTestScenario(b, "historical")
	cal := s.calendar(b)
	f, err := NewFactory(&s.Params, &cal)
	if err != nil {
		b.Fatal(err)
	}
	rec := sim.NewRecorder(cal.Months())
	agg := sim.NewAggregate(cal.Months(), nil)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		rec.Reset()
		m, err := f(sim.Replicate{Index: i, Streams: sim.NewStreams(1, i), Recorder: rec, Calendar: &cal})
		if err != nil {
			b.Fatal(err)
		}
		for d := 0; d < cal.Days(); d++ {
			m.Step(cal.Day(d))
		}
		agg.Add(rec, &cal)
	}
}

// BenchmarkBatch200 runs 200 replicates of historical through sim.Batch
// with every core (GOMAXPROCS) and reports replicates per second.
func BenchmarkBatch200(b *testing.B) {
	s := loadTestScenario(b, "historical")
	cal := s.calendar(b)
	ws := s.windows(b)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		runBatch(b, &s.Params, cal, ws, 200, uint64(i))
	}
	b.ReportMetric(float64(200*b.N)/b.Elapsed().Seconds(), "replicates/s")
}
