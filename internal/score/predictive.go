package score

import (
	"errors"
	"fmt"
	"math"
	"slices"
)

// ErrInput is wrapped by errors about a predictive or data that cannot be
// scored (no values, negative weights or standard deviation, NaN).
var ErrInput = errors.New("score: bad input")

// Predictive is the distribution of X + E, where X takes Values[i] with
// probability Weights[i] and E is an independent observation error,
// normal with mean 0 and standard deviation SD (SD 0: no error, X
// itself). Values are sorted increasing and distinct; Weights are
// positive and sum to 1. Build one with NewPredictive.
type Predictive struct {
	Values  []float64
	Weights []float64
	SD      float64
}

// NewPredictive returns the predictive of values with the given
// non-negative weights (counts of replicates, or probabilities; they are
// normalised) and observation error standard deviation sd. Equal values
// are merged and zero weights dropped.
func NewPredictive(values, weights []float64, sd float64) (*Predictive, error) {
	if len(values) != len(weights) {
		return nil, fmt.Errorf("%w: %d values and %d weights", ErrInput, len(values), len(weights))
	}
	if !(sd >= 0) || math.IsInf(sd, 0) {
		return nil, fmt.Errorf("%w: observation s.d. must be finite and >= 0, got %g", ErrInput, sd)
	}
	type vw struct{ v, w float64 }
	pts := make([]vw, 0, len(values))
	var total float64
	for i, v := range values {
		w := weights[i]
		if math.IsNaN(v) || math.IsInf(v, 0) || !(w >= 0) || math.IsInf(w, 0) {
			return nil, fmt.Errorf("%w: value %g with weight %g", ErrInput, v, w)
		}
		if w == 0 {
			continue
		}
		pts = append(pts, vw{v, w})
		total += w
	}
	if len(pts) == 0 {
		return nil, fmt.Errorf("%w: no value with positive weight", ErrInput)
	}
	slices.SortFunc(pts, func(a, b vw) int {
		switch {
		case a.v < b.v:
			return -1
		case a.v > b.v:
			return 1
		}
		return 0
	})
	p := &Predictive{SD: sd}
	for _, q := range pts {
		if n := len(p.Values); n > 0 && p.Values[n-1] == q.v {
			p.Weights[n-1] += q.w / total
			continue
		}
		p.Values = append(p.Values, q.v)
		p.Weights = append(p.Weights, q.w/total)
	}
	return p, nil
}

// FromCounts returns the predictive of an ensemble given as distinct
// values and how many replicates took each, with observation error sd.
func FromCounts(values []float64, counts []int64, sd float64) (*Predictive, error) {
	w := make([]float64, len(counts))
	for i, c := range counts {
		w[i] = float64(c)
	}
	return NewPredictive(values, w, sd)
}

// CDF returns P(X + E <= x).
func (p *Predictive) CDF(x float64) float64 {
	var f float64
	if p.SD == 0 {
		for i, v := range p.Values {
			if v > x {
				break
			}
			f += p.Weights[i]
		}
		return math.Min(f, 1)
	}
	for i, v := range p.Values {
		f += p.Weights[i] * normCDF((x-v)/p.SD)
	}
	return math.Min(f, 1)
}

// below returns P(X + E < x): the CDF's left limit.
func (p *Predictive) below(x float64) float64 {
	if p.SD > 0 {
		return p.CDF(x)
	}
	var f float64
	for i, v := range p.Values {
		if v >= x {
			break
		}
		f += p.Weights[i]
	}
	return f
}

// Quantile returns the smallest x with CDF(x) >= q, for q in (0, 1); with
// an observation error it is found by bisection to within 1e-9 of the
// predictive's spread.
func (p *Predictive) Quantile(q float64) float64 {
	if p.SD == 0 {
		var f float64
		for i, v := range p.Values {
			f += p.Weights[i]
			if f >= q-1e-12 {
				return v
			}
		}
		return p.Values[len(p.Values)-1]
	}
	lo := p.Values[0] - 40*p.SD
	hi := p.Values[len(p.Values)-1] + 40*p.SD
	tol := 1e-9 * (hi - lo)
	for hi-lo > tol {
		mid := lo + (hi-lo)/2
		if p.CDF(mid) >= q {
			hi = mid
		} else {
			lo = mid
		}
	}
	return hi
}

// Mean returns E[X + E].
func (p *Predictive) Mean() float64 {
	var m float64
	for i, v := range p.Values {
		m += p.Weights[i] * v
	}
	return m
}

func normCDF(z float64) float64 { return 0.5 * math.Erfc(-z/math.Sqrt2) }

func normPDF(z float64) float64 { return math.Exp(-z*z/2) / math.Sqrt(2*math.Pi) }
