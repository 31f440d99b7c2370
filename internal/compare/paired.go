package compare

import (
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"sort"

	"gonum.org/v1/gonum/stat"
)

// ErrCompare is wrapped by errors in a comparison's inputs.
var ErrCompare = errors.New("compare: bad comparison")

// Resamples is the number of bootstrap resamples behind the interval of
// the relative change.
const Resamples = 2000

// Paired is the comparison of arm B with arm A, replicate by replicate,
// where replicate i of both arms shared its random streams.
type Paired struct {
	// Diff summarises the paired differences B_i − A_i.
	Diff Dist
	// Unpaired summarises B_i − A_j for j = (i + ⌊N/2⌋) mod N: differences
	// of independent replicates, what the difference would look like had
	// the two arms been run with unrelated random numbers. Its interval is
	// the one to hold against Diff's.
	Unpaired Dist
	// Change summarises the relative change replicate by replicate,
	// B_i/A_i − 1 (undefined where A_i is 0): its 90% interval is the
	// range of outcomes across simulated futures, where the interval of
	// Rel is the precision of the mean effect, which narrows as
	// replicates are added.
	Change Dist
	// Rel is the relative change of the means, mean(B)/mean(A) − 1, and
	// RelP05, RelP95 its 90% interval: the 5% and 95% quantiles over
	// Resamples bootstrap resamples of the replicates (pairs kept
	// together, drawn with a PCG seeded from the comparison's seed). NaN
	// when mean(A) is 0.
	Rel, RelP05, RelP95 float64
	// PBelow is the share of replicates with B_i < A_i, ties counted as
	// one half: 0.5 when the arms cannot be told apart.
	PBelow float64
	// VarPaired is the variance of B_i − A_i; VarUnpaired is var(A) +
	// var(B), the variance of the difference of independent runs.
	VarPaired, VarUnpaired float64
	// Factor is VarUnpaired / VarPaired, how many times fewer replicates
	// the pairing needs for the same precision: +Inf when every paired
	// difference is the same (e.g. an arm against itself), NaN when both
	// variances are 0.
	Factor float64
}

// Pair compares b with a, where a[i] and b[i] come from replicate i of
// each arm. seed seeds the bootstrap. It is an error for the slices to
// differ in length or to hold fewer than two values or a NaN.
func Pair(a, b []float64, seed uint64) (Paired, error) {
	n := len(a)
	if len(b) != n {
		return Paired{}, fmt.Errorf("%w: %d replicates against %d", ErrCompare, len(b), n)
	}
	if n < 2 {
		return Paired{}, fmt.Errorf("%w: need at least 2 replicates, got %d", ErrCompare, n)
	}
	for i := range a {
		if math.IsNaN(a[i]) || math.IsNaN(b[i]) {
			return Paired{}, fmt.Errorf("%w: replicate %d has an undefined value", ErrCompare, i)
		}
	}
	var p Paired
	diff := make([]float64, n)
	unp := make([]float64, n)
	chg := make([]float64, n)
	below := 0.0
	for i := range a {
		diff[i] = b[i] - a[i]
		unp[i] = b[i] - a[(i+n/2)%n]
		chg[i] = math.NaN()
		if a[i] != 0 {
			chg[i] = b[i]/a[i] - 1
		}
		switch {
		case b[i] < a[i]:
			below++
		case b[i] == a[i]:
			below += 0.5
		}
	}
	p.Diff = Summarize(diff)
	p.Unpaired = Summarize(unp)
	p.Change = Summarize(chg)
	p.PBelow = below / float64(n)
	p.VarPaired = stat.Variance(diff, nil)
	p.VarUnpaired = stat.Variance(a, nil) + stat.Variance(b, nil)
	switch {
	case p.VarPaired == 0 && p.VarUnpaired == 0:
		p.Factor = math.NaN()
	default:
		p.Factor = p.VarUnpaired / p.VarPaired // +Inf when VarPaired is 0
	}
	p.Rel, p.RelP05, p.RelP95 = relChange(a, b, seed)
	return p, nil
}

// relChange returns mean(b)/mean(a) − 1 and its bootstrap 90% interval.
func relChange(a, b []float64, seed uint64) (rel, lo, hi float64) {
	nan := math.NaN()
	ma, mb := stat.Mean(a, nil), stat.Mean(b, nil)
	if ma == 0 {
		return nan, nan, nan
	}
	rel = mb/ma - 1
	n := len(a)
	rng := rand.New(rand.NewPCG(seed, 0x72656c6368616e67)) // "relchang"
	rs := make([]float64, 0, Resamples)
	for range Resamples {
		var sa, sb float64
		for range n {
			j := rng.IntN(n)
			sa += a[j]
			sb += b[j]
		}
		if sa != 0 {
			rs = append(rs, sb/sa-1)
		}
	}
	// An interval from fewer than 95% of the resamples would be biased.
	if len(rs) < Resamples*95/100 {
		return rel, nan, nan
	}
	sort.Float64s(rs)
	lo, _, hi = quantiles(rs)
	return rel, lo, hi
}
