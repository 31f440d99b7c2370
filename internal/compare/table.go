package compare

import (
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/insurgo/insurgo/sim"
)

// WriteTable writes r as tables for people to read.
func (r *Result) WriteTable(w io.Writer) error {
	ew := &errWriter{w: w}
	win := r.Window
	fmt.Fprintf(ew, "%s %s in %s, %s; %d replicates per scenario, seed %d (common random numbers)\n\n",
		statName(win), win.Metric, win.Scope, span(win), r.Replicates, r.Seed)
	tw := tabwriter.NewWriter(ew, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "scenario\tmedian\t90% interval\tmean")
	for _, a := range r.Arms {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", a.Name, fmtNum(a.Dist.Median), interval(a.Dist.P05, a.Dist.P95), fmtNum(a.Dist.Mean))
	}
	tw.Flush()
	if len(r.Arms) > 1 {
		base := r.Arms[0].Name
		fmt.Fprintf(ew, "\nagainst %s, replicate by replicate:\n", base)
		tw = tabwriter.NewWriter(ew, 0, 0, 2, ' ', 0)
		fmt.Fprintln(tw, "scenario\tdifference (90%)\tunpaired 90%\tchange per replicate (90%)\tchange of means (90% CI)\tP(below)\tpairing helped by")
		for _, a := range r.Arms[1:] {
			p := a.Versus
			fmt.Fprintf(tw, "%s\t%s %s\t%s\t%s %s\t%s %s\t%.3f\t%s\n", a.Name,
				fmtNum(p.Diff.Median), interval(p.Diff.P05, p.Diff.P95),
				interval(p.Unpaired.P05, p.Unpaired.P95),
				pct(p.Change.Median), "["+pct(p.Change.P05)+", "+pct(p.Change.P95)+"]",
				pct(p.Rel), "["+pct(p.RelP05)+", "+pct(p.RelP95)+"]",
				p.PBelow, factor(p.Factor))
		}
		tw.Flush()
		fmt.Fprintln(ew, "(change per replicate: B_i/A_i − 1, its interval the spread of simulated outcomes; change of means:")
		fmt.Fprintln(ew, " mean(B)/mean(A) − 1, its interval the Monte Carlo precision of that mean effect, by bootstrap)")
	}
	for m, w := range r.More {
		fmt.Fprintf(ew, "\n%s %s in %s, %s:\n", statName(w), w.Metric, w.Scope, span(w))
		tw = tabwriter.NewWriter(ew, 0, 0, 2, ' ', 0)
		fmt.Fprintf(tw, "scenario\tmedian\t90%% interval\tmean\tchange of means vs %s (90%% CI)\tdifference (90%%)\tP(below)\n", r.Arms[0].Name)
		for _, a := range r.Arms {
			c := a.More[m]
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s", a.Name, fmtNum(c.Dist.Median), interval(c.Dist.P05, c.Dist.P95), fmtNum(c.Dist.Mean))
			if p := c.Versus; p != nil {
				fmt.Fprintf(tw, "\t%s %s\t%s %s\t%.3f\n", pct(p.Rel), "["+pct(p.RelP05)+", "+pct(p.RelP95)+"]",
					fmtNum(p.Diff.Median), interval(p.Diff.P05, p.Diff.P95), p.PBelow)
			} else {
				fmt.Fprint(tw, "\t\t\t\n")
			}
		}
		tw.Flush()
	}
	if len(r.Signatures) > 0 {
		fmt.Fprintf(ew, "\nsignatures (median [90%% interval] over replicates):\n")
		tw = tabwriter.NewWriter(ew, 0, 0, 2, ' ', 0)
		fmt.Fprint(tw, "signature")
		for _, a := range r.Arms {
			fmt.Fprintf(tw, "\t%s", a.Name)
		}
		fmt.Fprintln(tw)
		for s, name := range r.Signatures {
			fmt.Fprint(tw, name)
			for _, a := range r.Arms {
				fmt.Fprintf(tw, "\t%s", sigCell(a.Signatures[s]))
			}
			fmt.Fprintln(tw)
		}
		tw.Flush()
	}
	if c := r.Choice; c != nil {
		what := "observed figures"
		if r.SyntheticFrom != "" {
			what = "synthetic figures from one replicate of " + r.SyntheticFrom
		}
		fmt.Fprintf(ew, "\nwhich scenario fits the %s? rejection ABC over %d targets, tolerance = %g quantile of all distances (%s)\n",
			what, len(r.Targets)-len(c.Dropped), c.Quantile, fmtNum(c.Tolerance))
		if len(r.Ignored) > 0 {
			fmt.Fprintf(ew, "ignored (not carried alike by every scenario): %s\n", strings.Join(r.Ignored, ", "))
		}
		if len(r.Checks) > 0 {
			fmt.Fprintf(ew, "checks (scenario inputs, not used): %s\n", strings.Join(r.Checks, ", "))
		}
		for _, j := range c.Dropped {
			fmt.Fprintf(ew, "dropped (no spread across replicates): %s\n", r.Targets[j].Window.Name)
		}
		tw = tabwriter.NewWriter(ew, 0, 0, 2, ' ', 0)
		fmt.Fprint(tw, "scenario\taccepted\tposterior\t")
		for _, s := range c.Sensitivity {
			fmt.Fprintf(tw, "at %g\t", s.Quantile)
		}
		fmt.Fprintln(tw, "median distance")
		for k, a := range r.Arms {
			fmt.Fprintf(tw, "%s\t%d/%d\t%.3f\t", a.Name, c.Accepted[k], len(a.Values), c.Posterior[k])
			for _, s := range c.Sensitivity {
				fmt.Fprintf(tw, "%.3f\t", s.Posterior[k])
			}
			fmt.Fprintf(tw, "%s\n", fmtNum(c.Distance[k].Median))
		}
		tw.Flush()
	}
	return ew.err
}

// statName names w's statistic for a table's heading.
func statName(w sim.Window) string {
	switch w.Statistic {
	case "mean_per_month":
		if wholeRun(w) {
			return "mean per recorded step of"
		}
		return "mean per month of"
	case "end_value":
		return "end value of"
	case "distinct_regions":
		return "distinct regions with"
	}
	return w.Statistic + " of"
}

// wholeRun reports whether w has no months: it spans the whole of a run
// counted in steps (a civil model's).
func wholeRun(w sim.Window) bool { return w.From.IsZero() && w.To.IsZero() }

// span names w's months, FROM..TO, or "whole run".
func span(w sim.Window) string {
	if wholeRun(w) {
		return "whole run"
	}
	return w.From.String() + ".." + w.To.String()
}

// fmtNum formats x with about four significant digits, whole numbers
// from 1000 on.
func fmtNum(x float64) string {
	switch {
	case math.IsNaN(x):
		return "n/a"
	case math.IsInf(x, 1):
		return "never"
	case math.Abs(x) >= 1000:
		return strconv.FormatFloat(x, 'f', 0, 64)
	}
	return strconv.FormatFloat(x, 'g', 4, 64)
}

func interval(lo, hi float64) string { return "[" + fmtNum(lo) + ", " + fmtNum(hi) + "]" }

func pct(x float64) string {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return "n/a"
	}
	return fmt.Sprintf("%+.1f%%", 100*x)
}

func factor(f float64) string {
	switch {
	case math.IsInf(f, 1):
		return "exact (zero paired variance)"
	case math.IsNaN(f):
		return "n/a"
	}
	return "×" + strconv.FormatFloat(f, 'f', 1, 64)
}

func sigCell(d Dist) string {
	s := fmtNum(d.Median) + " " + interval(d.P05, d.P95)
	if d.Infinite > 0 {
		s += fmt.Sprintf(" (never in %d/%d)", d.Infinite, d.N+d.Undefined)
	}
	if d.Undefined > 0 {
		s += fmt.Sprintf(" (undefined in %d)", d.Undefined)
	}
	return s
}

// errWriter keeps the first write error.
type errWriter struct {
	w   io.Writer
	err error
}

func (e *errWriter) Write(p []byte) (int, error) {
	if e.err != nil {
		return 0, e.err
	}
	n, err := e.w.Write(p)
	e.err = err
	return n, err
}
