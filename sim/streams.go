package sim

import (
	"hash/fnv"
	"math/rand/v2"
)

// Streams hands out the named random streams of one replicate. Each stream
// is a PCG generator seeded by hashing (master seed, replicate, name), so a
// stream's numbers depend on nothing else: not on the model, not on the
// scenario (two scenarios run with one seed share their random numbers
// replicate by replicate), not on other streams, not on workers.
//
// A Streams is not safe for concurrent use; each replicate has its own.
type Streams struct {
	seed      uint64
	replicate int
	names     []string
	rngs      []*rand.Rand
}

// NewStreams returns the streams of the given replicate under seed.
func NewStreams(seed uint64, replicate int) *Streams {
	return &Streams{seed: seed, replicate: replicate}
}

// Replicate returns the replicate index the streams belong to.
func (s *Streams) Replicate() int { return s.replicate }

// Get returns the stream with the given name, creating it on first use.
// Calling Get twice with one name returns the same generator.
func (s *Streams) Get(name string) *rand.Rand {
	for i, n := range s.names {
		if n == name {
			return s.rngs[i]
		}
	}
	a, b := StreamSeed(s.seed, s.replicate, name)
	r := rand.New(rand.NewPCG(a, b))
	s.names = append(s.names, name)
	s.rngs = append(s.rngs, r)
	return r
}

// StreamSeed returns the two PCG seed words of stream name in a replicate:
// a SplitMix64 cascade over the master seed, the replicate index and the
// FNV-1a hash of the name.
func StreamSeed(seed uint64, replicate int, name string) (uint64, uint64) {
	h := fnv.New64a()
	h.Write([]byte(name))
	a := splitmix(seed ^ 0x6a09e667f3bcc908)
	a = splitmix(a ^ uint64(replicate))
	a = splitmix(a ^ h.Sum64())
	return a, splitmix(a ^ 0xbb67ae8584caa73b)
}

// splitmix is the SplitMix64 finalizer (Steele, Lea & Flood 2014).
func splitmix(z uint64) uint64 {
	z += 0x9e3779b97f4a7c15
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9
	z = (z ^ (z >> 27)) * 0x94d049bb133111eb
	return z ^ (z >> 31)
}
