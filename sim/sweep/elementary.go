package sweep

import (
	"fmt"
	"math"
	"math/rand/v2"

	"gonum.org/v1/gonum/floats"
	"gonum.org/v1/gonum/stat"
)

// MorrisOptions configures AnalyzeMorris.
type MorrisOptions struct {
	Bootstrap // intervals for mu*
	// Names names the parameters in warnings; default "parameter i".
	Names []string
}

// MorrisEffects holds the elementary-effect statistics of each parameter
// (Morris 1991; mu* from Campolongo, Cariboni & Saltelli 2007). Effects
// are in unit-hypercube scale: the change of the output per whole range
// of the parameter, so parameters with different units compare.
type MorrisEffects struct {
	Trajectories int
	Mu           []float64  // mean elementary effect
	MuStar       []float64  // mean absolute elementary effect
	Sigma        []float64  // standard deviation of the effects (n-1)
	MuStarCI     []Interval // bootstrap interval of mu*
	Warnings     []string
}

// AnalyzeMorris computes Morris statistics from the outputs y of design d
// (a Morris design, len(y) = d.Len()).
func AnalyzeMorris(d *Design, y []float64, opt MorrisOptions) (*MorrisEffects, error) {
	if d.Kind != Morris {
		return nil, fmt.Errorf("%w: morris analysis of a %s design", ErrAnalysis, d.Kind)
	}
	if len(y) != d.Len() {
		return nil, fmt.Errorf("%w: %d outputs for %d design points", ErrAnalysis, len(y), d.Len())
	}
	for i, v := range y {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return nil, fmt.Errorf("%w: output of point %d is %v", ErrAnalysis, i, v)
		}
	}
	k := len(d.Params)
	r := d.Len() / (k + 1)
	ee := make([][]float64, k) // ee[i][t]: effect of parameter i in trajectory t
	for t := range r {
		base := t * (k + 1)
		for s := range k {
			u0, u1 := d.Unit[base+s], d.Unit[base+s+1]
			moved := -1
			for i := range k {
				if u0[i] != u1[i] {
					if moved >= 0 {
						return nil, fmt.Errorf("%w: trajectory %d step %d moves more than one parameter", ErrAnalysis, t, s)
					}
					moved = i
				}
			}
			if moved < 0 {
				return nil, fmt.Errorf("%w: trajectory %d step %d moves no parameter", ErrAnalysis, t, s)
			}
			ee[moved] = append(ee[moved], (y[base+s+1]-y[base+s])/(u1[moved]-u0[moved]))
		}
	}
	bs := opt.Bootstrap.withDefaults()
	rng := rand.New(bs.Src)
	res := &MorrisEffects{Trajectories: r,
		Mu: make([]float64, k), MuStar: make([]float64, k), Sigma: make([]float64, k), MuStarCI: make([]Interval, k)}
	abs := make([]float64, r)
	boot := make([]float64, bs.Resamples)
	for i, e := range ee {
		if len(e) != r {
			return nil, fmt.Errorf("%w: parameter %s moves %d times in %d trajectories", ErrAnalysis, paramName(opt.Names, i), len(e), r)
		}
		for t, v := range e {
			abs[t] = math.Abs(v)
		}
		res.Mu[i] = stat.Mean(e, nil)
		res.MuStar[i] = stat.Mean(abs, nil)
		res.Sigma[i] = stat.StdDev(e, nil)
		for b := range boot {
			var s float64
			for range r {
				s += abs[rng.IntN(r)]
			}
			boot[b] = s / float64(r)
		}
		res.MuStarCI[i] = percentile(boot, bs.Level)
	}
	if r < 10 {
		res.Warnings = append(res.Warnings, fmt.Sprintf("only %d trajectories: Morris rankings usually need 10 or more", r))
	}
	if top := floats.Max(res.MuStar); top > 0 {
		for i := range k {
			if w := res.MuStarCI[i].Width(); w > 0.5*top {
				res.Warnings = append(res.Warnings, fmt.Sprintf("%s: mu* interval [%.3g, %.3g] is wider than half the largest mu*: unstable, add trajectories", paramName(opt.Names, i), res.MuStarCI[i].Lo, res.MuStarCI[i].Hi))
			}
		}
	}
	return res, nil
}
