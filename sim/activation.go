package sim

import "math/rand/v2"

// Activation is a random activation order: the agents 0 .. n-1 visited in
// a fresh uniformly random order every step, drawn from one named stream,
// as Mesa's shuffle_do and NetLogo's ask do. It reuses one slice, so a
// step allocates nothing.
type Activation struct {
	order []int32
	rng   *rand.Rand
}

// NewActivation returns the activation order of n agents drawn from rng.
func NewActivation(n int, rng *rand.Rand) *Activation {
	a := &Activation{order: make([]int32, n), rng: rng}
	for i := range a.order {
		a.order[i] = int32(i)
	}
	return a
}

// Next shuffles the order (Fisher–Yates) and returns it. The slice is the
// Activation's own and is shuffled again by the next call.
func (a *Activation) Next() []int32 {
	o := a.order
	for i := len(o) - 1; i > 0; i-- {
		j := a.rng.IntN(i + 1)
		o[i], o[j] = o[j], o[i]
	}
	return o
}

// Shuffle puts the agents of s in a fresh uniformly random order
// (Fisher–Yates), with the same draws from rng as Activation.Next: a
// model whose agents refer to no other agent by index can keep them in a
// slice of structs, shuffle the slice itself each step and then run the
// turns in slice order, so that the turns read their agents one after the
// other in memory. The order of the agents after Shuffle is the one Next
// would give, applied to s as it stood.
func Shuffle[T any](rng *rand.Rand, s []T) {
	for i := len(s) - 1; i > 0; i-- {
		j := rng.IntN(i + 1)
		s[i], s[j] = s[j], s[i]
	}
}
