package score

import (
	"math"
	"math/rand/v2"
	"testing"

	"gonum.org/v1/gonum/stat/distuv"
)

// TestPoissonDisjointWindows: with independent rates and windows that
// expose one rate each, the maximum-likelihood rate is the total count
// over the total exposure.
func TestPoissonDisjointWindows(t *testing.T) {
	figs := []Figure{
		{Name: "a1", Exposure: []float64{4, 0}, Observed: 119, Divisor: 1},
		{Name: "a2", Exposure: []float64{12, 0}, Observed: 274, Divisor: 1},
		{Name: "b", Exposure: []float64{0, 4}, Observed: 1.5, Divisor: 4}, // a rate: 6 over 4 months
	}
	ft, err := FitPoisson(Design{Prev: []int{-1, -1}}, figs)
	if err != nil {
		t.Fatal(err)
	}
	if want := (119.0 + 274) / 16; math.Abs(ft.Rates[0]-want) > 1e-4*want {
		t.Errorf("rate 0 = %g, want %g", ft.Rates[0], want)
	}
	if math.Abs(ft.Rates[1]-1.5) > 1e-4 {
		t.Errorf("rate 1 = %g, want 1.5", ft.Rates[1])
	}
	if !math.IsInf(ft.Size, 1) {
		t.Errorf("Poisson size %g", ft.Size)
	}
}

// TestPoissonUnidentifiedFollowsPredecessor: a regime no figure exposes
// takes the rate of the regime it follows; a regime exposed only inside a
// sum with another it cannot be told apart from is pulled to its
// predecessor too.
func TestPoissonUnidentifiedFollowsPredecessor(t *testing.T) {
	figs := []Figure{{Name: "a", Exposure: []float64{10, 0}, Observed: 200, Divisor: 1}}
	ft, err := FitPoisson(Design{Prev: []int{-1, 0}}, figs)
	if err != nil {
		t.Fatal(err)
	}
	if math.Abs(ft.Rates[0]-20) > 1e-3 || math.Abs(ft.Rates[1]-20) > 1e-3 {
		t.Errorf("rates %v, want 20 and 20", ft.Rates)
	}
	// The first regime, unexposed, takes its successor's rate.
	figs2 := []Figure{{Name: "b", Exposure: []float64{0, 10}, Observed: 50, Divisor: 1}}
	if ft, err := FitPoisson(Design{Prev: []int{-1, 0}}, figs2); err != nil || math.Abs(ft.Rates[0]-5) > 1e-3 || math.Abs(ft.Rates[1]-5) > 1e-3 {
		t.Errorf("unexposed first regime: %v %v, want 5 and 5", ft, err)
	}
	if _, err := FitPoisson(Design{Prev: []int{-1, -1}}, figs); err == nil {
		t.Error("a rate no figure exposes and that follows none: no error")
	}
}

// TestNegBinRecoversDispersion: 400 one-month counts drawn from a
// negative binomial of mean 20 and size 5 (a gamma-Poisson mixture) give
// back the rate and the size.
func TestNegBinRecoversDispersion(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	g := distuv.Gamma{Alpha: 5, Beta: 5.0 / 20, Src: r}
	var figs []Figure
	var sum float64
	for i := 0; i < 400; i++ {
		y := float64(poissonDraw(r, g.Rand()))
		sum += y
		figs = append(figs, Figure{Exposure: []float64{1}, Observed: y, Divisor: 1})
	}
	ft, err := FitNegBin(Design{Prev: []int{-1}}, figs)
	if err != nil {
		t.Fatal(err)
	}
	if math.Abs(ft.Rates[0]-sum/400) > 1e-3*sum/400 {
		t.Errorf("rate %g, want the sample mean %g", ft.Rates[0], sum/400)
	}
	// The size's standard error at n = 400 is about 0.5.
	if math.Abs(ft.Size-5) > 1.5 {
		t.Errorf("size %g, want about 5", ft.Size)
	}
	// Poisson data give a large size (no overdispersion).
	figs = figs[:0]
	for i := 0; i < 400; i++ {
		figs = append(figs, Figure{Exposure: []float64{1}, Observed: float64(poissonDraw(r, 20)), Divisor: 1})
	}
	ft, err = FitNegBin(Design{Prev: []int{-1}}, figs)
	if err != nil {
		t.Fatal(err)
	}
	if ft.Size < 50 {
		t.Errorf("Poisson data: size %g, want large", ft.Size)
	}
}

// TestBaselinePredictive: a Poisson fit's predictive of a window scores
// as the closed form of the Poisson (Wei and Held 2014), and a figure
// that is a rate per month (divisor 4) scores a quarter of its count's.
func TestBaselinePredictive(t *testing.T) {
	ft := &Fit{Rates: []float64{2.5}, Size: math.Inf(1)}
	f := Figure{Exposure: []float64{4}, Observed: 7, Divisor: 1}
	p, err := ft.Predictive(f)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := p.CRPS(7), poissonCRPS(10, 7); math.Abs(got-want) > 1e-9 {
		t.Errorf("CRPS %g, closed form %g", got, want)
	}
	f.Divisor, f.Observed = 4, 7.0/4
	p, _ = ft.Predictive(f)
	if got, want := p.CRPS(7.0/4), poissonCRPS(10, 7)/4; math.Abs(got-want) > 1e-9 {
		t.Errorf("rate CRPS %g, want %g", got, want)
	}
	// A negative binomial's predictive has its mean and variance.
	nb := &Fit{Rates: []float64{20}, Size: 5}
	q, _ := nb.Predictive(Figure{Exposure: []float64{3}, Divisor: 1})
	var m, v float64
	for i, x := range q.Values {
		m += q.Weights[i] * x
	}
	for i, x := range q.Values {
		v += q.Weights[i] * (x - m) * (x - m)
	}
	// 3 months: mean 60, variance 3 (20 + 400/5) = 300.
	if math.Abs(m-60) > 1e-6 || math.Abs(v-300) > 1e-4 {
		t.Errorf("NB predictive mean %g variance %g, want 60 and 300", m, v)
	}
}
