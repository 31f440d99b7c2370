package compare_test

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/insurgo/insurgo/internal/compare"
)

func BenchmarkPair(b *testing.B) {
	for _, n := range []int{100, 1000, 10000} {
		rng := rand.New(rand.NewPCG(1, 2))
		x, y := make([]float64, n), make([]float64, n)
		for i := range x {
			x[i] = float64(rng.IntN(300))
			y[i] = x[i] - float64(rng.IntN(30))
		}
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			for b.Loop() {
				if _, err := compare.Pair(x, y, 1); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkChoose(b *testing.B) {
	for _, n := range []int{100, 1000, 10000} {
		rng := rand.New(rand.NewPCG(1, 2))
		sims := make([][][]float64, 3)
		for k := range sims {
			sims[k] = make([][]float64, n)
			for i := range sims[k] {
				sims[k][i] = make([]float64, 12)
				for j := range sims[k][i] {
					sims[k][i][j] = float64(rng.IntN(100 + 50*k))
				}
			}
		}
		obs := sims[0][0]
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			for b.Loop() {
				if _, err := compare.Choose(sims, obs, 0.1); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
