package powerlaw

import (
	"math/rand/v2"
	"testing"
)

// BenchmarkFitTerrorism fits the 9,101 attack severities of CSN (2009).
func BenchmarkFitTerrorism(b *testing.B) {
	data := readTerrorism(b)
	for b.Loop() {
		if _, err := FitDiscrete(data); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkFitSynthetic fits 10,000 exact power-law samples (α = 2.5,
// x_min = 5), which have 172 distinct values.
func BenchmarkFitSynthetic(b *testing.B) {
	data := samplePowerLaw(rand.New(rand.NewPCG(1, 0x706c)), 2.5, 5, 10000)
	for b.Loop() {
		if _, err := FitDiscrete(data); err != nil {
			b.Fatal(err)
		}
	}
}
