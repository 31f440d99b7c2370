package plots

import (
	"math"
	"strconv"
	"strings"

	"gonum.org/v1/plot"
)

// plainTicks are gonum/plot's default ticks with labels in plain decimal
// form, no longer than the tick spacing calls for: "5000", not "5000.00",
// and "0.15", not "0.15000000000000002" (the tick values are sums of
// binary fractions and carry their rounding error).
type plainTicks struct{}

// Ticks implements plot.Ticker.
func (plainTicks) Ticks(min, max float64) []plot.Tick {
	ts := plot.DefaultTicks{}.Ticks(min, max)
	step := math.Inf(1)
	prev := math.NaN()
	for _, t := range ts {
		if t.Label == "" {
			continue
		}
		if !math.IsNaN(prev) && t.Value-prev > 0 {
			step = math.Min(step, t.Value-prev)
		}
		prev = t.Value
	}
	if math.IsInf(step, 1) {
		// One labelled tick: its own magnitude sets the precision.
		step = math.Abs(prev)
		if !(step > 0) {
			step = 1
		}
	}
	for i := range ts {
		if ts[i].Label != "" {
			ts[i].Label = tickLabel(ts[i].Value, step)
		}
	}
	return ts
}

// tickLabel formats v, one of ticks step apart, in decimal with two digits
// beyond the step's leading digit, then drops trailing zeros: the label
// reads as the round number the ticker meant.
func tickLabel(v, step float64) string {
	if math.Abs(v) < step*1e-9 {
		v = 0 // a zero reached by adding steps, or -0
	}
	prec := 2 - int(math.Floor(math.Log10(step)))
	prec = max(0, min(prec, 15))
	s := strconv.FormatFloat(v, 'f', prec, 64)
	if strings.Contains(s, ".") {
		s = strings.TrimSuffix(strings.TrimRight(s, "0"), ".")
	}
	return s
}
