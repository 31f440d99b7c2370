package powerlaw

import (
	"math"
	"math/rand/v2"
	"testing"
)

// histogram turns raw data into distinct values and counts.
func histogram(data []int64) ([]float64, []int64) {
	idx := map[int64]int{}
	var vals []float64
	var counts []int64
	for _, x := range data {
		i, ok := idx[x]
		if !ok {
			i = len(vals)
			idx[x] = i
			vals = append(vals, float64(x))
			counts = append(counts, 0)
		}
		counts[i]++
	}
	return vals, counts
}

// The exact sampler draws the discrete power law: a fit of 20,000 draws
// with x_min 5 recovers alpha 2.5 within 3 standard errors, and the share
// at x_min matches 1/ζ(2.5, 5) within 0.01.
func TestTailSampler(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	s := newTailSampler(2.5, 5)
	data := make([]int64, 20000)
	atMin := 0
	for i := range data {
		data[i] = s.sample(rng)
		if data[i] < 5 {
			t.Fatalf("draw %d below x_min", data[i])
		}
		if data[i] == 5 {
			atMin++
		}
	}
	f, err := FitDiscrete(data)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("alpha %.3f ± %.3f, x_min %d", f.Alpha, f.StdErr, f.XMin)
	if math.Abs(f.Alpha-2.5) > 3*f.StdErr {
		t.Errorf("alpha %.3f, want 2.5 within 3 standard errors (%.3f)", f.Alpha, f.StdErr)
	}
	want := 1 - s.upper(6)
	if got := float64(atMin) / float64(len(data)); math.Abs(got-want) > 0.01 {
		t.Errorf("share at x_min %.4f, want %.4f", got, want)
	}
}

// CSN Table 6.2 find the power law plausible for the terrorism data (p =
// 0.68 with 2,500 reps) and cannot tell it from a log-normal (Table 6.3:
// p = 0.78). With 200 reps and a fixed seed the bootstrap p must exceed
// 0.1 and the likelihood-ratio p too.
func TestTerrorismGoodnessAndLognormal(t *testing.T) {
	if testing.Short() {
		t.Skip("200 bootstrap fits")
	}
	vals, counts := histogram(readTerrorism(t))
	f, err := FitHistogram(vals, counts)
	if err != nil {
		t.Fatal(err)
	}
	p, err := GoodnessOfFit(vals, counts, f, 200, rand.New(rand.NewPCG(2009, 1)))
	if err != nil {
		t.Fatal(err)
	}
	c, err := CompareLognormal(vals, counts, f)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("alpha %.3f x_min %d: bootstrap p %.3f; vs log-normal R %.3f p %.3f (mu %.3f sigma %.3f)", f.Alpha, f.XMin, p, c.R, c.P, c.Mu, c.Sigma)
	if p <= 0.1 {
		t.Errorf("bootstrap p = %.3f, want > 0.1 (CSN: 0.68)", p)
	}
	if c.P <= 0.1 {
		t.Errorf("likelihood-ratio p = %.3f, want > 0.1 (CSN: 0.78, inconclusive)", c.P)
	}
}

// Data that are not a power law are rejected: 5,000 draws uniform on
// 1..300 give a bootstrap p below 0.1; 20,000 draws of a rounded
// log-normal (mu 3, sigma 0.6), compared on the tail x ≥ 10 (most of the
// data), make the likelihood ratio favour the log-normal (R < 0) with p
// below 0.01.
func TestNonPowerLawsRejected(t *testing.T) {
	if testing.Short() {
		t.Skip("100 bootstrap fits")
	}
	rng := rand.New(rand.NewPCG(3, 4))
	geo := make([]int64, 5000)
	for i := range geo {
		geo[i] = 1 + rng.Int64N(300)
	}
	vals, counts := histogram(geo)
	f, err := FitHistogram(vals, counts)
	if err != nil {
		t.Fatal(err)
	}
	p, err := GoodnessOfFit(vals, counts, f, 100, rand.New(rand.NewPCG(5, 6)))
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("uniform: alpha %.2f x_min %d, bootstrap p %.3f", f.Alpha, f.XMin, p)
	if p >= 0.1 {
		t.Errorf("uniform data: bootstrap p %.3f, want < 0.1", p)
	}
	ln := make([]int64, 20000)
	for i := range ln {
		ln[i] = int64(math.Round(math.Exp(3 + 0.6*rng.NormFloat64())))
	}
	vals, counts = histogram(ln)
	var n, sl float64
	for i, v := range vals {
		if v >= 10 {
			n += float64(counts[i])
			sl += float64(counts[i]) * math.Log(v)
		}
	}
	alpha, ok := mleAlpha(10, sl/n)
	if !ok {
		t.Fatal("no alpha for the log-normal tail")
	}
	f = Fit{Alpha: alpha, XMin: 10}
	c, err := CompareLognormal(vals, counts, f)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("log-normal: alpha %.2f x_min %d, R %.2f p %.4f, mu %.3f sigma %.3f", f.Alpha, f.XMin, c.R, c.P, c.Mu, c.Sigma)
	if !(c.R < 0 && c.P < 0.01) {
		t.Errorf("log-normal data: R %.3f p %.3f, want R < 0 with p < 0.01", c.R, c.P)
	}
}

// Bad arguments are errors, not panics.
func TestGoodnessBadInput(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 1))
	if _, err := GoodnessOfFit(nil, nil, Fit{}, 10, rng); err == nil {
		t.Error("zero Fit: want an error")
	}
	if _, err := GoodnessOfFit(nil, nil, Fit{Alpha: 2, XMin: 1, N: 10, NTail: 10}, 0, rng); err == nil {
		t.Error("reps 0: want an error")
	}
	if _, err := CompareLognormal(nil, nil, Fit{}); err == nil {
		t.Error("zero Fit: want an error")
	}
	if _, err := CompareLognormal([]float64{5}, []int64{1}, Fit{Alpha: 2, XMin: 1}); err == nil {
		t.Error("one observation: want an error")
	}
}
