package abc

import (
	"fmt"
	"math"
)

// Particle is one accepted proposal: a model, its parameter values, its
// normalised importance weight, its distance to the observed statistics
// (under the generation's scales) and the statistics it produced.
type Particle struct {
	Model    int       `json:"model"`
	Theta    []float64 `json:"theta"`
	Weight   float64   `json:"weight"`
	Distance float64   `json:"distance"`
	Stats    []float64 `json:"stats"`
}

// Generation is one completed population of ABC-SMC. It holds everything
// the next generation needs, so a run resumed from stored generations
// continues exactly as an uninterrupted one. Every field is finite, so a
// Generation round-trips through encoding/json exactly.
type Generation struct {
	// Index counts generations from 0 (sampled from the prior).
	Index int `json:"index"`
	// Epsilon is the tolerance: a proposal was accepted if its distance
	// was <= Epsilon. Generation 0 accepts every prior draw; its Epsilon is
	// the largest distance among them.
	Epsilon float64 `json:"epsilon"`
	// Scales are the per-statistic distance scales used in this generation
	// (adaptive distance, Prangle 2017).
	Scales []float64 `json:"scales"`
	// NextScales are the scales for the next generation, estimated from
	// every simulation this generation considered.
	NextScales []float64 `json:"next_scales"`
	// Particles is the accepted population, in acceptance (index) order.
	Particles []Particle `json:"particles"`
	// Simulations is the number of proposals simulated and considered in
	// this generation (proposals up to and including the last accepted).
	Simulations int `json:"simulations"`
	// AcceptanceRate is len(Particles) / Simulations.
	AcceptanceRate float64 `json:"acceptance_rate"`
	// ESS is the effective sample size 1/Σw² of the normalised weights.
	ESS float64 `json:"ess"`
	// ModelProbs are the posterior model probabilities after this
	// generation (the summed weights of each model's particles).
	ModelProbs []float64 `json:"model_probs"`
}

// Result is the outcome of Run.
type Result struct {
	// Generations are all completed generations, the resumed ones first.
	Generations []Generation
	// Stop says why the run stopped: StopMaxGenerations, StopBudget,
	// StopMinAcceptance or StopFinalEpsilon.
	Stop string
}

// Stop reasons reported in Result.Stop.
const (
	StopMaxGenerations = "max generations"
	StopBudget         = "budget"
	StopMinAcceptance  = "min acceptance"
	StopFinalEpsilon   = "final epsilon"
)

// Final returns the last completed generation (the posterior sample).
func (r *Result) Final() Generation {
	if len(r.Generations) == 0 {
		return Generation{}
	}
	return r.Generations[len(r.Generations)-1]
}

// Simulations returns the total number of simulations over all generations.
func (r *Result) Simulations() int { return totalSimulations(r.Generations) }

func totalSimulations(gens []Generation) int {
	n := 0
	for _, g := range gens {
		n += g.Simulations
	}
	return n
}

// ESS returns the effective sample size 1/Σw² of normalised weights w.
func ESS(w []float64) float64 {
	s := 0.0
	for _, x := range w {
		s += x * x
	}
	if s == 0 {
		return 0
	}
	return 1 / s
}

// ModelParticles returns the particles of model m in g and their weights
// renormalised to sum to 1 within the model.
func (g Generation) ModelParticles(m int) (ps []Particle, w []float64) {
	sum := 0.0
	for _, p := range g.Particles {
		if p.Model == m {
			ps = append(ps, p)
			sum += p.Weight
		}
	}
	w = make([]float64, len(ps))
	for i, p := range ps {
		w[i] = p.Weight / sum
	}
	return ps, w
}

// check verifies that a stored generation fits the configuration, so a
// resume from damaged or foreign files fails clearly.
func (g Generation) check(cfg Config, index int) error {
	nstat := len(cfg.Observed)
	switch {
	case g.Index != index:
		return fmt.Errorf("generation %d: index %d out of sequence", index, g.Index)
	case len(g.Particles) != cfg.Population:
		return fmt.Errorf("generation %d: %d particles, population is %d", index, len(g.Particles), cfg.Population)
	case len(g.Scales) != nstat || len(g.NextScales) != nstat:
		return fmt.Errorf("generation %d: scales for %d/%d statistics, want %d", index, len(g.Scales), len(g.NextScales), nstat)
	case len(g.ModelProbs) != len(cfg.Models):
		return fmt.Errorf("generation %d: %d model probabilities for %d models", index, len(g.ModelProbs), len(cfg.Models))
	case g.Simulations < len(g.Particles):
		return fmt.Errorf("generation %d: %d simulations for %d particles", index, g.Simulations, len(g.Particles))
	}
	for _, s := range g.NextScales {
		if !(s > 0) || math.IsInf(s, 0) {
			return fmt.Errorf("generation %d: scale %g is not a positive number", index, s)
		}
	}
	sum := 0.0
	for i, p := range g.Particles {
		if p.Model < 0 || p.Model >= len(cfg.Models) {
			return fmt.Errorf("generation %d particle %d: model %d out of range", index, i, p.Model)
		}
		if len(p.Theta) != len(cfg.Models[p.Model].Params) || len(p.Stats) != nstat {
			return fmt.Errorf("generation %d particle %d: %d parameters and %d statistics, want %d and %d",
				index, i, len(p.Theta), len(p.Stats), len(cfg.Models[p.Model].Params), nstat)
		}
		if !(p.Weight >= 0) || math.IsInf(p.Weight, 0) {
			return fmt.Errorf("generation %d particle %d: weight %g", index, i, p.Weight)
		}
		if math.IsInf(logPrior(cfg.Models[p.Model].Params, p.Theta), -1) {
			return fmt.Errorf("generation %d particle %d: parameters %v outside the prior", index, i, p.Theta)
		}
		if !finite(p.Distance) || !allFinite(p.Stats) {
			return fmt.Errorf("generation %d particle %d: distance or statistics not finite", index, i)
		}
		sum += p.Weight
	}
	if math.Abs(sum-1) > 1e-9 {
		return fmt.Errorf("generation %d: weights sum to %g, not 1", index, sum)
	}
	return nil
}

func allFinite(x []float64) bool {
	for _, v := range x {
		if !finite(v) {
			return false
		}
	}
	return true
}
