package compare_test

import (
	"bytes"
	"context"
	"encoding/csv"
	"reflect"
	"testing"

	"github.com/insurgo/insurgo/internal/compare"
	"github.com/insurgo/insurgo/sim"
)

// Further statistics (Options.More) are computed in the same replicates:
// each equals, value for value and in its paired comparison, what a
// comparison of that statistic alone gives; compare.csv stacks them.
func TestMoreStatistics(t *testing.T) {
	cal := toyCalendar(t)
	a := slowdownToy()
	b := a
	b.rate *= 0.8
	arms := []compare.Arm{{Name: "A", Hash: "ha", Factory: a.factory(), Calendar: cal}, {Name: "B", Hash: "hb", Factory: b.factory(), Calendar: cal}}
	w1 := sim.Window{Name: "attacks", Metric: "attacks", Scope: "total", From: month(t, "2024-01"), To: month(t, "2024-12"), Statistic: sim.Sum}
	w2 := sim.Window{Name: "attacks", Metric: "attacks", Scope: "total", From: month(t, "2024-03"), To: month(t, "2024-08"), Statistic: sim.MeanPerMonth}
	o := compare.Options{Seed: 7, Replicates: 50, Workers: 2, Window: w1, More: []sim.Window{w2}, Engine: "test"}
	both, err := compare.Run(context.Background(), arms, o)
	if err != nil {
		t.Fatal(err)
	}
	o.Window, o.More = w2, nil
	alone, err := compare.Run(context.Background(), arms, o)
	if err != nil {
		t.Fatal(err)
	}
	for k := range arms {
		m := both.Arms[k].More[0]
		if !reflect.DeepEqual(m.Values, alone.Arms[k].Values) || m.Dist != alone.Arms[k].Dist {
			t.Errorf("arm %d: further statistic differs from the statistic compared alone", k)
		}
	}
	if *both.Arms[1].More[0].Versus != *alone.Arms[1].Versus {
		t.Errorf("paired comparison of the further statistic differs: %+v vs %+v", *both.Arms[1].More[0].Versus, *alone.Arms[1].Versus)
	}
	if reflect.DeepEqual(both.Arms[0].Values, both.Arms[0].More[0].Values) {
		t.Fatal("the two statistics should differ")
	}
	var buf bytes.Buffer
	if err := both.WriteCSV(&buf); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&buf).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	stats := map[string]int{}
	for _, r := range rows[1:] {
		stats[r[5]+" "+r[6]]++
	}
	if stats["2024-01..2024-12 sum"] != 8 || stats["2024-03..2024-08 mean_per_month"] != 8 {
		t.Errorf("rows per statistic %v, want 8 each (2 values, 6 against A)", stats)
	}
	js, err := both.MarshalIndent()
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`"engine_version": "test"`, `"scenario_hash": "hb"`, `"more": [`, `"statistic": "mean_per_month"`} {
		if !bytes.Contains(js, []byte(want)) {
			t.Errorf("compare.json lacks %s", want)
		}
	}
}
