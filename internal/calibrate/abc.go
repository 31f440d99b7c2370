package calibrate

import (
	"context"
	"math"

	"github.com/insurgo/insurgo/sim/abc"
)

// ABCPrior returns p as a prior of sim/abc.
func (p PriorSpec) ABCPrior() abc.Prior {
	switch p.Dist {
	case Uniform:
		return abc.Uniform{Lo: p.Lo, Hi: p.Hi}
	case LogUniform:
		return abc.LogUniform{Lo: p.Lo, Hi: p.Hi}
	case Normal:
		return abc.Normal{Mu: p.Mean, Sigma: p.SD}
	case LogNormal:
		return abc.LogNormal{Mu: p.Mean, Sigma: p.SD}
	case Beta:
		return abc.Beta{Alpha: p.Alpha, Beta: p.Beta}
	case TruncNormal:
		return abc.TruncNormal{Mu: p.Mean, Sigma: p.SD, Lo: p.Lo, Hi: p.Hi}
	}
	panic("calibrate: unchecked prior " + p.Dist)
}

// probe is a value inside p's support, where the fast setter is checked
// against With.
func (p PriorSpec) probe() float64 {
	lo, hi := p.Support()
	switch {
	case !math.IsInf(lo, 0) && !math.IsInf(hi, 0):
		return lo + 0.37*(hi-lo)
	case p.Dist == LogNormal:
		return math.Exp(p.Mean)
	}
	return p.Mean
}

// ABCConfig returns the configuration of sim/abc that p runs: its models
// and priors, the targets' observed values and observation errors (which
// enter the distance's scales), the run settings of the file,
// and the given workers (which do not change the result).
func (p *Problem) ABCConfig(workers int) abc.Config {
	c := p.Config
	cfg := abc.Config{
		Population:     c.Population,
		MaxGenerations: c.MaxGenerations,
		Budget:         c.Budget,
		MinAcceptance:  c.MinAcceptance,
		FinalEpsilon:   c.FinalEpsilon,
		Quantile:       c.Quantile,
		Kernel:         c.Kernel,
		Seed:           c.Seed,
		Workers:        workers,
		BatchSize:      c.BatchSize,
	}
	for m, ms := range c.Models {
		am := abc.Model{Name: ms.Name, Prior: ms.Prior}
		for _, i := range p.ModelParams[m] {
			ps := c.Params[i]
			am.Params = append(am.Params, abc.Param{Name: ps.Key, Prior: ps.Prior.ABCPrior(), Integer: ps.Integer})
		}
		cfg.Models = append(cfg.Models, am)
	}
	for _, t := range p.Targets {
		cfg.Observed = append(cfg.Observed, t.Observed)
		cfg.ObsSD = append(cfg.ObsSD, t.ObsSD)
	}
	return cfg
}

// Simulator returns the simulator of p for sim/abc: model m's base
// scenario with its parameters set to theta, one replicate under seed,
// the targets' window statistics out.
func (p *Problem) Simulator() abc.Simulator {
	runners := make([]*runner, len(p.Bases))
	for m := range p.Bases {
		var probe []float64
		for _, i := range p.ModelParams[m] {
			probe = append(probe, p.Config.Params[i].Prior.probe())
		}
		runners[m] = newRunner(p, m, probe)
	}
	return func(ctx context.Context, m int, theta []float64, seed uint64) ([]float64, error) {
		return runners[m].simulate(ctx, theta, seed)
	}
}
