package score

import (
	"math"
	"math/rand/v2"
	"testing"

	"gonum.org/v1/gonum/stat/distuv"
)

// TestCRPSNormalClosedForm: a point mass at mu with normal observation
// error s is N(mu, s²), whose CRPS is Gneiting and Raftery (2007) eq. 21.
func TestCRPSNormalClosedForm(t *testing.T) {
	for _, c := range []struct{ mu, s, y float64 }{
		{0, 1, 0}, {0, 1, 1.5}, {10, 3, 2}, {119, 12, 99}, {0.27, 0.05, 0.2},
	} {
		p, err := NewPredictive([]float64{c.mu}, []float64{1}, c.s)
		if err != nil {
			t.Fatal(err)
		}
		got, want := p.CRPS(c.y), NormalCRPS(c.mu, c.s, c.y)
		if math.Abs(got-want) > 1e-12*math.Max(1, want) {
			t.Errorf("N(%g, %g²) at %g: CRPS %.15g, closed form %.15g", c.mu, c.s, c.y, got, want)
		}
	}
	// The closed form itself at z = 0: sigma (2φ(0) - 1/√π) = sigma (√2 - 1)/√π.
	if got, want := NormalCRPS(0, 2, 0), 2*(math.Sqrt2-1)/math.Sqrt(math.Pi); math.Abs(got-want) > 1e-15 {
		t.Errorf("NormalCRPS(0,2,0) = %g, want %g", got, want)
	}
}

// TestCRPSEnsembleOfNormalDraws: the empirical predictive of 20,000 draws
// from N(5, 2²) scores close to the normal's closed form.
func TestCRPSEnsembleOfNormalDraws(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	n := 20000
	v := make([]float64, n)
	w := make([]float64, n)
	for i := range v {
		v[i] = 5 + 2*r.NormFloat64()
		w[i] = 1
	}
	p, err := NewPredictive(v, w, 0)
	if err != nil {
		t.Fatal(err)
	}
	for _, y := range []float64{5, 3, 9} {
		got, want := p.CRPS(y), NormalCRPS(5, 2, y)
		if math.Abs(got-want) > 0.02 {
			t.Errorf("y %g: ensemble CRPS %g, normal %g", y, got, want)
		}
	}
}

// poissonCRPS is the closed form of Wei and Held (2014, Table 1):
// (y - λ)(2F(y) - 1) + 2λ f(⌊y⌋) - λ e^{-2λ} (I0(2λ) + I1(2λ)).
func poissonCRPS(lambda, y float64) float64 {
	d := distuv.Poisson{Lambda: lambda}
	x := 2 * lambda
	return (y-lambda)*(2*d.CDF(y)-1) + 2*lambda*d.Prob(math.Floor(y)) -
		lambda*(scaledBesselI(0, x)+scaledBesselI(1, x))
}

// scaledBesselI returns e^{-x} I_n(x) by its power series, summed in logs.
func scaledBesselI(n int, x float64) float64 {
	var s float64
	for k := 0; k < 500; k++ {
		lk, _ := math.Lgamma(float64(k + 1))
		lkn, _ := math.Lgamma(float64(k + n + 1))
		s += math.Exp(float64(2*k+n)*math.Log(x/2) - lk - lkn - x)
	}
	return s
}

// TestCRPSPoissonClosedForm: the pmf of a Poisson, truncated where the
// tails are below 1e-15, scores as the closed form.
func TestCRPSPoissonClosedForm(t *testing.T) {
	for _, c := range []struct{ lambda, y float64 }{{3, 0}, {3, 3}, {3, 8}, {10, 4}, {40, 47}, {25, 10}} {
		d := distuv.Poisson{Lambda: c.lambda}
		var v, w []float64
		for k := 0.0; k < c.lambda+60+10*math.Sqrt(c.lambda); k++ {
			v = append(v, k)
			w = append(w, d.Prob(k))
		}
		p, err := NewPredictive(v, w, 0)
		if err != nil {
			t.Fatal(err)
		}
		got, want := p.CRPS(c.y), poissonCRPS(c.lambda, c.y)
		if math.Abs(got-want) > 1e-9 {
			t.Errorf("Poisson(%g) at %g: CRPS %.12g, closed form %.12g", c.lambda, c.y, got, want)
		}
	}
}

// TestCRPSIntegral: for a small mixture with and without error, the kernel
// form equals the defining integral of (F(x) - 1{x >= y})², summed by the
// trapezoid rule.
func TestCRPSIntegral(t *testing.T) {
	for _, sd := range []float64{0, 0.7} {
		p, err := NewPredictive([]float64{1, 2, 4, 4, 7}, []float64{1, 3, 2, 1, 1}, sd)
		if err != nil {
			t.Fatal(err)
		}
		for _, y := range []float64{0, 2.5, 4, 9} {
			var integral float64
			h := 1e-4
			for x := -10.0; x < 20; x += h {
				step := 0.0
				if x >= y {
					step = 1
				}
				d := p.CDF(x+h/2) - step
				integral += d * d * h
			}
			if got := p.CRPS(y); math.Abs(got-integral) > 1e-3 {
				t.Errorf("sd %g y %g: CRPS %g, integral %g", sd, y, got, integral)
			}
		}
	}
}

// TestPointMass: with no error, the CRPS of a point forecast is the
// absolute error, and its PIT is 0 below, 1 above, u at the value.
func TestPointMass(t *testing.T) {
	p, _ := NewPredictive([]float64{3}, []float64{1}, 0)
	if got := p.CRPS(7); got != 4 {
		t.Errorf("CRPS %g, want 4", got)
	}
	if p.PIT(1, 0.3) != 0 || p.PIT(5, 0.3) != 1 || p.PIT(3, 0.3) != 0.3 {
		t.Errorf("PIT %g %g %g, want 0 1 0.3", p.PIT(1, 0.3), p.PIT(5, 0.3), p.PIT(3, 0.3))
	}
}

// TestPITUniform: observations drawn from the predictive itself give PIT
// values spread evenly over [0, 1] (randomised for the discrete case).
func TestPITUniform(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	d := distuv.Poisson{Lambda: 4}
	var v, w []float64
	for k := 0.0; k < 40; k++ {
		v = append(v, k)
		w = append(w, d.Prob(k))
	}
	for _, sd := range []float64{0, 1.5} {
		p, _ := NewPredictive(v, w, sd)
		var bins [10]int
		n := 20000
		for i := 0; i < n; i++ {
			y := float64(poissonDraw(r, 4)) + sd*r.NormFloat64()
			u := p.PIT(y, r.Float64())
			bins[min(int(u*10), 9)]++
		}
		for b, c := range bins {
			// Expected 2,000 per bin; binomial s.d. 42; 5 s.d. tolerance.
			if math.Abs(float64(c)-2000) > 210 {
				t.Errorf("sd %g: PIT bin %d has %d of %d", sd, b, c, n)
			}
		}
	}
}

func poissonDraw(r *rand.Rand, lambda float64) int {
	l, k, p := math.Exp(-lambda), 0, 1.0
	for {
		p *= r.Float64()
		if p <= l {
			return k
		}
		k++
	}
}

// TestQuantile: the quantiles of N(0,1) as a one-point mixture, and of a
// discrete predictive.
func TestQuantile(t *testing.T) {
	p, _ := NewPredictive([]float64{0}, []float64{1}, 1)
	if got := p.Quantile(0.95); math.Abs(got-1.6448536269514722) > 1e-7 {
		t.Errorf("q95 %g", got)
	}
	q, _ := NewPredictive([]float64{1, 2, 3, 4}, []float64{1, 1, 1, 1}, 0)
	if q.Quantile(0.25) != 1 || q.Quantile(0.26) != 2 || q.Quantile(0.95) != 4 {
		t.Errorf("discrete quantiles %g %g %g", q.Quantile(0.25), q.Quantile(0.26), q.Quantile(0.95))
	}
}

func TestBadInput(t *testing.T) {
	for _, c := range []struct {
		v, w []float64
		sd   float64
	}{
		{nil, nil, 0}, {[]float64{1}, []float64{0}, 0}, {[]float64{1}, []float64{-1}, 0},
		{[]float64{1}, []float64{1}, -1}, {[]float64{math.NaN()}, []float64{1}, 0}, {[]float64{1, 2}, []float64{1}, 0},
	} {
		if _, err := NewPredictive(c.v, c.w, c.sd); err == nil {
			t.Errorf("%v %v %g: no error", c.v, c.w, c.sd)
		}
	}
}
