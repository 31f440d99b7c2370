package abc

import (
	"slices"

	"gonum.org/v1/gonum/stat"
)

// WeightedQuantile returns the weighted empirical p-quantile of x: the
// smallest x_i such that the weights of the values <= x_i sum to at least
// p of the total. x and w are not modified.
func WeightedQuantile(x, w []float64, p float64) float64 {
	idx := make([]int, len(x))
	for i := range idx {
		idx[i] = i
	}
	slices.SortStableFunc(idx, func(a, b int) int {
		switch {
		case x[a] < x[b]:
			return -1
		case x[a] > x[b]:
			return 1
		}
		return 0
	})
	xs := make([]float64, len(x))
	ws := make([]float64, len(x))
	for i, j := range idx {
		xs[i] = x[j]
		if w == nil {
			ws[i] = 1
		} else {
			ws[i] = w[j]
		}
	}
	return stat.Quantile(p, stat.Empirical, xs, ws)
}
