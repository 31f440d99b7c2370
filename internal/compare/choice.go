package compare

import (
	"fmt"
	"math"
	"sort"

	"gonum.org/v1/gonum/stat"
)

// Tolerance is the default acceptance quantile of rejection ABC: the
// replicates whose distance lies within the closest 10% of all distances
// are accepted.
const Tolerance = 0.10

// Choice is the result of rejection-ABC model choice among arms.
//
// Each replicate of each arm is a draw from that arm's prior predictive
// distribution. Its distance to the observations is
//
//	d = sqrt( Σ_j ((s_j − o_j) / scale_j)² )
//
// over targets j, with s_j the replicate's value, o_j the observed one and
// scale_j the standard deviation of target j over all replicates of all
// arms pooled (so every target weighs alike whatever its units, and no arm
// sets its own yardstick). A target whose pooled spread is 0 cannot tell
// arms apart and is left out (listed in Dropped). The tolerance is the
// Quantile of all distances pooled; a replicate is accepted when d <=
// tolerance. Under equal prior probabilities, the posterior probability of
// arm k is its acceptance rate over the sum of all arms' acceptance rates
// (Pritchard et al. 1999; Grelaud et al. 2009 for model choice).
type Choice struct {
	Quantile  float64   // acceptance quantile of pooled distances
	Tolerance float64   // the distance at that quantile
	Scale     []float64 // per target, the pooled standard deviation
	Dropped   []int     // targets left out: no spread across replicates
	Accepted  []int     // per arm, replicates accepted
	Posterior []float64 // per arm, posterior model probability
	Distance  []Dist    // per arm, the distances of its replicates
	// Sensitivity holds the posterior at half and at twice Quantile, so
	// a conclusion that rests on the choice of tolerance shows.
	Sensitivity []Sensitivity
}

// Sensitivity is the posterior at another acceptance quantile.
type Sensitivity struct {
	Quantile  float64
	Posterior []float64
}

// Choose scores arms against observations. sims[k][i][j] is target j in
// replicate i of arm k; obs[j] the observed value of target j; q the
// acceptance quantile in (0, 1]. It is an error for the dimensions to
// disagree, for a value to be NaN, or for no target to have any spread.
func Choose(sims [][][]float64, obs []float64, q float64) (*Choice, error) {
	if len(sims) < 2 {
		return nil, fmt.Errorf("%w: model choice needs at least 2 arms, got %d", ErrCompare, len(sims))
	}
	if !(q > 0 && q <= 1) {
		return nil, fmt.Errorf("%w: tolerance quantile must be in (0, 1], got %g", ErrCompare, q)
	}
	nt := len(obs)
	if nt == 0 {
		return nil, fmt.Errorf("%w: no observed targets", ErrCompare)
	}
	for j, o := range obs {
		if math.IsNaN(o) || math.IsInf(o, 0) {
			return nil, fmt.Errorf("%w: observed target %d is %g", ErrCompare, j, o)
		}
	}
	var pooled [][]float64 = make([][]float64, nt)
	for k, arm := range sims {
		if len(arm) == 0 {
			return nil, fmt.Errorf("%w: arm %d has no replicates", ErrCompare, k)
		}
		for i, rep := range arm {
			if len(rep) != nt {
				return nil, fmt.Errorf("%w: arm %d replicate %d has %d targets, want %d", ErrCompare, k, i, len(rep), nt)
			}
			for j, v := range rep {
				if math.IsNaN(v) || math.IsInf(v, 0) {
					return nil, fmt.Errorf("%w: arm %d replicate %d target %d is %g", ErrCompare, k, i, j, v)
				}
				pooled[j] = append(pooled[j], v)
			}
		}
	}
	c := &Choice{Quantile: q, Scale: make([]float64, nt)}
	for j := range pooled {
		c.Scale[j] = stat.StdDev(pooled[j], nil)
		if !(c.Scale[j] > 0) {
			c.Dropped = append(c.Dropped, j)
		}
	}
	if len(c.Dropped) == nt {
		return nil, fmt.Errorf("%w: no target varies across replicates, so none can tell the arms apart", ErrCompare)
	}
	dist := make([][]float64, len(sims))
	var all []float64
	for k, arm := range sims {
		dist[k] = make([]float64, len(arm))
		for i, rep := range arm {
			var s float64
			for j, v := range rep {
				if c.Scale[j] > 0 {
					z := (v - obs[j]) / c.Scale[j]
					s += z * z
				}
			}
			dist[k][i] = math.Sqrt(s)
			all = append(all, dist[k][i])
		}
		c.Distance = append(c.Distance, Summarize(dist[k]))
	}
	sort.Float64s(all)
	c.Tolerance, c.Accepted, c.Posterior = accept(dist, all, q)
	for _, f := range []float64{0.5, 2} {
		qq := min(q*f, 1)
		_, _, post := accept(dist, all, qq)
		c.Sensitivity = append(c.Sensitivity, Sensitivity{Quantile: qq, Posterior: post})
	}
	return c, nil
}

// accept applies the tolerance at quantile q of the sorted pooled
// distances all.
func accept(dist [][]float64, all []float64, q float64) (tol float64, acc []int, post []float64) {
	tol = stat.Quantile(q, stat.Empirical, all, nil)
	acc = make([]int, len(dist))
	rates := make([]float64, len(dist))
	var sum float64
	for k, ds := range dist {
		for _, d := range ds {
			if d <= tol {
				acc[k]++
			}
		}
		rates[k] = float64(acc[k]) / float64(len(ds))
		sum += rates[k]
	}
	post = make([]float64, len(dist))
	for k := range rates {
		post[k] = rates[k] / sum // sum > 0: the replicate at tol is accepted
	}
	return tol, acc, post
}
