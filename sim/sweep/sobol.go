package sweep

import (
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
)

// ErrAnalysis is wrapped by errors analysing sweep outputs.
var ErrAnalysis = errors.New("cannot analyse")

// SobolOptions configures SobolIndices.
type SobolOptions struct {
	Bootstrap
	// UnstableWidth is the confidence-interval width above which an index
	// is reported as unstable; default 0.1.
	UnstableWidth float64
	// Names names the parameters in warnings; default "parameter i".
	Names []string
}

// SobolIndices holds first-order and total Sobol' indices of each
// parameter, with bootstrap intervals.
type SobolIndices struct {
	N        int // base samples
	Variance float64
	S1, ST   []float64
	S1CI     []Interval
	STCI     []Interval
	// Warnings name indices that suggest the sample is too small:
	// negative estimates, wide intervals, first-order above total.
	Warnings []string
}

// AnalyzeSobol estimates first-order and total Sobol' indices of k parameters
// from outputs y of a Saltelli design in this package's block order
// (see SobolBlock): len(y) = N(k+2).
//
// First order uses the estimator of Saltelli et al. (2010, table 2 (b)),
// V_i = mean_j f(B)_j (f(A_B^i)_j - f(A)_j); total uses Jansen's (1999),
// VT_i = mean_j (f(A)_j - f(A_B^i)_j)^2 / 2; both divide by the variance
// of f over A and B together. Outputs are centred on their A∪B mean first,
// which leaves the estimands unchanged and the first-order estimator less
// noisy. Intervals are percentile bootstraps over base samples.
func AnalyzeSobol(y []float64, k int, opt SobolOptions) (*SobolIndices, error) {
	if k < 1 {
		return nil, fmt.Errorf("%w: sobol needs >= 1 parameter, got %d", ErrAnalysis, k)
	}
	b := SobolBlock(k)
	if len(y) == 0 || len(y)%b != 0 {
		return nil, fmt.Errorf("%w: %d outputs are not whole Saltelli blocks of %d", ErrAnalysis, len(y), b)
	}
	for i, v := range y {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return nil, fmt.Errorf("%w: output of point %d is %v", ErrAnalysis, i, v)
		}
	}
	n := len(y) / b
	if n < 2 {
		return nil, fmt.Errorf("%w: sobol needs >= 2 base samples, got %d", ErrAnalysis, n)
	}
	bs := opt.Bootstrap.withDefaults()
	if opt.UnstableWidth <= 0 {
		opt.UnstableWidth = 0.1
	}

	all := make([]int, n)
	for j := range all {
		all[j] = j
	}
	s1, st, v, ok := sobolEstimate(y, k, all)
	if !ok {
		return nil, fmt.Errorf("%w: the output does not vary over the sample (variance 0)", ErrAnalysis)
	}
	res := &SobolIndices{N: n, Variance: v, S1: s1, ST: st,
		S1CI: make([]Interval, k), STCI: make([]Interval, k)}

	rng := rand.New(bs.Src)
	bootS1 := make([][]float64, k)
	bootST := make([][]float64, k)
	idx := make([]int, n)
	for range bs.Resamples {
		for j := range idx {
			idx[j] = rng.IntN(n)
		}
		s1, st, _, ok := sobolEstimate(y, k, idx)
		if !ok {
			continue // a resample without variance says nothing
		}
		for i := range k {
			bootS1[i] = append(bootS1[i], s1[i])
			bootST[i] = append(bootST[i], st[i])
		}
	}
	for i := range k {
		if len(bootS1[i]) == 0 {
			nan := math.NaN()
			res.S1CI[i], res.STCI[i] = Interval{nan, nan}, Interval{nan, nan}
			continue
		}
		res.S1CI[i] = percentile(bootS1[i], bs.Level)
		res.STCI[i] = percentile(bootST[i], bs.Level)
	}
	res.Warnings = sobolWarnings(res, opt.UnstableWidth, opt.Names)
	return res, nil
}

// sobolEstimate computes the indices over the base samples idx.
func sobolEstimate(y []float64, k int, idx []int) (s1, st []float64, variance float64, ok bool) {
	b := SobolBlock(k)
	// Mean and variance over A and B together.
	var mean float64
	for _, j := range idx {
		mean += y[j*b] + y[j*b+1]
	}
	mean /= float64(2 * len(idx))
	for _, j := range idx {
		da, db := y[j*b]-mean, y[j*b+1]-mean
		variance += da*da + db*db
	}
	variance /= float64(2 * len(idx))
	if !(variance > 0) {
		return nil, nil, 0, false
	}
	s1 = make([]float64, k)
	st = make([]float64, k)
	for i := range k {
		var v1, vt float64
		for _, j := range idx {
			fa := y[j*b] - mean
			fb := y[j*b+1] - mean
			fab := y[j*b+2+i] - mean
			v1 += fb * (fab - fa)
			vt += (fa - fab) * (fa - fab)
		}
		s1[i] = v1 / float64(len(idx)) / variance
		st[i] = vt / float64(2*len(idx)) / variance
	}
	return s1, st, variance, true
}

func sobolWarnings(r *SobolIndices, width float64, names []string) []string {
	var w []string
	for i := range r.S1 {
		p := paramName(names, i)
		if r.S1[i] < 0 && r.S1CI[i].Hi < 0 {
			w = append(w, fmt.Sprintf("%s: first-order index %.3f is negative beyond its interval [%.3f, %.3f]: the sample is too small", p, r.S1[i], r.S1CI[i].Lo, r.S1CI[i].Hi))
		} else if r.S1[i] < -0.05 {
			w = append(w, fmt.Sprintf("%s: first-order index %.3f is negative: the sample is too small", p, r.S1[i]))
		}
		if r.ST[i] < 0 {
			w = append(w, fmt.Sprintf("%s: total index %.3f is negative: the sample is too small", p, r.ST[i]))
		}
		if !(r.S1CI[i].Width() <= width) {
			w = append(w, fmt.Sprintf("%s: first-order interval [%.3f, %.3f] is wider than %.2f: unstable, increase the size", p, r.S1CI[i].Lo, r.S1CI[i].Hi, width))
		}
		if !(r.STCI[i].Width() <= width) {
			w = append(w, fmt.Sprintf("%s: total interval [%.3f, %.3f] is wider than %.2f: unstable, increase the size", p, r.STCI[i].Lo, r.STCI[i].Hi, width))
		}
		if r.S1[i] > r.ST[i] && r.S1CI[i].Lo > r.STCI[i].Hi {
			w = append(w, fmt.Sprintf("%s: first-order index %.3f exceeds total %.3f beyond their intervals: the sample is too small", p, r.S1[i], r.ST[i]))
		}
	}
	return w
}

// paramName returns names[i], or "parameter i+1" when names is short.
func paramName(names []string, i int) string {
	if i < len(names) {
		return names[i]
	}
	return fmt.Sprintf("parameter %d", i+1)
}
