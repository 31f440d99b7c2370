package sweep

import "math/rand/v2"

// saltelliUnit returns the Saltelli (2010) sample for first-order and
// total Sobol' indices of k parameters from N base samples: two
// independent N×k uniform matrices A and B, and for each parameter i the
// matrix A_B^i, A with column i taken from B. Rows are grouped by base
// sample j, in blocks of k+2:
//
//	j*(k+2)+0    A_j
//	j*(k+2)+1    B_j
//	j*(k+2)+2+i  (A_B^i)_j
//
// so a contiguous range of whole blocks is a self-contained part of the
// sample (shards split at block boundaries lose nothing).
func saltelliUnit(k, n int, rng *rand.Rand) [][]float64 {
	out := make([][]float64, 0, n*(k+2))
	for range n {
		a := make([]float64, k)
		b := make([]float64, k)
		for i := range a {
			a[i] = rng.Float64()
		}
		for i := range b {
			b[i] = rng.Float64()
		}
		out = append(out, a, b)
		for i := range k {
			ab := append([]float64(nil), a...)
			ab[i] = b[i]
			out = append(out, ab)
		}
	}
	return out
}

// SobolBlock returns the number of design points per Saltelli base sample
// for k parameters (k+2).
func SobolBlock(k int) int { return k + 2 }
