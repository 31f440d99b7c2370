package sweep

import "math/rand/v2"

// morrisUnit returns r Morris (1991) trajectories in [0, 1]^k on a grid
// of p levels {0, 1/(p-1), ..., 1} with step Delta = p/(2(p-1)). Each
// trajectory has k+1 points: a random base point, then one factor at a
// time, in random order, moved by +Delta or -Delta, so that consecutive
// points differ in exactly one coordinate. Trajectory t occupies rows
// t*(k+1) .. t*(k+1)+k.
func morrisUnit(k, r, p int, rng *rand.Rand) [][]float64 {
	delta := MorrisDelta(p)
	// Base levels l with l + Delta <= 1: the first p/2 levels.
	nbase := p / 2
	out := make([][]float64, 0, r*(k+1))
	for range r {
		x := make([]float64, k)
		dir := make([]float64, k)
		for i := range x {
			lo := float64(rng.IntN(nbase)) / float64(p-1)
			if rng.IntN(2) == 0 {
				x[i], dir[i] = lo, delta
			} else {
				x[i], dir[i] = lo+delta, -delta
			}
		}
		out = append(out, append([]float64(nil), x...))
		for _, i := range rng.Perm(k) {
			x[i] += dir[i]
			out = append(out, append([]float64(nil), x...))
		}
	}
	return out
}

// MorrisDelta returns the step p/(2(p-1)) of a p-level Morris grid.
func MorrisDelta(p int) float64 { return float64(p) / (2 * float64(p-1)) }
