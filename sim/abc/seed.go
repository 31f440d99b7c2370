package abc

import (
	"math/rand/v2"

	"github.com/insurgo/insurgo/sim"
)

// generationSeed is the seed of generation g under the master seed.
func generationSeed(seed uint64, g int) uint64 {
	a, _ := sim.StreamSeed(seed, g, "abc/generation")
	return a
}

// proposalRand is the random stream that makes proposal k of a
// generation: model choice, particle choice and perturbation.
func proposalRand(genSeed uint64, k int) *rand.Rand {
	return rand.New(rand.NewPCG(sim.StreamSeed(genSeed, k, "abc/propose")))
}

// SimulationSeed returns the seed the Simulator receives for proposal k
// of generation g in a run with master seed seed. It is derived from the
// same (seed, g, k) as the proposal, through its own stream name.
func SimulationSeed(seed uint64, g, k int) uint64 {
	return simulationSeed(generationSeed(seed, g), k)
}

func simulationSeed(genSeed uint64, k int) uint64 {
	a, _ := sim.StreamSeed(genSeed, k, "abc/simulate")
	return a
}
