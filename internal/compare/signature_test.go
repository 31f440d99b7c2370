package compare_test

import (
	"context"
	"math"
	"strings"
	"testing"

	"github.com/insurgo/insurgo/internal/compare"
	"github.com/insurgo/insurgo/sim"
)

// rebound builds a one-replicate record of 40 monthly attack counts.
func reboundOf(t *testing.T, r compare.Rebound, counts []int64) float64 {
	t.Helper()
	cal := toyCalendar(t)
	if err := r.Check(&cal); err != nil {
		t.Fatal(err)
	}
	rec := sim.NewRecorder(cal.Months())
	s := rec.Series("attacks", "total")
	for m, v := range counts {
		rec.Add(s, m, v)
	}
	return r.Eval(rec, &cal)
}

func TestReboundByHand(t *testing.T) {
	// Pre-pressure months 10..15 (2022-07..2022-12) at 20 a month;
	// pressure 16..27; lapse month 28 (2024-01).
	counts := make([]int64, 40)
	for m := 10; m < 16; m++ {
		counts[m] = 20
	}
	for m := 16; m < 28; m++ {
		counts[m] = 2
	}
	r := compare.Rebound{Label: "rebound", Metric: "attacks", Scope: "total", From: month(t, "2023-01"), To: month(t, "2023-12")}
	// Back to 10 a month (half of 20) from month 31 on: the 3-month mean
	// from 29 is (2+2+10)/3 < 10, from 30 (2+10+10)/3 < 10, from 31 it is 10.
	counts[28], counts[29], counts[30] = 2, 2, 2
	for m := 31; m < 40; m++ {
		counts[m] = 10
	}
	if got := reboundOf(t, r, counts); got != 3 {
		t.Errorf("rebound %g months, want 3 (month 31 − lapse 28)", got)
	}
	// One busy month alone does not make a rebound: 30 in month 29 lifts
	// the 3-month mean from 28 to (2+30+2)/3 ≥ 10, so it counts from 28.
	counts[29] = 30
	if got := reboundOf(t, r, counts); got != 0 {
		t.Errorf("rebound %g months, want 0", got)
	}
	// Never back: +Inf.
	for m := 28; m < 40; m++ {
		counts[m] = 3
	}
	if got := reboundOf(t, r, counts); !math.IsInf(got, 1) {
		t.Errorf("rebound %g, want +Inf", got)
	}
}

func TestSignatureChecks(t *testing.T) {
	cal := toyCalendar(t)
	for _, c := range []struct {
		s    compare.Signature
		want string
	}{
		{compare.Rebound{Label: "r", From: month(t, "2021-09"), To: month(t, "2022-01")}, "no pre-pressure level"},
		{compare.Rebound{Label: "r", From: month(t, "2024-01"), To: month(t, "2024-12")}, "no lapse"},
		{compare.Rebound{Label: "r", From: month(t, "2024-01"), To: month(t, "2025-02")}, "outside the run"},
		{compare.Retained{Label: "f", Metric: "fighters", Scope: "total", From: month(t, "2021-01"), To: month(t, "2022-01")}, "outside the run"},
	} {
		err := c.s.Check(&cal)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%+v: error %v, want one saying %q", c.s, err, c.want)
		}
	}
}

// The toy hypotheses differ in the way the signatures are meant to show:
// slowdown keeps its fighters, raises the suicide share and rebounds
// at once; degradation loses fighters and rebounds slowly.
func TestSignaturesTellToysApart(t *testing.T) {
	cal := toyCalendar(t)
	from, to := month(t, "2023-01"), month(t, "2023-12")
	sum := func(metric, scope string) sim.Window {
		return sim.Window{Name: metric, Metric: metric, Scope: scope, From: from, To: to, Statistic: sim.Sum}
	}
	sigs := []compare.Signature{
		compare.Retained{Label: "fighters retained", Metric: "fighters", Scope: "total", From: from.Add(-1), To: to},
		compare.Ratio{Label: "suicide share", Num: sum("suicide_attacks", "total"), Den: sum("attacks", "total")},
		compare.Ratio{Label: "KP share", Num: sum("attacks", "group:kp"), Den: sum("attacks", "total")},
		compare.Rebound{Label: "rebound", Metric: "attacks", Scope: "total", From: from, To: to},
	}
	res, err := compare.Run(context.Background(), []compare.Arm{
		{Name: "slowdown", Factory: slowdownToy().factory(), Calendar: cal},
		{Name: "degradation", Factory: degradationToy().factory(), Calendar: cal},
	}, compare.Options{Seed: 3, Replicates: 100, Signatures: sigs,
		Window: sim.Window{Metric: "attacks", Scope: "total", From: from, To: to, Statistic: sim.Sum}})
	if err != nil {
		t.Fatal(err)
	}
	s, d := res.Arms[0].Signatures, res.Arms[1].Signatures
	// Slowdown loses no fighters: retained exactly 1.
	if s[0].P05 != 1 || s[0].P95 != 1 {
		t.Errorf("slowdown fighters retained %+v, want exactly 1", s[0])
	}
	// Degradation loses 0.4% a day for 365 days: (1−0.004)^365 ≈ 0.23.
	if math.Abs(d[0].Median-0.232) > 0.01 {
		t.Errorf("degradation fighters retained %g, want about 0.23", d[0].Median)
	}
	// Suicide shares 0.3 and 0.1 under pressure, as set.
	if math.Abs(s[1].Median-0.3) > 0.05 || math.Abs(d[1].Median-0.1) > 0.04 {
		t.Errorf("suicide shares %g and %g, want about 0.3 and 0.1", s[1].Median, d[1].Median)
	}
	// KP share 0.2 in both.
	if math.Abs(s[2].Median-0.2) > 0.05 || math.Abs(d[2].Median-0.2) > 0.04 {
		t.Errorf("KP shares %g and %g, want about 0.2", s[2].Median, d[2].Median)
	}
	// Slowdown is back at once; degradation regrows at 0.2% a day from
	// 23% of its strength, reaching half the pre-pressure tempo after
	// about ln(0.77/0.5)/0.002 ≈ 216 days, some 7 months.
	if s[3].Median != 0 {
		t.Errorf("slowdown rebound %g months, want 0", s[3].Median)
	}
	if d[3].Median < 4 || d[3].Median > 9 {
		t.Errorf("degradation rebound %g months, want about 7", d[3].Median)
	}
	t.Logf("slowdown %+v\ndegradation %+v", s, d)
}
