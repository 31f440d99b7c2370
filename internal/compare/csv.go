package compare

import (
	"encoding/csv"
	"fmt"
	"io"
	"math"
	"strconv"
)

// WriteCSV writes r as compare.csv: one row per estimate, with columns
//
//	scenario, against, quantity, estimate, lo90, hi90, n
//
// Quantities: "value" (the compared statistic: median and 90% interval
// over replicates), "mean" (its mean), "difference" (paired B_i − A_i:
// median and 90% interval), "unpaired_difference" (the same for
// independent replicates), "change_per_replicate" (B_i/A_i − 1: median and
// 90% interval over replicates, the spread of outcomes),
// "relative_change" (mean(B)/mean(A) − 1 and its bootstrap 90% interval,
// the precision of the mean effect), "p_below" (share of replicates with B_i < A_i,
// ties half), "pairing_factor" (var(A)+var(B) over var(B−A)), one
// "signature:<name>" row per signature (median and 90% interval), and with
// model choice "posterior" and "accepted". Undefined or infinite numbers
// are written as NaN, +Inf or -Inf; empty cells do not apply.
func (r *Result) WriteCSV(w io.Writer) error {
	cw := csv.NewWriter(w)
	rows := [][]string{{"scenario", "against", "quantity", "estimate", "lo90", "hi90", "n"}}
	row := func(arm, against, q string, est, lo, hi float64, n int) {
		rows = append(rows, []string{arm, against, q, num(est), num(lo), num(hi), strconv.Itoa(n)})
	}
	// point writes an estimate without an interval (empty lo90, hi90).
	point := func(arm, against, q string, est float64, n int) {
		rows = append(rows, []string{arm, against, q, num(est), "", "", strconv.Itoa(n)})
	}
	for k, a := range r.Arms {
		row(a.Name, "", "value", a.Dist.Median, a.Dist.P05, a.Dist.P95, a.Dist.N)
		point(a.Name, "", "mean", a.Dist.Mean, a.Dist.N)
		if p := a.Versus; p != nil {
			ag := r.Arms[0].Name
			row(a.Name, ag, "difference", p.Diff.Median, p.Diff.P05, p.Diff.P95, p.Diff.N)
			row(a.Name, ag, "unpaired_difference", p.Unpaired.Median, p.Unpaired.P05, p.Unpaired.P95, p.Unpaired.N)
			row(a.Name, ag, "change_per_replicate", p.Change.Median, p.Change.P05, p.Change.P95, p.Change.N)
			row(a.Name, ag, "relative_change", p.Rel, p.RelP05, p.RelP95, p.Diff.N)
			point(a.Name, ag, "p_below", p.PBelow, p.Diff.N)
			point(a.Name, ag, "pairing_factor", p.Factor, p.Diff.N)
		}
		for s, d := range a.Signatures {
			row(a.Name, "", "signature:"+r.Signatures[s], d.Median, d.P05, d.P95, d.N)
		}
		if c := r.Choice; c != nil {
			point(a.Name, "", "posterior", c.Posterior[k], r.Replicates)
			point(a.Name, "", "accepted", float64(c.Accepted[k]), r.Replicates)
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
