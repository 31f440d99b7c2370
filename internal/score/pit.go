package score

// PIT returns the probability integral transform of y under p: F(y) for
// a continuous predictive (an observation error s.d. > 0), and for a
// discrete one the randomised value F(y-) + u (F(y) - F(y-)), with u a
// uniform draw in [0, 1) the caller supplies from a seeded source (Czado,
// Gneiting and Held 2009). Under a calibrated predictive it is uniform on
// [0, 1]; values near 0 or 1 say the observation lies in a tail.
func (p *Predictive) PIT(y, u float64) float64 {
	hi := p.CDF(y)
	if p.SD > 0 {
		return hi
	}
	lo := p.below(y)
	return lo + u*(hi-lo)
}

// PITRange returns F(y-) and F(y): the interval a discrete predictive's
// randomised PIT is drawn from (equal when the predictive is continuous).
func (p *Predictive) PITRange(y float64) (lo, hi float64) {
	return p.below(y), p.CDF(y)
}
