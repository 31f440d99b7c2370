package sweep

import (
	"math/rand/v2"

	"gonum.org/v1/gonum/mat"
	"gonum.org/v1/gonum/stat/distmv"
	"gonum.org/v1/gonum/stat/samplemv"
)

// lhsUnit returns an n-point Latin hypercube in [0, 1]^k (gonum's
// samplemv.LatinHypercube): each axis split into n equal bins, one point
// per bin, bins paired at random.
func lhsUnit(k, n int, rng *rand.Rand) [][]float64 {
	m := mat.NewDense(n, k, nil)
	samplemv.LatinHypercube{Q: distmv.NewUnitUniform(k, nil), Src: rng}.Sample(m)
	out := make([][]float64, n)
	for i := range out {
		out[i] = append([]float64(nil), m.RawRowView(i)...)
	}
	return out
}
