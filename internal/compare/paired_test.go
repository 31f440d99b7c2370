package compare_test

import (
	"context"
	"math"
	"testing"

	"github.com/insurgo/insurgo/internal/compare"
	"github.com/insurgo/insurgo/sim"
)

func TestPairByHand(t *testing.T) {
	a := []float64{1, 2, 3, 4}
	b := []float64{2, 2, 1, 5}
	p, err := compare.Pair(a, b, 1)
	if err != nil {
		t.Fatal(err)
	}
	// Differences 1, 0, −2, 1: one below, one tie.
	if p.PBelow != 0.375 {
		t.Errorf("PBelow = %g, want (1 + 0.5)/4 = 0.375", p.PBelow)
	}
	// var(1, 0, −2, 1) = 6/3; var(a) = 5/3, var(b) = 9/3.
	if !close(p.VarPaired, 2) || !close(p.VarUnpaired, 14.0/3) || !close(p.Factor, 7.0/3) {
		t.Errorf("variances %g, %g, factor %g; want 2, 14/3, 7/3", p.VarPaired, p.VarUnpaired, p.Factor)
	}
	// Unpaired: b[i] − a[(i+2)%4] = −1, −2, 0, 3.
	if p.Unpaired.Mean != 0 || p.Unpaired.P05 != -2 || p.Unpaired.P95 != 3 {
		t.Errorf("unpaired %+v, want mean 0, range −2..3", p.Unpaired)
	}
	if p.Rel != 0 {
		t.Errorf("Rel = %g, want 0 (equal means)", p.Rel)
	}
	// Changes per replicate 1, 0, −2/3, 1/4: median 0, range −2/3..1.
	if p.Change.Median != 0 || !close(p.Change.P05, -2.0/3) || p.Change.P95 != 1 {
		t.Errorf("change per replicate %+v, want median 0, range −2/3..1", p.Change)
	}
	if _, err := compare.Pair(a, b[:3], 1); err == nil {
		t.Error("Pair accepted slices of different lengths")
	}
}

func close(a, b float64) bool { return math.Abs(a-b) < 1e-12 }

// run compares the given toys over the 2024 total of attacks.
func run(t *testing.T, reps, workers int, toys ...toy) *compare.Result {
	t.Helper()
	cal := toyCalendar(t)
	var arms []compare.Arm
	for i, p := range toys {
		arms = append(arms, compare.Arm{Name: string(rune('A' + i)), Factory: p.factory(), Calendar: cal})
	}
	res, err := compare.Run(context.Background(), arms, compare.Options{
		Seed: 7, Replicates: reps, Workers: workers,
		Window: sim.Window{Name: "attacks", Metric: "attacks", Scope: "total",
			From: month(t, "2024-01"), To: month(t, "2024-12"), Statistic: sim.Sum},
	})
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// B is A with one lever (the daily attack rate) cut by 20%: the paired
// difference is negative with an interval far narrower than the unpaired
// one, and the relative change is about −20%.
func TestOneLeverChanged(t *testing.T) {
	a := slowdownToy()
	b := a
	b.rate *= 0.8
	res := run(t, 300, 2, a, b)
	p := res.Arms[1].Versus
	t.Logf("A %+v\nB %+v\npaired %+v", res.Arms[0].Dist, res.Arms[1].Dist, *p)
	if !(p.Diff.P95 < 0) {
		t.Errorf("paired 90%% interval [%g, %g] does not lie below 0", p.Diff.P05, p.Diff.P95)
	}
	paired, unpaired := p.Diff.P95-p.Diff.P05, p.Unpaired.P95-p.Unpaired.P05
	if !(paired < unpaired/2) {
		t.Errorf("paired interval width %g not under half the unpaired %g", paired, unpaired)
	}
	if !(p.Factor > 4) {
		t.Errorf("pairing factor %g, want > 4 (strength varies between replicates, not between arms)", p.Factor)
	}
	if p.PBelow < 0.95 {
		t.Errorf("P(B < A) = %g, want > 0.95", p.PBelow)
	}
	// Same strength, same uniforms: attacks fall in proportion to the rate
	// but fighters and months are alike, so the change is −20% give or
	// take the Bernoulli thinning (a few %).
	if math.Abs(p.Rel+0.2) > 0.03 || !(p.RelP05 <= p.Rel && p.Rel <= p.RelP95) || p.RelP95-p.RelP05 > 0.05 {
		t.Errorf("relative change %g [%g, %g], want about −0.2 with a tight interval", p.Rel, p.RelP05, p.RelP95)
	}
}

// A scenario compared with itself differs by exactly zero in every
// replicate.
func TestSelfComparisonIsExactlyZero(t *testing.T) {
	res := run(t, 50, 2, degradationToy(), degradationToy())
	p := res.Arms[1].Versus
	for i := range res.Arms[0].Values {
		if res.Arms[0].Values[i] != res.Arms[1].Values[i] {
			t.Fatalf("replicate %d: %g against %g", i, res.Arms[0].Values[i], res.Arms[1].Values[i])
		}
	}
	if p.Diff.Median != 0 || p.Diff.P05 != 0 || p.Diff.P95 != 0 || p.Diff.Mean != 0 {
		t.Errorf("difference %+v, want all 0", p.Diff)
	}
	if p.Change.P05 != 0 || p.Change.P95 != 0 || p.Rel != 0 || p.RelP05 != 0 || p.RelP95 != 0 {
		t.Errorf("relative change %g [%g, %g], want exactly 0", p.Rel, p.RelP05, p.RelP95)
	}
	if p.PBelow != 0.5 || p.VarPaired != 0 || !math.IsInf(p.Factor, 1) {
		t.Errorf("P(below) %g, var %g, factor %g; want 0.5, 0, +Inf", p.PBelow, p.VarPaired, p.Factor)
	}
}

// The result, down to the bytes of compare.json, does not depend on the
// number of workers.
func TestWorkersDoNotMatter(t *testing.T) {
	j1, err := run(t, 40, 1, slowdownToy(), degradationToy()).MarshalIndent()
	if err != nil {
		t.Fatal(err)
	}
	j2, err := run(t, 40, 2, slowdownToy(), degradationToy()).MarshalIndent()
	if err != nil {
		t.Fatal(err)
	}
	if string(j1) != string(j2) {
		t.Error("compare.json differs between 1 and 2 workers")
	}
}

func TestWindowOutsideCalendar(t *testing.T) {
	cal := toyCalendar(t)
	_, err := compare.Run(context.Background(), []compare.Arm{{Name: "short", Factory: slowdownToy().factory(), Calendar: cal}}, compare.Options{
		Seed: 1, Replicates: 2,
		Window: sim.Window{Metric: "attacks", Scope: "total", From: month(t, "2024-07"), To: month(t, "2025-06"), Statistic: sim.Sum},
	})
	if err == nil {
		t.Fatal("a window past the run's end was accepted")
	}
	if want := "scenario short: sim: bad statistic"; len(err.Error()) < len(want) || err.Error()[:len(want)] != want {
		t.Errorf("error %q, want it to start %q", err, want)
	}
}
