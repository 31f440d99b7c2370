package compare_test

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/insurgo/insurgo/internal/compare"
)

func TestOutputs(t *testing.T) {
	a := slowdownToy()
	b := a
	b.rate *= 0.8
	res := run(t, 60, 2, a, b, a)

	var tab bytes.Buffer
	if err := res.WriteTable(&tab); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"sum of attacks in total, 2024-01..2024-12; 60 replicates", "against A, replicate by replicate", "exact (zero paired variance)", "×"} {
		if !strings.Contains(tab.String(), want) {
			t.Errorf("table lacks %q:\n%s", want, tab.String())
		}
	}

	var buf bytes.Buffer
	if err := res.WriteCSV(&buf); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&buf).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	// Header, 1 row per arm, 6 per arm against the first.
	if len(rows) != 1+3*1+2*6 {
		t.Errorf("%d CSV rows, want 16", len(rows))
	}
	if fmt.Sprint(rows[0]) != fmt.Sprint(compare.CSVHeader) {
		t.Errorf("header %v", rows[0])
	}
	var diff []string
	for _, r := range rows {
		if r[0] == "B" && r[7] == "difference" {
			diff = r
		}
	}
	p := res.Arms[1].Versus
	w := res.Window
	if want := []string{"B", "A", w.Metric, w.Scope, "", w.From.String() + ".." + w.To.String(), w.Statistic, "difference",
		fmt.Sprint(p.Diff.Mean), fmt.Sprint(p.Diff.P05), fmt.Sprint(p.Diff.Median), fmt.Sprint(p.Diff.P95), "60"}; fmt.Sprint(diff) != fmt.Sprint(want) {
		t.Errorf("difference row %v, want %v", diff, want)
	}

	js, err := res.MarshalIndent()
	if err != nil {
		t.Fatal(err)
	}
	var back struct {
		Scenarios []struct {
			Name   string
			Values []float64
			Versus *struct {
				PairingFactor *float64 `json:"pairing_factor"`
				PBelow        float64  `json:"p_below"`
			}
		}
	}
	if err := json.Unmarshal(js, &back); err != nil {
		t.Fatal(err)
	}
	if len(back.Scenarios) != 3 || len(back.Scenarios[2].Values) != 60 || back.Scenarios[0].Versus != nil {
		t.Fatalf("compare.json scenarios %+v", back.Scenarios)
	}
	// C is A again: the pairing factor is infinite, written as null.
	if v := back.Scenarios[2].Versus; v.PairingFactor != nil || v.PBelow != 0.5 {
		t.Errorf("C against A: pairing factor %v, P(below) %g; want null, 0.5", v.PairingFactor, v.PBelow)
	}
}

func ExamplePair() {
	// Replicate i of each arm shared its random numbers.
	a := []float64{10, 20, 30, 40, 50}
	b := []float64{8, 17, 25, 33, 42}
	p, _ := compare.Pair(a, b, 1)
	fmt.Printf("difference median %g, 90%% interval [%g, %g]\n", p.Diff.Median, p.Diff.P05, p.Diff.P95)
	fmt.Printf("relative change %.1f%%, P(B < A) %g\n", 100*p.Rel, p.PBelow)
	// (var(a) + var(b)) / var(b − a) = (250 + 176.5) / 6.5.
	fmt.Printf("pairing helped by a factor %.1f\n", p.Factor)
	// Output:
	// difference median -5, 90% interval [-8, -2]
	// relative change -16.7%, P(B < A) 1
	// pairing helped by a factor 65.6
}
