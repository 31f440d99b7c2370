package powerlaw

import (
	"math"
	"math/rand/v2"
)

// samplePowerLaw draws n values from the discrete power law with exponent
// alpha on x ≥ xmin, exactly, by inversion of its CCDF: for u uniform on
// (0, 1] it returns the x with CCDF(x) ≥ u > CCDF(x+1). The starting guess
// is CSN's continuous approximation (Appendix D, eq. D.6),
// x = ⌊(xmin − 1/2)·u^(−1/(α−1)) + 1/2⌋, which is then corrected by
// stepping with the exact CCDF (Fit.CCDF, itself under test).
func samplePowerLaw(r *rand.Rand, alpha float64, xmin int64, n int) []int64 {
	f := Fit{Alpha: alpha, XMin: xmin}
	out := make([]int64, n)
	for i := range out {
		u := 1 - r.Float64() // (0, 1]
		x := int64(math.Floor((float64(xmin)-0.5)*math.Pow(u, -1/(alpha-1)) + 0.5))
		x = max(x, xmin)
		for x > xmin && f.CCDF(float64(x)) < u {
			x--
		}
		for f.CCDF(float64(x+1)) >= u {
			x++
		}
		out[i] = x
	}
	return out
}
