package sweep

import (
	"math"
	"strconv"
	"testing"
)

// ishigami is the Ishigami & Homma (1990) function with a = 7, b = 0.1.
func ishigami(x []float64) float64 {
	const a, b = 7, 0.1
	return math.Sin(x[0]) + a*math.Pow(math.Sin(x[1]), 2) + b*math.Pow(x[2], 4)*math.Sin(x[0])
}

// ishigamiIndices returns the analytic first-order and total indices of
// the Ishigami function for X_i ~ U(-pi, pi) (Saltelli et al. 2008,
// "Global Sensitivity Analysis: The Primer", sec. 4.9; values quoted in
// Saltelli et al. 2010, Comput. Phys. Commun. 181, 259-270).
func ishigamiIndices() (s1, st [3]float64) {
	const a, b = 7, 0.1
	pi4 := math.Pow(math.Pi, 4)
	pi8 := pi4 * pi4
	v := float64(a*a)/8 + b*pi4/5 + b*b*pi8/18 + 0.5
	v1 := 0.5 * math.Pow(1+b*pi4/5, 2)
	v2 := float64(a*a) / 8
	v13 := b * b * pi8 * (1.0/18 - 1.0/50)
	return [3]float64{v1 / v, v2 / v, 0}, [3]float64{(v1 + v13) / v, v2 / v, v13 / v}
}

func ishigamiDesign(t testing.TB, n int, seed uint64) (*Design, []float64) {
	t.Helper()
	ps := []Param{
		{Name: "x1", Min: -math.Pi, Max: math.Pi},
		{Name: "x2", Min: -math.Pi, Max: math.Pi},
		{Name: "x3", Min: -math.Pi, Max: math.Pi},
	}
	d, err := New(Spec{Kind: Sobol, Params: ps, Size: n, Seed: seed})
	if err != nil {
		t.Fatal(err)
	}
	y := make([]float64, d.Len())
	for i, x := range d.Points {
		y[i] = ishigami(x)
	}
	return d, y
}

func TestIshigamiAnalytic(t *testing.T) {
	// The analytic values agree with those quoted by Saltelli et al.
	// (2010): S1 = 0.314, 0.442, 0; ST = 0.558, 0.442, 0.244.
	s1, st := ishigamiIndices()
	want1 := [3]float64{0.314, 0.442, 0}
	wantT := [3]float64{0.558, 0.442, 0.244}
	for i := range 3 {
		if math.Abs(s1[i]-want1[i]) > 0.0006 || math.Abs(st[i]-wantT[i]) > 0.0006 {
			t.Errorf("x%d: analytic S1 %.4f ST %.4f, paper %.3f %.3f", i+1, s1[i], st[i], want1[i], wantT[i])
		}
	}
}

func TestSobolIshigami(t *testing.T) {
	// 2^13 base samples, 40960 model runs: the size Saltelli et al. (2010)
	// use for their comparison of estimators.
	_, y := ishigamiDesign(t, 1<<13, 1)
	res, err := AnalyzeSobol(y, 3, SobolOptions{Names: []string{"x1", "x2", "x3"}})
	if err != nil {
		t.Fatal(err)
	}
	s1, st := ishigamiIndices()
	for i := range 3 {
		t.Logf("x%d: S1 %.4f [%.4f, %.4f] (true %.4f)  ST %.4f [%.4f, %.4f] (true %.4f)", i+1,
			res.S1[i], res.S1CI[i].Lo, res.S1CI[i].Hi, s1[i], res.ST[i], res.STCI[i].Lo, res.STCI[i].Hi, st[i])
		if !res.S1CI[i].Contains(s1[i]) {
			t.Errorf("x%d: S1 interval [%.3f, %.3f] misses the analytic %.3f", i+1, res.S1CI[i].Lo, res.S1CI[i].Hi, s1[i])
		}
		if !res.STCI[i].Contains(st[i]) {
			t.Errorf("x%d: ST interval [%.3f, %.3f] misses the analytic %.3f", i+1, res.STCI[i].Lo, res.STCI[i].Hi, st[i])
		}
		// The intervals are informative, not trivially wide.
		if res.S1CI[i].Width() > 0.1 || res.STCI[i].Width() > 0.1 {
			t.Errorf("x%d: intervals too wide: %v %v", i+1, res.S1CI[i], res.STCI[i])
		}
	}
	for _, w := range res.Warnings {
		t.Errorf("unexpected warning at N = 8192: %s", w)
	}
}

func TestSobolSmallSampleWarns(t *testing.T) {
	_, y := ishigamiDesign(t, 16, 1)
	res, err := AnalyzeSobol(y, 3, SobolOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Warnings) == 0 {
		t.Fatalf("no warning with 16 base samples: S1 %v ST %v", res.S1, res.ST)
	}
	for _, w := range res.Warnings {
		t.Log(w)
	}
}

func TestSobolBootstrapReproducible(t *testing.T) {
	_, y := ishigamiDesign(t, 256, 3)
	a, err := AnalyzeSobol(y, 3, SobolOptions{})
	if err != nil {
		t.Fatal(err)
	}
	b, _ := AnalyzeSobol(y, 3, SobolOptions{})
	for i := range 3 {
		if a.S1CI[i] != b.S1CI[i] || a.STCI[i] != b.STCI[i] {
			t.Fatalf("intervals differ between two runs: %v %v", a.S1CI, b.S1CI)
		}
	}
}

func TestSobolErrors(t *testing.T) {
	if _, err := AnalyzeSobol(make([]float64, 7), 3, SobolOptions{}); err == nil {
		t.Error("7 outputs for blocks of 5: no error")
	}
	if _, err := AnalyzeSobol(make([]float64, 50), 3, SobolOptions{}); err == nil {
		t.Error("constant output: no error")
	}
	y := make([]float64, 50)
	y[3] = math.NaN()
	if _, err := AnalyzeSobol(y, 3, SobolOptions{}); err == nil {
		t.Error("NaN output: no error")
	}
}

func BenchmarkAnalyzeSobol(b *testing.B) {
	for _, n := range []int{256, 4096} {
		_, y := ishigamiDesign(b, n, 1)
		b.Run("N="+strconv.Itoa(n), func(b *testing.B) {
			for b.Loop() {
				if _, err := AnalyzeSobol(y, 3, SobolOptions{}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// TestSobolIntervalCoverage checks that the bootstrap intervals are
// calibrated: over 40 independent Ishigami samples (fixed seeds 1..40,
// N = 2048) the 95% intervals of the six indices hold the analytic values
// at least 90% of the time (a binomial(240, 0.95) count falls below 216
// with probability below 1e-3).
func TestSobolIntervalCoverage(t *testing.T) {
	if testing.Short() {
		t.Skip("short")
	}
	s1, st := ishigamiIndices()
	hit, total := 0, 0
	for seed := uint64(1); seed <= 40; seed++ {
		_, y := ishigamiDesign(t, 1<<11, seed)
		res, err := AnalyzeSobol(y, 3, SobolOptions{})
		if err != nil {
			t.Fatal(err)
		}
		for i := range 3 {
			total += 2
			if res.S1CI[i].Contains(s1[i]) {
				hit++
			}
			if res.STCI[i].Contains(st[i]) {
				hit++
			}
		}
	}
	t.Logf("coverage %d/%d", hit, total)
	if float64(hit) < 0.9*float64(total) {
		t.Errorf("95%% intervals hold the analytic index in only %d of %d cases", hit, total)
	}
}
