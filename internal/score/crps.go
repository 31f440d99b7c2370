package score

import "math"

// CRPS returns the continuous ranked probability score of the observation
// y under p: the integral over x of (F(x) - 1{x >= y})², in the kernel
// form E|Y - y| - E|Y - Y'|/2 with Y, Y' independent draws of X + E
// (Gneiting and Raftery 2007, eq. 20). Lower is better; it has the units
// of y, and for a point forecast it is the absolute error.
//
// Without observation error the predictive is the weighted empirical
// distribution and both expectations are exact sums (the pair term in
// O(n) over the sorted values). With error s.d. s, X + E is a mixture of
// normals N(v_i, s²) and both terms are sums of A(mu, sigma) = E|N(mu,
// sigma²)| = mu(2Φ(mu/sigma) - 1) + 2 sigma φ(mu/sigma), with sigma = s
// for the first and s√2 for the pair term (Grimit et al. 2006); the pair
// term is O(n²) in the number of distinct values.
func (p *Predictive) CRPS(y float64) float64 {
	if p.SD == 0 {
		var first, pair, cum float64
		for i, v := range p.Values {
			w := p.Weights[i]
			first += w * math.Abs(v-y)
			// E|X-X'| = Σ_i w_i v_i (2 C_{i-1} + w_i - 1) * 2 over sorted
			// values, where C_{i-1} is the weight below v_i.
			pair += w * v * (2*cum + w - 1)
			cum += w
		}
		return first - pair
	}
	s := p.SD
	var first, pair float64
	for i, v := range p.Values {
		w := p.Weights[i]
		first += w * absNormMean(v-y, s)
		// Pairs (i, j) and (j, i) for j > i, and (i, i).
		pair += w * w * absNormMean(0, math.Sqrt2*s) / 2
		for j := i + 1; j < len(p.Values); j++ {
			pair += w * p.Weights[j] * absNormMean(v-p.Values[j], math.Sqrt2*s)
		}
	}
	return first - pair
}

// absNormMean returns E|Z| for Z ~ N(mu, sigma²), sigma > 0.
func absNormMean(mu, sigma float64) float64 {
	z := mu / sigma
	return mu*(2*normCDF(z)-1) + 2*sigma*normPDF(z)
}

// NormalCRPS returns the CRPS of y under N(mu, sigma²), sigma > 0, in
// closed form: sigma (z(2Φ(z) - 1) + 2φ(z) - 1/√π) with z = (y - mu)/sigma
// (Gneiting and Raftery 2007, eq. 21).
func NormalCRPS(mu, sigma, y float64) float64 {
	z := (y - mu) / sigma
	return sigma * (z*(2*normCDF(z)-1) + 2*normPDF(z) - 1/math.Sqrt(math.Pi))
}
