package abc

import (
	"math"
	"math/rand/v2"
)

// intNorm is the prior mass of the integers inside an integer setting's
// support: the normaliser of its rounded prior.
func intNorm(p Prior) float64 {
	lo, hi := p.Support()
	return p.CDF(math.Floor(hi)+0.5) - p.CDF(math.Ceil(lo)-0.5)
}

// maxPriorTries bounds the redraws of an integer setting whose rounded
// draw fell outside the support.
const maxPriorTries = 10000

// draw returns one value of the setting from its prior: the prior draw,
// or for an integer setting the rounded draw conditioned on lying in the
// support. ok is false if no draw landed inside within maxPriorTries.
func (p Param) draw(r *rand.Rand) (x float64, ok bool) {
	if !p.Integer {
		return p.Prior.Rand(r), true
	}
	lo, hi := p.Prior.Support()
	lo, hi = math.Ceil(lo), math.Floor(hi)
	for range maxPriorTries {
		x = math.Round(p.Prior.Rand(r))
		if x >= lo && x <= hi {
			return x, true
		}
	}
	return 0, false
}

// logPrior is the log prior density (mass, for an integer setting) at x.
func (p Param) logPrior(x float64) float64 {
	if !p.Integer {
		return p.Prior.LogProb(x)
	}
	lo, hi := p.Prior.Support()
	if x != math.Round(x) || x < math.Ceil(lo) || x > math.Floor(hi) {
		return math.Inf(-1)
	}
	return math.Log((p.Prior.CDF(x+0.5) - p.Prior.CDF(x-0.5)) / intNorm(p.Prior))
}
