package sweep

import (
	"math"
	"testing"
)

func unitParams(k int) []Param {
	ps := make([]Param, k)
	for i := range ps {
		ps[i] = Param{Name: "x" + string(rune('1'+i)), Min: 0, Max: 1}
	}
	return ps
}

// gFunction is Sobol's g-function, prod_i (|4x_i - 2| + a_i)/(1 + a_i):
// the smaller a_i, the more important x_i (Saltelli et al. 2008, sec.
// 3.7; Campolongo et al. 2007 use it to test mu*).
func gFunction(a []float64) func([]float64) float64 {
	return func(x []float64) float64 {
		p := 1.0
		for i, ai := range a {
			p *= (math.Abs(4*x[i]-2) + ai) / (1 + ai)
		}
		return p
	}
}

func morrisRun(t *testing.T, k, r int, f func([]float64) float64) (*Design, *MorrisEffects) {
	t.Helper()
	d, err := New(Spec{Kind: Morris, Params: unitParams(k), Size: r, Seed: 7})
	if err != nil {
		t.Fatal(err)
	}
	y := make([]float64, d.Len())
	for i, x := range d.Points {
		y[i] = f(x)
	}
	res, err := AnalyzeMorris(d, y, MorrisOptions{})
	if err != nil {
		t.Fatal(err)
	}
	return d, res
}

func TestMorrisLinearExact(t *testing.T) {
	// For f = sum c_i x_i on [0, 1]^k every elementary effect is c_i:
	// mu = c_i, mu* = |c_i|, sigma = 0 (Morris 1991).
	c := []float64{10, -5, 1, 0}
	_, res := morrisRun(t, 4, 20, func(x []float64) float64 {
		s := 0.0
		for i := range c {
			s += c[i] * x[i]
		}
		return s
	})
	for i := range c {
		if math.Abs(res.Mu[i]-c[i]) > 1e-9 || math.Abs(res.MuStar[i]-math.Abs(c[i])) > 1e-9 || res.Sigma[i] > 1e-9 {
			t.Errorf("x%d: mu %g mu* %g sigma %g, want %g %g 0", i+1, res.Mu[i], res.MuStar[i], res.Sigma[i], c[i], math.Abs(c[i]))
		}
	}
}

func TestMorrisGFunctionRanking(t *testing.T) {
	// a = 0, 1, 4.5, 9, 99, 99: importance decreases with a (Saltelli et
	// al. 2008, table 3.6), the last two are nearly inert.
	a := []float64{0, 1, 4.5, 9, 99, 99}
	_, res := morrisRun(t, len(a), 50, gFunction(a))
	t.Logf("mu* %.3f", res.MuStar)
	t.Logf("sigma %.3f", res.Sigma)
	for i := 0; i < 3; i++ {
		if !(res.MuStar[i] > res.MuStar[i+1]) {
			t.Errorf("mu*[x%d] = %.3f not above mu*[x%d] = %.3f", i+1, res.MuStar[i], i+2, res.MuStar[i+1])
		}
		// The ranking is resolved by the bootstrap intervals too.
		if !(res.MuStarCI[i].Lo > res.MuStarCI[i+1].Hi) {
			t.Errorf("mu* intervals of x%d %v and x%d %v overlap", i+1, res.MuStarCI[i], i+2, res.MuStarCI[i+1])
		}
	}
	for i := 4; i < 6; i++ {
		if res.MuStar[i] > 0.05*res.MuStar[0] {
			t.Errorf("x%d (a = 99) has mu* %.3f, above 5%% of x1's %.3f", i+1, res.MuStar[i], res.MuStar[0])
		}
	}
	// The g-function is non-monotonic in each x_i: |4x-2| makes effects
	// change sign, so mu of x1 is far below mu*.
	if math.Abs(res.Mu[0]) > 0.5*res.MuStar[0] {
		t.Errorf("x1: |mu| %.3f not well below mu* %.3f for a non-monotonic effect", math.Abs(res.Mu[0]), res.MuStar[0])
	}
	if len(res.Warnings) != 0 {
		t.Errorf("warnings with 50 trajectories: %v", res.Warnings)
	}
}

func TestMorrisFewTrajectoriesWarns(t *testing.T) {
	_, res := morrisRun(t, 3, 4, gFunction([]float64{0, 1, 9}))
	if len(res.Warnings) == 0 {
		t.Error("no warning with 4 trajectories")
	}
}

func TestMorrisDesignShape(t *testing.T) {
	for _, p := range []int{2, 4, 6} {
		d, err := New(Spec{Kind: Morris, Params: unitParams(5), Size: 30, MorrisLevels: p, Seed: 3})
		if err != nil {
			t.Fatal(err)
		}
		delta := MorrisDelta(p)
		if d.Len() != 30*6 {
			t.Fatalf("p=%d: %d points, want 180", p, d.Len())
		}
		for i, u := range d.Unit {
			for _, v := range u {
				lvl := v * float64(p-1)
				if v < 0 || v > 1 || math.Abs(lvl-math.Round(lvl)) > 1e-9 {
					t.Fatalf("p=%d point %d: %v off the grid", p, i, u)
				}
			}
			if i%6 == 0 {
				continue
			}
			moved := 0
			for j := range u {
				if diff := math.Abs(u[j] - d.Unit[i-1][j]); diff != 0 {
					moved++
					if math.Abs(diff-delta) > 1e-12 {
						t.Fatalf("p=%d point %d: step %g, want %g", p, i, diff, delta)
					}
				}
			}
			if moved != 1 {
				t.Fatalf("p=%d point %d moves %d coordinates", p, i, moved)
			}
		}
	}
}

func TestMorrisAnalysisRejects(t *testing.T) {
	d, _ := New(Spec{Kind: LHS, Params: unitParams(2), Size: 9, Seed: 1})
	if _, err := AnalyzeMorris(d, make([]float64, 9), MorrisOptions{}); err == nil {
		t.Error("morris analysis of an lhs design: no error")
	}
	d, _ = New(Spec{Kind: Morris, Params: unitParams(2), Size: 3, Seed: 1})
	if _, err := AnalyzeMorris(d, make([]float64, 8), MorrisOptions{}); err == nil {
		t.Error("8 outputs for 9 points: no error")
	}
}
