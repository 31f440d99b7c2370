package powerlaw

import (
	"bufio"
	"errors"
	"math"
	"math/rand/v2"
	"os"
	"strconv"
	"testing"
)

// readTerrorism reads testdata/terrorism-severity.txt, one integer a line.
func readTerrorism(tb testing.TB) []int64 {
	tb.Helper()
	const name = "testdata/terrorism-severity.txt"
	f, err := os.Open(name)
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	var data []int64
	sc := bufio.NewScanner(f)
	for line := 1; sc.Scan(); line++ {
		v, err := strconv.ParseInt(sc.Text(), 10, 64)
		if err != nil {
			tb.Fatalf("%s:%d: %v", name, line, err)
		}
		data = append(data, v)
	}
	if err := sc.Err(); err != nil {
		tb.Fatal(err)
	}
	return data
}

// TestTerrorism reproduces the discrete power-law fit to the severity
// (deaths) of 9,101 terrorist attacks in Clauset, Shalizi & Newman,
// "Power-law distributions in empirical data", SIAM Review 51 (2009),
// Table 6.1 ("terrorism"): n = 9101, x_min = 12 ± 4, α = 2.4 ± 0.2,
// n_tail = 547 ± 1663. The ± are the paper's bootstrap uncertainties; the
// fit must land inside them.
func TestTerrorism(t *testing.T) {
	data := readTerrorism(t)
	f, err := FitDiscrete(data)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("fit: %+v", f)
	if f.N != 9101 {
		t.Errorf("N = %d, want 9101", f.N)
	}
	if math.Abs(f.Alpha-2.4) > 0.2 {
		t.Errorf("alpha = %.4f, want 2.4 ± 0.2 (CSN 2009 Table 6.1)", f.Alpha)
	}
	if f.XMin < 12-4 || f.XMin > 12+4 {
		t.Errorf("x_min = %d, want 12 ± 4 (CSN 2009 Table 6.1)", f.XMin)
	}
	tail := 0
	for _, v := range data {
		if v >= f.XMin {
			tail++
		}
	}
	if f.NTail != tail {
		t.Errorf("NTail = %d, but %d observations are ≥ x_min = %d", f.NTail, tail, f.XMin)
	}
	// The asymptotic error must be below the paper's bootstrap error, which
	// also carries the uncertainty of x_min, and close to (α−1)/√n.
	approx := (f.Alpha - 1) / math.Sqrt(float64(f.NTail))
	if !(f.StdErr > 0 && f.StdErr < 0.2) || math.Abs(f.StdErr/approx-1) > 0.05 {
		t.Errorf("StdErr = %.4f, want in (0, 0.2) and within 5%% of (α−1)/√n = %.4f", f.StdErr, approx)
	}
	// The chosen x_min has the smallest KS distance of all candidates.
	for _, xmin := range []int64{1, 5, 8, 10, 11, 13, 14, 16, 20, 30} {
		if xmin == f.XMin {
			continue
		}
		if d := ksAt(t, data, xmin); d < f.KS {
			t.Errorf("KS at x_min = %d is %.5f < %.5f at the chosen x_min = %d", xmin, d, f.KS, f.XMin)
		}
	}
}

// ksAt fits α with x_min fixed and returns the KS distance.
func ksAt(t *testing.T, data []int64, xmin int64) float64 {
	t.Helper()
	var vals []float64
	var counts []int64
	h := map[int64]int64{}
	for _, v := range data {
		if v >= xmin {
			h[v]++
		}
	}
	for v := xmin; len(h) > 0; v++ {
		if c, ok := h[v]; ok {
			vals = append(vals, float64(v))
			counts = append(counts, c)
			delete(h, v)
		}
	}
	var n int64
	var sumLog float64
	for i, v := range vals {
		n += counts[i]
		sumLog += float64(counts[i]) * math.Log(v)
	}
	alpha, ok := mleAlpha(float64(xmin), sumLog/float64(n))
	if !ok {
		t.Fatalf("x_min = %d: alpha on bound", xmin)
	}
	return ksDistance(vals, counts, n, alpha)
}

// TestSyntheticPure fits samples of an exact discrete power law (α = 2.5,
// x_min = 5). Every x_min ≥ 5 is then a true power-law tail, so α must be
// recovered; the tolerance is 5 standard errors rather than 4 because
// choosing x_min by KS on the same data makes the asymptotic error slightly
// optimistic (in 200 seeds the worst deviation was 3.2 errors).
func TestSyntheticPure(t *testing.T) {
	const alpha, xmin, n = 2.5, 5, 10000
	for seed := uint64(1); seed <= 5; seed++ {
		data := samplePowerLaw(rand.New(rand.NewPCG(seed, 0x706c)), alpha, xmin, n)
		f, err := FitDiscrete(data)
		if err != nil {
			t.Fatal(err)
		}
		if f.N != n || f.XMin < xmin || f.XMin > 4*xmin {
			t.Errorf("seed %d: %+v, want N = %d and x_min in [%d, %d]", seed, f, n, xmin, 4*xmin)
		}
		if z := (f.Alpha - alpha) / f.StdErr; math.Abs(z) > 5 {
			t.Errorf("seed %d: alpha = %.4f ± %.4f, %.1f errors from %v", seed, f.Alpha, f.StdErr, z, alpha)
		}
	}
}

// TestSyntheticMixture hides a power law (α = 3 from x = 20) above a body
// that is not one (uniform on 1..19, 5/8 of the data). The KS rule must put
// x_min at the junction and recover α from the tail alone.
func TestSyntheticMixture(t *testing.T) {
	const alpha, xmin = 3.0, 20
	for seed := uint64(1); seed <= 5; seed++ {
		r := rand.New(rand.NewPCG(seed, 0x6d6978))
		data := samplePowerLaw(r, alpha, xmin, 3000)
		for range 5000 {
			data = append(data, 1+r.Int64N(19))
		}
		f, err := FitDiscrete(data)
		if err != nil {
			t.Fatal(err)
		}
		if f.XMin < xmin-3 || f.XMin > 2*xmin {
			t.Errorf("seed %d: x_min = %d, want in [%d, %d]", seed, f.XMin, xmin-3, 2*xmin)
		}
		if z := (f.Alpha - alpha) / f.StdErr; math.Abs(z) > 5 {
			t.Errorf("seed %d: alpha = %.4f ± %.4f, %.1f errors from %v", seed, f.Alpha, f.StdErr, z, alpha)
		}
	}
}

// TestHistogramMatchesDiscrete checks that a histogram (unsorted, with
// repeated values, zero counts and zeros) fits exactly as the raw data.
func TestHistogramMatchesDiscrete(t *testing.T) {
	data := readTerrorism(t)
	data = append(data, 0, 0, 0)
	want, err := FitDiscrete(data)
	if err != nil {
		t.Fatal(err)
	}
	h := map[int64]int64{}
	for _, v := range data {
		h[v]++
	}
	var values []float64
	var counts []int64
	for v := int64(3000); v >= 0; v-- { // decreasing order on purpose
		c, ok := h[v]
		if !ok {
			continue
		}
		// Split each count in two entries, and add an empty one.
		values = append(values, float64(v), float64(v), float64(v))
		counts = append(counts, c/2, c-c/2, 0)
	}
	got, err := FitHistogram(values, counts)
	if err != nil {
		t.Fatal(err)
	}
	if got != want {
		t.Errorf("FitHistogram = %+v, FitDiscrete = %+v", got, want)
	}
	if want.N != 9104 {
		t.Errorf("N = %d, want 9104 (zeros count in N)", want.N)
	}
}

func TestBadInput(t *testing.T) {
	many := func(v int64, n int) []int64 {
		d := make([]int64, n)
		for i := range d {
			d[i] = v
		}
		return d
	}
	discrete := []struct {
		name string
		data []int64
		want error
	}{
		{"nil", nil, ErrTooFewData},
		{"empty", []int64{}, ErrTooFewData},
		{"all zeros", many(0, 1000), ErrTooFewData},
		{"too few", []int64{1, 2, 3, 5, 8, 13}, ErrTooFewData},
		{"negative", append(many(3, 100), -1), ErrInput},
		{"too large", append(many(3, 100), 1<<53+1), ErrInput},
		{"all equal", many(7, 1000), ErrNoFit},
	}
	for _, tc := range discrete {
		_, err := FitDiscrete(tc.data)
		if !errors.Is(err, tc.want) {
			t.Errorf("FitDiscrete(%s): err = %v, want %v", tc.name, err, tc.want)
		}
	}
	hist := []struct {
		name   string
		values []float64
		counts []int64
		want   error
	}{
		{"empty", nil, nil, ErrTooFewData},
		{"length mismatch", []float64{1, 2}, []int64{100}, ErrInput},
		{"zeros only", []float64{0}, []int64{1e6}, ErrTooFewData},
		{"zero counts", []float64{1, 2, 3}, []int64{0, 0, 0}, ErrTooFewData},
		{"negative value", []float64{1, -2}, []int64{100, 1}, ErrInput},
		{"fraction", []float64{1, 2.5}, []int64{100, 1}, ErrInput},
		{"NaN", []float64{1, math.NaN()}, []int64{100, 1}, ErrInput},
		{"Inf", []float64{1, math.Inf(1)}, []int64{100, 1}, ErrInput},
		{"negative count", []float64{1, 2}, []int64{100, -1}, ErrInput},
		{"overflow", []float64{1, 2}, []int64{math.MaxInt64, 1}, ErrInput},
		{"all equal", []float64{4}, []int64{1000}, ErrNoFit},
	}
	for _, tc := range hist {
		_, err := FitHistogram(tc.values, tc.counts)
		if !errors.Is(err, tc.want) {
			t.Errorf("FitHistogram(%s): err = %v, want %v", tc.name, err, tc.want)
		}
	}
	// The message names the offending element.
	_, err := FitHistogram([]float64{1, 2, 2.5}, []int64{100, 1, 1})
	if err == nil || err.Error() != "powerlaw: invalid input: values[2] = 2.5, want a non-negative integer at most 2^53" {
		t.Errorf("error message: %v", err)
	}
}

func TestCCDF(t *testing.T) {
	for _, f := range []Fit{{}, {Alpha: 1, XMin: 3}, {Alpha: 2.5, XMin: 0}} {
		if c := f.CCDF(10); !math.IsNaN(c) {
			t.Errorf("%+v.CCDF(10) = %v, want NaN", f, c)
		}
	}
	f := Fit{Alpha: 2.5, XMin: 5}
	if c := f.CCDF(math.NaN()); !math.IsNaN(c) {
		t.Errorf("CCDF(NaN) = %v, want NaN", c)
	}
	for _, x := range []float64{math.Inf(-1), -3, 0, 4.2, 5} {
		if c := f.CCDF(x); c != 1 {
			t.Errorf("CCDF(%v) = %v, want 1", x, c)
		}
	}
	if c := f.CCDF(math.Inf(1)); c != 0 {
		t.Errorf("CCDF(+Inf) = %v, want 0", c)
	}
	// CCDF(x+1) = CCDF(x) − p(x) with p(x) = x^−α / ζ(α, x_min), the
	// normalisation checked by summing p over the first 10^5 terms plus the
	// integral estimate of the rest.
	z := 0.0
	for x := 1e5 - 1; x >= 5; x-- {
		z += math.Pow(x, -f.Alpha)
	}
	z += math.Pow(1e5-0.5, 1-f.Alpha) / (f.Alpha - 1)
	prev := 1.0
	for x := 5.0; x < 200; x++ {
		want := prev - math.Pow(x, -f.Alpha)/z
		got := f.CCDF(x + 1)
		if math.Abs(got-want) > 1e-9 {
			t.Fatalf("CCDF(%v) = %v, want %v", x+1, got, want)
		}
		if mid := f.CCDF(x + 0.5); mid != got {
			t.Fatalf("CCDF(%v) = %v, want CCDF(%v) = %v", x+0.5, mid, x+1, got)
		}
		prev = got
	}
}
