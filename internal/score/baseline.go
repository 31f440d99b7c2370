package score

import (
	"fmt"
	"math"

	"gonum.org/v1/gonum/diff/fd"
	"gonum.org/v1/gonum/optimize"
)

// Figure is an observed count over a window, for the count baselines: the
// count's mean is Σ_k Exposure[k] × rate_k over the baseline's rate
// parameters (Exposure[k] is, say, the months of the window that fall in
// rate k's stream and period), the figure is the count divided by Divisor
// (1 for a total, the window's months for a mean per month), and it was
// observed with a normal error of s.d. ObsSD in the figure's units.
type Figure struct {
	Name     string
	Exposure []float64
	Observed float64
	Divisor  float64
	ObsSD    float64
}

// count returns the observed figure as a count.
func (f Figure) count() float64 { return f.Observed * f.Divisor }

// Design describes a count baseline's rate parameters: how many, and for
// each the parameter it follows (Prev[k], -1 for none). A weak normal
// prior of s.d. PriorSD on log(rate_k / rate_Prev[k]) ties each rate to
// its predecessor, so that a rate no training figure identifies (a regime
// whose only figure is held out, or two rates only their sum pins down)
// takes its neighbour's value instead of an arbitrary one; against counts
// of tens to hundreds it barely moves an identified rate.
type Design struct {
	Prev    []int
	PriorSD float64
}

// DefaultPriorSD is the s.d. of log(rate/previous rate) in Design: a
// factor e either way.
const DefaultPriorSD = 1.0

// Fit is a fitted count baseline: Rates per parameter and, for the
// negative binomial, Size (the dispersion of one unit of exposure: a month
// in one stream has variance rate + rate²/Size); Size is +Inf for the
// Poisson.
type Fit struct {
	Rates []float64
	Size  float64
}

// FitPoisson fits a piecewise-constant Poisson ("regime" baseline) to the
// figures: each figure's count is Poisson with mean Σ_k E_k rate_k, the
// figures are treated as independent (a pseudo-likelihood where windows
// overlap), and the rates maximise the likelihood times the Design's
// prior. Counts need not be integers (a rate times months): the
// log-likelihood y log μ - μ - log Γ(y+1) is used as is.
func FitPoisson(d Design, figs []Figure) (*Fit, error) {
	x, err := fitRates(d, figs, false)
	if err != nil {
		return nil, err
	}
	return &Fit{Rates: x[:len(d.Prev)], Size: math.Inf(1)}, nil
}

// FitNegBin fits the constant-rate negative binomial baseline: one rate
// per parameter (a stream, constant in time) and one dispersion. A month
// of stream k is NB with mean rate_k and variance rate_k + rate_k²/Size;
// a figure's count, a sum of such months, is taken as the negative
// binomial with its mean μ = Σ E_k rate_k and its variance Σ E_k (rate_k +
// rate_k²/Size) (exact when one stream contributes: NB(n·Size) for n
// months). Rates and Size maximise the pseudo-likelihood times the
// Design's prior; Size is bounded to [1e-3, 1e6].
func FitNegBin(d Design, figs []Figure) (*Fit, error) {
	x, err := fitRates(d, figs, true)
	if err != nil {
		return nil, err
	}
	n := len(d.Prev)
	return &Fit{Rates: x[:n], Size: x[n]}, nil
}

const (
	minLogSize = -3 * math.Ln10
	maxLogSize = 6 * math.Ln10
)

func fitRates(d Design, figs []Figure, negbin bool) ([]float64, error) {
	n := len(d.Prev)
	if n == 0 {
		return nil, fmt.Errorf("%w: no rate parameters", ErrInput)
	}
	if len(figs) == 0 {
		return nil, fmt.Errorf("%w: no figures to fit", ErrInput)
	}
	psd := d.PriorSD
	if psd == 0 {
		psd = DefaultPriorSD
	}
	// Starting rates: each figure's count shared over its parameters in
	// proportion to exposure; a parameter no figure exposes starts at
	// its predecessor's.
	num := make([]float64, n)
	den := make([]float64, n)
	for _, f := range figs {
		if len(f.Exposure) != n {
			return nil, fmt.Errorf("%w: figure %s has %d exposures, want %d", ErrInput, f.Name, len(f.Exposure), n)
		}
		if !(f.Divisor > 0) || !(f.Observed >= 0) {
			return nil, fmt.Errorf("%w: figure %s: observed %g, divisor %g", ErrInput, f.Name, f.Observed, f.Divisor)
		}
		var e float64
		for _, x := range f.Exposure {
			if !(x >= 0) {
				return nil, fmt.Errorf("%w: figure %s has a negative exposure", ErrInput, f.Name)
			}
			e += x
		}
		if e == 0 {
			return nil, fmt.Errorf("%w: figure %s has no exposure", ErrInput, f.Name)
		}
		for k, x := range f.Exposure {
			num[k] += f.count() * x / e
			den[k] += x
		}
	}
	// A parameter no figure exposes starts at a linked one's (the one it
	// follows, or one that follows it); one with no link is an error.
	x0 := make([]float64, n, n+1)
	set := make([]bool, n)
	for k := range n {
		if d.Prev[k] >= n || d.Prev[k] == k {
			return nil, fmt.Errorf("%w: parameter %d follows %d", ErrInput, k, d.Prev[k])
		}
		if den[k] > 0 {
			x0[k], set[k] = math.Log(math.Max(num[k]/den[k], 1e-3)), true
		}
	}
	for changed := true; changed; {
		changed = false
		for k, p := range d.Prev {
			switch {
			case p < 0:
			case set[p] && !set[k]:
				x0[k], set[k], changed = x0[p], true, true
			case set[k] && !set[p]:
				x0[p], set[p], changed = x0[k], true, true
			}
		}
	}
	for k := range n {
		if !set[k] {
			return nil, fmt.Errorf("%w: parameter %d: no figure exposes it or any parameter linked to it", ErrInput, k)
		}
	}
	if negbin {
		x0 = append(x0, math.Log(10))
	}
	obj := func(x []float64) float64 {
		nll := 0.0
		size := math.Inf(1)
		if negbin {
			size = math.Exp(clamp(x[n], minLogSize, maxLogSize))
		}
		for _, f := range figs {
			mu, v := meanVar(f.Exposure, x[:n], size)
			nll -= logLik(f.count(), mu, v)
		}
		for k, p := range d.Prev {
			if p >= 0 {
				z := (x[k] - x[p]) / psd
				nll += z * z / 2
			}
		}
		if negbin { // keep the optimiser inside the bounds
			if x[n] < minLogSize {
				nll += (minLogSize - x[n]) * (minLogSize - x[n])
			} else if x[n] > maxLogSize {
				nll += (x[n] - maxLogSize) * (x[n] - maxLogSize)
			}
		}
		return nll
	}
	p := optimize.Problem{
		Func: obj,
		Grad: func(g, x []float64) { fd.Gradient(g, obj, x, &fd.Settings{Formula: fd.Central}) },
	}
	res, err := optimize.Minimize(p, x0, &optimize.Settings{GradientThreshold: 1e-7, MajorIterations: 2000}, &optimize.BFGS{})
	if err != nil && res == nil {
		return nil, fmt.Errorf("score: fitting the baseline: %v", err)
	}
	out := make([]float64, len(res.X))
	for k := range n {
		out[k] = math.Exp(res.X[k])
	}
	if negbin {
		out[n] = math.Exp(clamp(res.X[n], minLogSize, maxLogSize))
	}
	return out, nil
}

func clamp(x, lo, hi float64) float64 { return math.Max(lo, math.Min(hi, x)) }

// meanVar returns the mean and variance of a figure's count under log
// rates lr and per-unit dispersion size (+Inf: Poisson).
func meanVar(exposure, lr []float64, size float64) (mu, v float64) {
	for k, e := range exposure {
		if e == 0 {
			continue
		}
		r := math.Exp(lr[k])
		mu += e * r
		v += e * (r + r*r/size)
	}
	return mu, v
}

// logLik returns the log-likelihood of count y under the Poisson (v <=
// mu) or the negative binomial of mean mu and variance v.
func logLik(y, mu, v float64) float64 {
	if v <= mu*(1+1e-12) {
		ly, _ := math.Lgamma(y + 1)
		return y*math.Log(mu) - mu - ly
	}
	r := mu * mu / (v - mu)
	a, _ := math.Lgamma(y + r)
	b, _ := math.Lgamma(r)
	c, _ := math.Lgamma(y + 1)
	return a - b - c + r*math.Log(r/(r+mu)) + y*math.Log(mu/(r+mu))
}

// Predictive returns the fit's predictive distribution of figure f: the
// count's Poisson or negative binomial probabilities over its support
// (truncated where the upper tail is below 1e-12), divided by f.Divisor,
// with f's observation error convolved. Beyond 4,000 support points
// neighbouring points are pooled at their weighted mean, which moves the
// CRPS by at most the pooled width.
func (ft *Fit) Predictive(f Figure) (*Predictive, error) {
	if len(f.Exposure) != len(ft.Rates) {
		return nil, fmt.Errorf("%w: figure %s has %d exposures, want %d", ErrInput, f.Name, len(f.Exposure), len(ft.Rates))
	}
	lr := make([]float64, len(ft.Rates))
	for k, r := range ft.Rates {
		lr[k] = math.Log(r)
	}
	mu, v := meanVar(f.Exposure, lr, ft.Size)
	pmf := countPMF(mu, v)
	values := make([]float64, len(pmf))
	for k := range pmf {
		values[k] = float64(k) / f.Divisor
	}
	values, pmf = pool(values, pmf, 4000)
	return NewPredictive(values, pmf, f.ObsSD)
}

// Mean returns the fit's mean of figure f's count.
func (ft *Fit) Mean(f Figure) float64 {
	var mu float64
	for k, e := range f.Exposure {
		mu += e * ft.Rates[k]
	}
	return mu / f.Divisor
}

// countPMF returns P(N = k) for k = 0, 1, ... until the upper tail is
// below 1e-12, for the Poisson (v <= mu) or the negative binomial of mean
// mu and variance v, by the recurrences of their probabilities in logs.
func countPMF(mu, v float64) []float64 {
	if mu <= 0 {
		return []float64{1}
	}
	var lp float64 // log P(N = 0)
	var step func(k float64) float64
	if v <= mu*(1+1e-12) {
		lp = -mu
		step = func(k float64) float64 { return math.Log(mu / (k + 1)) }
	} else {
		r := mu * mu / (v - mu)
		q := mu / (r + mu)
		lp = r * math.Log(r/(r+mu))
		step = func(k float64) float64 { return math.Log((k + r) / (k + 1) * q) }
	}
	var out []float64
	var cum float64
	for k := 0.0; ; k++ {
		p := math.Exp(lp)
		out = append(out, p)
		cum += p
		if k > mu && 1-cum < 1e-12 || len(out) > 5_000_000 {
			return out
		}
		lp += step(k)
	}
}

// pool merges runs of neighbouring support points so that at most max
// remain, each at the weighted mean of its run.
func pool(values, weights []float64, max int) ([]float64, []float64) {
	if len(values) <= max {
		return values, weights
	}
	per := (len(values) + max - 1) / max
	var v, w []float64
	for i := 0; i < len(values); i += per {
		var sw, sv float64
		for j := i; j < min(i+per, len(values)); j++ {
			sw += weights[j]
			sv += weights[j] * values[j]
		}
		if sw > 0 {
			v = append(v, sv/sw)
			w = append(w, sw)
		}
	}
	return v, w
}
