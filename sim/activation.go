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

// Relative draws the step's order as Next does, with the same draws, but
// returns it relative to the previous step's: the agent that Next would
// put j-th is the one that stood Relative()[j]-th in the previous order
// (in the first step, agent Relative()[j]). A model that keeps its agents
// laid out in the order of activation, so that turns read them one after
// the other in memory, gathers them with it. Use Next or Relative on one
// Activation, not both.
func (a *Activation) Relative() []int32 {
	for i := range a.order {
		a.order[i] = int32(i)
	}
	return a.Next()
}
