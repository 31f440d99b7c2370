package report

import (
	"slices"

	"github.com/insurgo/insurgo/internal/score"
)

// predictiveInterval returns the 90% interval of the simulated value
// (distinct values and their replicate counts) plus a normal observation
// error of s.d. sd: its 5% and 95% quantiles, rounded to 9 significant
// decimals. With no error it is the simulated p05 and p95 as summarised.
// A figure that cannot be negative (every simulated value is >= 0) or
// above 1 (a share) is read as censored at that bound, max(0, x) and
// min(1, x) of the simulated value plus error: quantiles commute with
// those monotone maps, so the interval is clipped there and an observed
// figure inside the bounds is covered exactly when it was before.
func predictiveInterval(values []float64, counts []int64, sd, p05, p95 float64, share bool) (lo, hi float64, err error) {
	if sd == 0 || len(values) == 0 {
		return p05, p95, nil
	}
	p, err := score.FromCounts(values, counts, sd)
	if err != nil {
		return 0, 0, err
	}
	lo, hi = round(p.Quantile(0.05)), round(p.Quantile(0.95))
	if slices.Min(values) >= 0 {
		lo, hi = max(lo, 0), max(hi, 0)
	}
	if share && slices.Max(values) <= 1 {
		lo, hi = min(lo, 1), min(hi, 1)
	}
	return lo, hi, nil
}
