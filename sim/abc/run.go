package abc

import (
	"context"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"sync"
	"sync/atomic"
)

// Run runs ABC-SMC (Toni et al. 2009; Beaumont et al. 2009) with model
// choice (Toni & Stumpf 2010), an adaptive distance (Prangle 2017) and
// tolerances set as a quantile of the previous population's distances
// (Del Moral, Doucet & Jasra 2012).
//
// prev holds generations already completed (loaded from disk on resume;
// nil to start). After each newly completed generation onGen (if not nil)
// is called, and the next generation begins only after it returns; an
// error from onGen stops the run. The result depends only on cfg (without
// Workers and BatchSize), sim and prev: the same for any Workers, and a
// run resumed from the first k generations of a run equals that run.
//
// A configuration error (wrapping ErrConfig) is reported before anything
// is simulated, with a nil Result; on any later error the returned Result
// holds the generations completed so far.
func Run(ctx context.Context, cfg Config, sim Simulator, prev []Generation, onGen func(Generation) error) (*Result, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	if sim == nil {
		return nil, fmt.Errorf("%w: no simulator", ErrConfig)
	}
	cfg = cfg.withDefaults()
	for i, g := range prev {
		if err := g.check(cfg, i); err != nil {
			return nil, fmt.Errorf("%w: resume: %v", ErrConfig, err)
		}
	}
	res := &Result{Generations: append([]Generation(nil), prev...)}
	if len(prev) > 0 {
		if stop := cfg.stopAfter(res.Generations); stop != "" {
			res.Stop = stop
			return res, nil
		}
	}
	for {
		g, stop, err := runGeneration(ctx, cfg, sim, res.Generations)
		if err != nil {
			return res, err
		}
		if stop != "" {
			res.Stop = stop
			return res, nil
		}
		res.Generations = append(res.Generations, g)
		if onGen != nil {
			if err := onGen(g); err != nil {
				return res, err
			}
		}
		if stop := cfg.stopAfter(res.Generations); stop != "" {
			res.Stop = stop
			return res, nil
		}
	}
}

// stopAfter returns the reason to stop after the given generations, or "".
func (cfg Config) stopAfter(gens []Generation) string {
	last := gens[len(gens)-1]
	switch {
	case cfg.FinalEpsilon > 0 && last.Epsilon <= cfg.FinalEpsilon:
		return StopFinalEpsilon
	case len(gens) >= cfg.MaxGenerations:
		return StopMaxGenerations
	case cfg.Budget > 0 && cfg.Budget-totalSimulations(gens) < cfg.Population:
		return StopBudget
	case cfg.MinAcceptance > 0 && last.AcceptanceRate < cfg.MinAcceptance:
		return StopMinAcceptance
	}
	return ""
}

// proposal is one simulated proposal.
type proposal struct {
	idx   int
	model int
	theta []float64
	stats []float64
	err   error
	dist  float64 // distance under the generation's scales (+Inf if not finite)
	ok    bool    // accepted (if it falls within the population)
	logw  float64 // unnormalised log importance weight, if ok
}

// generation holds what proposals of one generation are drawn from.
type generation struct {
	cfg       Config
	index     int
	seed      uint64
	nstat     int
	alive     []int     // models with particles in the previous generation
	probs     []float64 // previous model probabilities of the alive models
	kernels   []*kernel // per model (nil if dead), from generation 1
	priorM    []float64 // normalised prior model probabilities of the alive models (generation 0)
	priorMAll []float64 // normalised prior model probabilities of all models
	qm        []float64 // model proposal probabilities q(m) (after generation 0)
}

// maxProposalTries bounds the redraws of a proposal that fell outside the
// prior's support.
const maxProposalTries = 100000

// propose draws proposal k from its own stream: from the prior in
// generation 0, else a model by the previous model probabilities and the
// model kernel, a particle of that model by weight, and its perturbation;
// all of it is redrawn while the result lies outside the prior's support.
func (g *generation) propose(k int) (int, []float64, error) {
	r := proposalRand(g.seed, k)
	for range maxProposalTries {
		var m int
		if g.index == 0 {
			m = g.alive[pick(r, g.priorM)]
		} else {
			a := pick(r, g.probs)
			if len(g.alive) > 1 && r.Float64() >= g.cfg.ModelStay {
				o := r.IntN(len(g.alive) - 1)
				if o >= a {
					o++
				}
				a = o
			}
			m = g.alive[a]
		}
		params := g.cfg.Models[m].Params
		theta := make([]float64, len(params))
		if g.index == 0 {
			for i, p := range params {
				x, ok := p.draw(r)
				if !ok {
					return 0, nil, fmt.Errorf("%w: %s: could not draw an integer inside %s", ErrConfig, p.Name, p.Prior)
				}
				theta[i] = x
			}
			return m, theta, nil
		}
		g.kernels[m].sample(r, theta)
		if !math.IsInf(logPrior(params, theta), -1) {
			return m, theta, nil
		}
	}
	return 0, nil, fmt.Errorf("generation %d proposal %d: no perturbation inside the prior's support in %d tries", g.index, k, maxProposalTries)
}

// pick draws an index with probability proportional to w.
func pick(r *rand.Rand, w []float64) int {
	total := 0.0
	for _, x := range w {
		total += x
	}
	u := r.Float64() * total
	for i, x := range w {
		if u < x {
			return i
		}
		u -= x
	}
	for i := len(w) - 1; i >= 0; i-- {
		if w[i] > 0 {
			return i
		}
	}
	return len(w) - 1
}

func logPrior(params []Param, theta []float64) float64 {
	s := 0.0
	for i, p := range params {
		s += p.logPrior(theta[i])
	}
	return s
}

// runGeneration runs the generation after gens. A non-empty stop means
// it was abandoned (budget or minimum acceptance).
func runGeneration(ctx context.Context, cfg Config, simulate Simulator, gens []Generation) (Generation, string, error) {
	t := len(gens)
	g := &generation{cfg: cfg, index: t, seed: generationSeed(cfg.Seed, t), nstat: len(cfg.Observed)}
	priorM := make([]float64, len(cfg.Models))
	sumM := 0.0
	for _, m := range cfg.Models {
		sumM += m.Prior
	}
	for i, m := range cfg.Models {
		priorM[i] = m.Prior / sumM
	}
	var scales []float64
	epsilon := math.Inf(1)
	if t == 0 {
		for m, p := range priorM {
			if p > 0 {
				g.alive = append(g.alive, m)
				g.priorM = append(g.priorM, p)
			}
		}
	} else {
		prev := gens[t-1]
		scales = prev.NextScales
		d := make([]float64, len(prev.Particles))
		w := make([]float64, len(prev.Particles))
		for i, p := range prev.Particles {
			d[i] = Distance(p.Stats, cfg.Observed, scales)
			w[i] = p.Weight
		}
		epsilon = WeightedQuantile(d, w, cfg.Quantile)
		g.kernels = make([]*kernel, len(cfg.Models))
		for m, pm := range prev.ModelProbs {
			if !(pm > 0) {
				continue
			}
			var thetas [][]float64
			var ws []float64
			var local []bool
			for i, p := range prev.Particles {
				if p.Model == m {
					thetas = append(thetas, p.Theta)
					ws = append(ws, p.Weight/pm)
					local = append(local, d[i] <= epsilon)
				}
			}
			g.alive = append(g.alive, m)
			g.probs = append(g.probs, pm)
			g.kernels[m] = newKernel(cfg.Models[m].Params, thetas, ws, cfg.Kernel == KernelOLCM, local)
		}
		g.qm = g.modelProposal()
	}
	g.priorMAll = priorM

	// Proposals are claimed by index; acceptance is decided in index order.
	n := cfg.Population
	limit := math.MaxInt
	stopReason := ""
	if cfg.MinAcceptance > 0 {
		if c := float64(n) / cfg.MinAcceptance; c < float64(math.MaxInt/2) {
			limit = int(c)
			stopReason = StopMinAcceptance
		}
	}
	if cfg.Budget > 0 {
		if rem := cfg.Budget - totalSimulations(gens); rem <= limit {
			limit = rem
			stopReason = StopBudget
		}
	}
	var bound atomic.Int64
	bound.Store(int64(limit))
	var claim atomic.Int64
	simCtx, cancel := context.WithCancel(ctx)
	defer cancel()
	out := make(chan *proposal, 2*cfg.Workers*cfg.BatchSize)
	var wg sync.WaitGroup
	for range cfg.Workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				start := int(claim.Add(int64(cfg.BatchSize))) - cfg.BatchSize
				for k := start; k < start+cfg.BatchSize; k++ {
					if int64(k) >= bound.Load() || simCtx.Err() != nil {
						return
					}
					p := &proposal{idx: k}
					p.model, p.theta, p.err = g.propose(k)
					if p.err == nil {
						// The simulator gets its own copy of theta, and the
						// statistics are copied, so neither side can change
						// the other's values later.
						var stats []float64
						stats, p.err = simulate(simCtx, p.model, slices.Clone(p.theta), simulationSeed(g.seed, k))
						p.stats = slices.Clone(stats)
						if p.err == nil && len(p.stats) != g.nstat {
							p.err = fmt.Errorf("simulator returned %d statistics, want %d", len(p.stats), g.nstat)
						}
					}
					if p.err == nil {
						g.judge(p, scales, epsilon)
					}
					out <- p
				}
			}
		}()
	}
	go func() { wg.Wait(); close(out) }()

	var (
		pending  []*proposal // pending[i] is proposal next+i
		next     int
		accepted []*proposal
		dists    []float64
		allStats [][]float64
		firstErr error
		done     bool
	)
	for p := range out {
		if done || firstErr != nil || p.idx < next {
			continue
		}
		for len(pending) <= p.idx-next {
			pending = append(pending, nil)
		}
		pending[p.idx-next] = p
		for len(pending) > 0 && pending[0] != nil && !done && firstErr == nil {
			q := pending[0]
			pending = pending[1:]
			next++
			if q.err != nil {
				firstErr = fmt.Errorf("generation %d, proposal %d: %w", t, q.idx, q.err)
				bound.Store(int64(q.idx))
				break
			}
			allStats = append(allStats, q.stats)
			if q.ok {
				accepted = append(accepted, q)
				dists = append(dists, q.dist)
				if len(accepted) == n {
					done = true
					bound.Store(int64(q.idx + 1))
					cancel()
				}
			}
		}
	}
	if !done {
		if err := ctx.Err(); err != nil {
			return Generation{}, "", err
		}
		if firstErr != nil {
			return Generation{}, "", firstErr
		}
		return Generation{}, stopReason, nil
	}
	// A simulator may have failed on a cancelled context after the
	// population filled; those proposals lie beyond it and are ignored.
	if err := ctx.Err(); err != nil {
		return Generation{}, "", err
	}

	gen := Generation{Index: t, Simulations: next}
	if t == 0 {
		scales = Scales(allStats, cfg.Observed, cfg.ObsSD, nil)
		gen.NextScales = scales
		epsilon = 0
		for i, q := range accepted {
			dists[i] = Distance(q.stats, cfg.Observed, scales)
			epsilon = math.Max(epsilon, dists[i])
		}
	} else {
		gen.NextScales = Scales(allStats, cfg.Observed, cfg.ObsSD, scales)
	}
	gen.Scales = scales
	gen.Epsilon = epsilon
	gen.AcceptanceRate = float64(n) / float64(next)
	w, err := g.weights(accepted)
	if err != nil {
		return Generation{}, "", err
	}
	gen.Particles = make([]Particle, n)
	gen.ModelProbs = make([]float64, len(cfg.Models))
	for i, q := range accepted {
		gen.Particles[i] = Particle{Model: q.model, Theta: q.theta, Weight: w[i], Distance: dists[i], Stats: q.stats}
		gen.ModelProbs[q.model] += w[i]
	}
	gen.ESS = ESS(w)
	return gen, "", nil
}

// judge computes a proposal's distance and whether it is accepted, and
// for an accepted proposal after generation 0 its unnormalised log weight
//
//	log w = log π(m) + log π(θ|m) - log q(m) - log Σ_j w_j K_m(θ | θ_j),
//
// with q(m) = Σ_m' p(m') KM(m|m') (see weights). It runs in the worker
// that simulated the proposal, so the O(N²) kernel sums of a generation
// are spread over the workers and overlap the simulations.
func (g *generation) judge(p *proposal, scales []float64, epsilon float64) {
	if g.index == 0 {
		// Accept everything finite; distances wait for the scales.
		p.dist = Distance(p.stats, g.cfg.Observed, onesLike(p.stats))
		p.ok = !math.IsInf(p.dist, 1)
		return
	}
	p.dist = Distance(p.stats, g.cfg.Observed, scales)
	p.ok = p.dist <= epsilon
	if p.ok {
		params := g.cfg.Models[p.model].Params
		p.logw = math.Log(g.priorMAll[p.model]) + logPrior(params, p.theta) -
			math.Log(g.qm[p.model]) - g.kernels[p.model].logDensity(p.theta)
	}
}

func onesLike(x []float64) []float64 {
	o := make([]float64, len(x))
	for i := range o {
		o[i] = 1
	}
	return o
}

// weights returns the normalised importance weights of the accepted
// proposals: 1/N in generation 0 (drawn from the prior); afterwards
//
//	w ∝ π(m) π(θ|m) / ( Σ_m' p(m') KM(m|m') · Σ_j w_j K_m(θ | θ_j) ),
//
// with p the previous model probabilities, KM the model perturbation
// kernel (stay with probability ModelStay, else move uniformly to another
// alive model) and Σ_j over model m's previous particles with weights
// renormalised within the model (Toni & Stumpf 2010). The unnormalised
// log weights come from judge.
func (g *generation) weights(acc []*proposal) ([]float64, error) {
	n := len(acc)
	w := make([]float64, n)
	if g.index == 0 {
		for i := range w {
			w[i] = 1 / float64(n)
		}
		return w, nil
	}
	hi := math.Inf(-1)
	for _, q := range acc {
		hi = math.Max(hi, q.logw)
	}
	if math.IsInf(hi, 0) || math.IsNaN(hi) {
		return nil, errors.New("importance weights are not finite")
	}
	sum := 0.0
	for i, q := range acc {
		w[i] = math.Exp(q.logw - hi)
		sum += w[i]
	}
	for i := range w {
		w[i] /= sum
	}
	return w, nil
}

// modelProposal returns q(m) = Σ_m' p(m') KM(m|m') for every model.
func (g *generation) modelProposal() []float64 {
	qm := make([]float64, len(g.cfg.Models))
	na := len(g.alive)
	for a, m := range g.alive {
		for b := range g.alive {
			km := 1.0
			if na > 1 {
				if a == b {
					km = g.cfg.ModelStay
				} else {
					km = (1 - g.cfg.ModelStay) / float64(na-1)
				}
			}
			qm[m] += g.probs[b] * km
		}
	}
	return qm
}
