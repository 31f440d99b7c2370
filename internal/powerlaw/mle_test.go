package powerlaw

import (
	"math"
	"math/rand/v2"
	"testing"
)

// tailStats returns the size and mean logarithm of the observations ≥ xmin.
func tailStats(data []int64, xmin int64) (n int64, meanLog float64) {
	var s float64
	for _, v := range data {
		if v >= xmin {
			n++
			s += math.Log(float64(v))
		}
	}
	return n, s / float64(n)
}

// TestMLEFixedXMin checks the maximum-likelihood estimator alone on exact
// power-law samples with the true x_min: with no selection of x_min the
// estimate is within 4 asymptotic standard errors of the truth.
func TestMLEFixedXMin(t *testing.T) {
	for _, tc := range []struct {
		alpha float64
		xmin  int64
	}{{2.5, 5}, {2.0, 1}, {3.5, 2}, {1.5, 10}} {
		data := samplePowerLaw(rand.New(rand.NewPCG(7, uint64(tc.xmin))), tc.alpha, tc.xmin, 5000)
		n, ml := tailStats(data, tc.xmin)
		alpha, ok := mleAlpha(float64(tc.xmin), ml)
		se := stdErr(alpha, float64(tc.xmin), n)
		if !ok || math.Abs(alpha-tc.alpha) > 4*se {
			t.Errorf("α = %v, x_min = %d: estimate %.4f ± %.4f (interior %v)", tc.alpha, tc.xmin, alpha, se, ok)
		}
	}
}

// TestMLEStationary checks that the estimate solves the likelihood equation
// ζ'(α, x_min)/ζ(α, x_min) = −mean(ln x) (CSN Sec. 3.1, discrete case), with
// the derivative taken independently by central differences, and agrees
// with CSN's closed-form approximation α ≈ 1 + n/Σ ln(x/(x_min − 1/2)),
// which they report accurate to about 1% for x_min ≳ 6.
func TestMLEStationary(t *testing.T) {
	data := readTerrorism(t)
	for _, xmin := range []int64{6, 12, 30} {
		n, ml := tailStats(data, xmin)
		alpha, ok := mleAlpha(float64(xmin), ml)
		if !ok {
			t.Fatalf("x_min = %d: estimate on a bound", xmin)
		}
		const h = 1e-5
		dlogz := (negLogLik(alpha+h, float64(xmin), 0) - negLogLik(alpha-h, float64(xmin), 0)) / (2 * h)
		if math.Abs(dlogz+ml) > 1e-5 {
			t.Errorf("x_min = %d: ζ'/ζ = %.8f, want −mean ln x = %.8f", xmin, dlogz, -ml)
		}
		approx := 1 + 1/(ml-math.Log(float64(xmin)-0.5))
		if math.Abs(alpha/approx-1) > 0.01 {
			t.Errorf("x_min = %d (n = %d): α = %.4f, CSN approximation %.4f", xmin, n, alpha, approx)
		}
	}
}

// TestStdErrLargeXMin checks the Fisher-information standard error against
// CSN's large-x_min limit (α−1)/√n.
func TestStdErrLargeXMin(t *testing.T) {
	for _, alpha := range []float64{1.5, 2.5, 4} {
		const n = 1000
		se := stdErr(alpha, 500, n)
		want := (alpha - 1) / math.Sqrt(n)
		if math.Abs(se/want-1) > 0.01 {
			t.Errorf("α = %v: stdErr = %.6f, want ≈ %.6f", alpha, se, want)
		}
	}
}

func TestBrentMin(t *testing.T) {
	for _, tc := range []struct {
		name string
		f    func(float64) float64
		want float64
	}{
		{"parabola", func(x float64) float64 { return (x - 2) * (x - 2) }, 2},
		{"asymmetric", func(x float64) float64 { return math.Exp(x) - 3*x }, math.Log(3)},
		{"decreasing", func(x float64) float64 { return -x }, 6},
		{"increasing", func(x float64) float64 { return x }, 1},
	} {
		if got := brentMin(tc.f, 1, 6, 1e-9); math.Abs(got-tc.want) > 1e-6 {
			t.Errorf("%s: minimiser %.9f, want %.9f", tc.name, got, tc.want)
		}
	}
}
