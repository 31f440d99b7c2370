package abc

import (
	"context"
	"math"

	"github.com/insurgo/insurgo/sim"
)

// normalMeanSim simulates the mean of n draws of N(theta[0], sigma²):
// a single draw of N(theta, sigma²/n).
func normalMeanSim(sigma float64, n int) Simulator {
	return func(_ context.Context, _ int, theta []float64, seed uint64) ([]float64, error) {
		r := sim.NewStreams(seed, 0).Get("toy")
		return []float64{theta[0] + sigma/math.Sqrt(float64(n))*r.NormFloat64()}, nil
	}
}

// weightedMeanSD returns the weighted mean and s.d. of parameter i.
func weightedMeanSD(g Generation, i int) (float64, float64) {
	m, v := 0.0, 0.0
	for _, p := range g.Particles {
		m += p.Weight * p.Theta[i]
	}
	for _, p := range g.Particles {
		d := p.Theta[i] - m
		v += p.Weight * d * d
	}
	return m, math.Sqrt(v)
}
