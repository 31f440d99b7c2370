package report

import "github.com/insurgo/insurgo/internal/score"

// predictiveInterval returns the 90% interval of the simulated value
// (distinct values and their replicate counts) plus a normal observation
// error of s.d. sd: its 5% and 95% quantiles, rounded to 9 significant
// decimals. With no error it is the simulated p05 and p95 as summarised.
func predictiveInterval(values []float64, counts []int64, sd, p05, p95 float64) (lo, hi float64, err error) {
	if sd == 0 || len(values) == 0 {
		return p05, p95, nil
	}
	p, err := score.FromCounts(values, counts, sd)
	if err != nil {
		return 0, 0, err
	}
	return round(p.Quantile(0.05)), round(p.Quantile(0.95)), nil
}
