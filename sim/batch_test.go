package sim_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"math"
	"testing"

	"github.com/insurgo/insurgo/internal/report"
	"github.com/insurgo/insurgo/sim"
)

func toyWindows(t testing.TB) []sim.Window {
	from, _ := sim.ParseMonth("2021-09")
	to, _ := sim.ParseMonth("2022-08")
	return []sim.Window{
		{Name: "sum", Metric: "events", Scope: "total", From: from, To: to, Statistic: sim.Sum},
		{Name: "mean", Metric: "events", Scope: "total", From: from, To: to, Statistic: sim.MeanPerMonth},
		{Name: "share", Metric: "events", Scope: "region:a", Of: "total", From: from, To: to, Statistic: sim.Share},
		{Name: "distinct", Metric: "events", Scope: "total", From: from, To: from.Add(2), Statistic: sim.DistinctRegions},
		{Name: "end", Metric: "stock", Scope: "total", From: from, To: to, Statistic: sim.EndValue},
	}
}

// summaryBytes runs replicates [first, first+count) in parts of the given
// sizes, merges them and returns the summary.json bytes.
func summaryBytes(t *testing.T, seed uint64, workers int, parts ...int) []byte {
	t.Helper()
	cal := mustCalendar(t, "2021-09-01", "2023-12-31")
	ws := toyWindows(t)
	var total *sim.Aggregate
	first := 0
	for _, n := range parts {
		b := sim.Batch{Calendar: cal, Seed: seed, First: first, Count: n, Workers: workers, Windows: ws}
		agg, err := b.Run(context.Background(), toyFactory(0.05))
		if err != nil {
			t.Fatal(err)
		}
		if total == nil {
			total = agg
		} else if err := total.Merge(agg); err != nil {
			t.Fatal(err)
		}
		first += n
	}
	obs := make([]report.Observed, len(ws))
	for i, w := range ws {
		obs[i] = report.Observed{Window: w, Observed: 1}
	}
	s, err := report.Build(total, &cal, obs)
	if err != nil {
		t.Fatal(err)
	}
	js, err := s.MarshalIndent()
	if err != nil {
		t.Fatal(err)
	}
	return js
}

func TestBatchSameBytesWhateverWorkersOrShards(t *testing.T) {
	want := summaryBytes(t, 11, 1, 60)
	for _, c := range []struct {
		name    string
		workers int
		parts   []int
	}{
		{"2 workers", 2, []int{60}},
		{"7 workers", 7, []int{60}},
		{"two halves merged", 2, []int{30, 30}},
		{"uneven shards merged", 3, []int{7, 41, 12}},
	} {
		if got := summaryBytes(t, 11, c.workers, c.parts...); !bytes.Equal(got, want) {
			t.Errorf("%s: summary differs from the 1-worker run", c.name)
		}
	}
	if other := summaryBytes(t, 12, 2, 60); bytes.Equal(other, want) {
		t.Error("seeds 11 and 12 give the same summary")
	}
}

func TestBatchOnReplicateInOrder(t *testing.T) {
	cal := mustCalendar(t, "2022-01-01", "2022-06-30")
	var got []int
	var firstEvents int
	b := sim.Batch{Calendar: cal, Seed: 3, First: 10, Count: 40, Workers: 4, KeepEvents: true,
		OnReplicate: func(rep int, r *sim.Recorder) error {
			got = append(got, rep)
			if rep == 10 {
				firstEvents = len(r.Events())
				var sum int64
				for _, v := range r.Values("events", "total") {
					sum += v
				}
				if int64(firstEvents) != sum {
					t.Errorf("replicate 10: %d events kept, %d counted", firstEvents, sum)
				}
			}
			return nil
		}}
	if _, err := b.Run(context.Background(), toyFactory(0.05)); err != nil {
		t.Fatal(err)
	}
	for i, rep := range got {
		if rep != 10+i {
			t.Fatalf("replicates delivered as %v, want 10..49 in order", got)
		}
	}
	if len(got) != 40 || firstEvents == 0 {
		t.Errorf("delivered %d replicates, first had %d events", len(got), firstEvents)
	}
}

func TestBatchStopsOnCancelAndErrors(t *testing.T) {
	cal := mustCalendar(t, "2021-09-01", "2023-12-31")
	ctx, cancel := context.WithCancel(context.Background())
	b := sim.Batch{Calendar: cal, Seed: 1, Count: 1 << 30, Workers: 2,
		Progress: func(done, total int) {
			if done == 20 {
				cancel()
			}
		}}
	if _, err := b.Run(ctx, toyFactory(0.05)); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled batch returned %v", err)
	}
	boom := errors.New("boom")
	b = sim.Batch{Calendar: cal, Seed: 1, Count: 50, OnReplicate: func(rep int, r *sim.Recorder) error {
		if rep == 5 {
			return boom
		}
		return nil
	}}
	if _, err := b.Run(context.Background(), toyFactory(0.05)); !errors.Is(err, boom) {
		t.Errorf("failing OnReplicate gave %v", err)
	}
	bad := func(sim.Replicate) (sim.Model, error) { return nil, boom }
	if _, err := (sim.Batch{Calendar: cal, Count: 3}).Run(context.Background(), bad); !errors.Is(err, boom) {
		t.Errorf("failing factory gave %v", err)
	}
	if _, err := (sim.Batch{Calendar: cal}).Run(context.Background(), toyFactory(1)); !errors.Is(err, sim.ErrBatch) {
		t.Errorf("zero replicates gave %v", err)
	}
}

// The toy's events follow dN = -rate*N/500 per day, so the expected stock
// after d days is 500*(1-rate/500)^d; the end-of-window statistic must
// agree within sampling error (sd of the binomial-like count < 10).
func TestWindowStatisticsOfToy(t *testing.T) {
	cal := mustCalendar(t, "2021-09-01", "2023-12-31")
	ws := toyWindows(t)
	agg, err := sim.Batch{Calendar: cal, Seed: 5, Count: 400, Windows: ws}.Run(context.Background(), toyFactory(0.05))
	if err != nil {
		t.Fatal(err)
	}
	days := 365.0 // 2021-09-01 .. 2022-08-31
	expect := 500 * math.Pow(1-0.05/500, days)
	if m := agg.Stat(4).Mean(); !approx(m, expect, 1.5) {
		t.Errorf("mean end stock %.2f, want %.2f", m, expect)
	}
	if s, m := agg.Stat(0).Mean(), agg.Stat(1).Mean(); !approx(s/12, m, 1e-9) {
		t.Errorf("sum/12 = %v but mean_per_month = %v", s/12, m)
	}
	// Region a gets one event in three throughout (c's share goes to b at
	// first); over ~320 events per replicate and 400 replicates the mean
	// share has a standard error well under 0.002.
	if sh := agg.Stat(2).Mean(); !approx(sh, 1.0/3, 0.01) {
		t.Errorf("share of region a %.3f, want 1/3", sh)
	}
	if d := agg.Stat(3).Quantile(0.5); d != 2 {
		t.Errorf("median distinct regions in first 3 months %v, want 2", d)
	}
}

func BenchmarkToyReplicate(b *testing.B) {
	cal := mustCalendar(b, "2021-09-01", "2023-12-31")
	for b.Loop() {
		if _, err := (sim.Batch{Calendar: cal, Seed: 1, Count: 1, Workers: 1}).Run(context.Background(), toyFactory(0.05)); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkBatch runs toy batches of three sizes on all cores and reports
// replicates per second (the engine's overhead: scheduling, recorders,
// aggregation).
func BenchmarkBatch(b *testing.B) {
	cal := mustCalendar(b, "2021-09-01", "2023-12-31")
	for _, n := range []int{10, 100, 1000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			for b.Loop() {
				if _, err := (sim.Batch{Calendar: cal, Seed: 1, Count: n}).Run(context.Background(), toyFactory(0.05)); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "replicates/s")
		})
	}
}

// An aggregate holds distinct values, not replicates: ten times the
// replicates must not need anywhere near ten times the histogram entries.
func TestAggregateMemoryDoesNotGrowWithReplicates(t *testing.T) {
	cal := mustCalendar(t, "2021-09-01", "2022-12-31")
	entries := func(n int) int {
		agg, err := sim.Batch{Calendar: cal, Seed: 2, Count: n, Windows: toyWindows(t)[:1]}.Run(context.Background(), toyFactory(0.05))
		if err != nil {
			t.Fatal(err)
		}
		e := 0
		for _, k := range agg.Keys() {
			for m := 0; m < agg.Months; m++ {
				v, _ := agg.Month(k, m).Values()
				e += len(v)
			}
		}
		v, _ := agg.Stat(0).Values()
		return e + len(v)
	}
	small, large := entries(200), entries(2000)
	t.Logf("histogram entries: %d for 200 replicates, %d for 2000", small, large)
	if large > 2*small {
		t.Errorf("10x the replicates needs %d entries against %d: memory grows with replicates", large, small)
	}
}
