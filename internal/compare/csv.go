package compare

import (
	"encoding/csv"
	"fmt"
	"io"
	"math"
	"strconv"

	"github.com/insurgo/insurgo/sim"
)

// CSVHeader is the header of compare.csv.
var CSVHeader = []string{"scenario", "against", "metric", "scope", "of", "window", "statistic", "quantity", "estimate", "p05", "p50", "p95", "n"}

// WriteCSV writes r as compare.csv: tidy rows, one per estimate, that
// stack across metrics, scopes, windows and runs:
//
//	scenario, against, metric, scope, of, window, statistic, quantity, estimate, p05, p50, p95, n
//
// metric, scope, of, window (FROM..TO) and statistic (sum,
// mean_per_month, ...) say which window statistic a row is about: the
// compared one and each of Result.More. quantity is what is estimated:
//
//   - value: the statistic over replicates; estimate its mean, p05, p50,
//     p95 its quantiles;
//   - difference: paired B_i − A_i against the scenario in "against"
//     (estimate the mean, quantiles over replicates); unpaired_difference:
//     the same for independent replicates;
//   - change_per_replicate: B_i/A_i − 1 (mean and quantiles over
//     replicates, the spread of outcomes);
//   - relative_change: mean(B)/mean(A) − 1, with p05 and p95 its bootstrap
//     90% confidence interval (the precision of the mean effect), p50 empty;
//   - p_below: share of replicates with B_i < A_i (ties half);
//     pairing_factor: var(A)+var(B) over var(B−A);
//
// then, for the compared statistic's months, one row per signature
// (metric the signature's name, statistic "signature", quantity "value")
// and with model choice "posterior" and "accepted" rows (statistic
// "model_choice"). Undefined or infinite numbers are written as NaN, +Inf
// or -Inf; empty cells do not apply.
func (r *Result) WriteCSV(w io.Writer) error {
	cw := csv.NewWriter(w)
	rows := [][]string{CSVHeader}
	type about struct{ metric, scope, of, window, statistic string }
	of := func(w sim.Window) about {
		return about{w.Metric, w.Scope, w.Of, span(w), w.Statistic}
	}
	add := func(arm, against string, a about, q string, est float64, p05, p50, p95 string, n int) {
		rows = append(rows, []string{arm, against, a.metric, a.scope, a.of, a.window, a.statistic, q, num(est), p05, p50, p95, strconv.Itoa(n)})
	}
	dist := func(arm, against string, a about, q string, d Dist) {
		add(arm, against, a, q, d.Mean, num(d.P05), num(d.Median), num(d.P95), d.N)
	}
	point := func(arm, against string, a about, q string, est float64, n int) {
		add(arm, against, a, q, est, "", "", "", n)
	}
	windows := append([]sim.Window{r.Window}, r.More...)
	for m, win := range windows {
		ab := of(win)
		for _, a := range r.Arms {
			d, p := a.Dist, a.Versus
			if m > 0 {
				d, p = a.More[m-1].Dist, a.More[m-1].Versus
			}
			dist(a.Name, "", ab, "value", d)
			if p == nil {
				continue
			}
			ag := r.Arms[0].Name
			dist(a.Name, ag, ab, "difference", p.Diff)
			dist(a.Name, ag, ab, "unpaired_difference", p.Unpaired)
			dist(a.Name, ag, ab, "change_per_replicate", p.Change)
			add(a.Name, ag, ab, "relative_change", p.Rel, num(p.RelP05), "", num(p.RelP95), p.Diff.N)
			point(a.Name, ag, ab, "p_below", p.PBelow, p.Diff.N)
			point(a.Name, ag, ab, "pairing_factor", p.Factor, p.Diff.N)
		}
	}
	main := of(r.Window)
	for k, a := range r.Arms {
		for s, d := range a.Signatures {
			dist(a.Name, "", about{r.Signatures[s], "", "", main.window, "signature"}, "value", d)
		}
		if c := r.Choice; c != nil {
			mc := about{statistic: "model_choice"}
			point(a.Name, "", mc, "posterior", c.Posterior[k], r.Replicates)
			point(a.Name, "", mc, "accepted", float64(c.Accepted[k]), r.Replicates)
		}
	}
	if err := cw.WriteAll(rows); err != nil {
		return fmt.Errorf("compare: %w", err)
	}
	return nil
}

// num formats x with the fewest digits that read back exactly.
func num(x float64) string {
	switch {
	case math.IsNaN(x):
		return "NaN"
	case math.IsInf(x, 1):
		return "+Inf"
	case math.IsInf(x, -1):
		return "-Inf"
	}
	return strconv.FormatFloat(x, 'g', -1, 64)
}
