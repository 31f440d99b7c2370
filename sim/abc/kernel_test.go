package abc

import (
	"math"
	"math/rand/v2"
	"testing"

	"gonum.org/v1/gonum/mat"
	"gonum.org/v1/gonum/stat/distmv"
)

// TestKernelDensity checks the kernel's log density against a direct
// evaluation with gonum's distmv.Normal, using the covariances written
// out in full (2C for mvn; C_L + v_j v_jᵀ for olcm), times the rounded
// normal mass of the integer parameter; and checks that draws follow it
// (the empirical mass of integer values near a centre).
func TestKernelDensity(t *testing.T) {
	params := []Param{{Name: "a"}, {Name: "k", Integer: true}, {Name: "b"}}
	thetas := [][]float64{{0.1, 3, 1.2}, {0.5, 4, 0.7}, {-0.3, 3, 1.9}, {0.2, 6, 1.1}, {0.9, 5, 0.2}}
	w := []float64{0.1, 0.3, 0.2, 0.25, 0.15}
	local := []bool{true, true, false, true, true}
	for _, olcm := range []bool{false, true} {
		k := newKernel(params, thetas, w, olcm, local)
		lw := w
		if olcm {
			lw = []float64{0.1, 0.3, 0, 0.25, 0.15}
		}
		cov := weightedCov(thetas, lw, 3)
		mean := weightedMean(thetas, lw, 3)
		direct := func(x []float64) float64 {
			s := 0.0
			for j, c := range thetas {
				var sig [3][3]float64
				for a := range 3 {
					for b := range 3 {
						if olcm {
							sig[a][b] = cov[a][b] + (mean[a]-c[a])*(mean[b]-c[b])
						} else {
							sig[a][b] = 2 * cov[a][b]
						}
					}
				}
				// Continuous block (a, b) = parameters 0 and 2.
				cs := mat.NewSymDense(2, []float64{sig[0][0], sig[0][2], sig[2][0], sig[2][2]})
				n, ok := distmv.NewNormal([]float64{c[0], c[2]}, cs, nil)
				if !ok {
					t.Fatal("covariance not positive definite")
				}
				sd := math.Max(math.Sqrt(sig[1][1]), minIntSD)
				mass := normMass((x[1]-0.5-c[1])/sd, (x[1]+0.5-c[1])/sd)
				s += w[j] * math.Exp(n.LogProb([]float64{x[0], x[2]})) * mass
			}
			return math.Log(s)
		}
		for _, x := range [][]float64{{0.3, 4, 1}, {-1, 2, 2.5}, {0.6, 5, 0.4}} {
			got, want := k.logDensity(x), direct(x)
			if math.Abs(got-want) > 1e-10 {
				t.Errorf("olcm=%v: log density at %v = %.12f, direct %.12f", olcm, x, got, want)
			}
		}
		// Draws: the share of integer values equals the mixture mass.
		r := rand.New(rand.NewPCG(9, 9))
		const n = 40000
		counts := map[float64]int{}
		x := make([]float64, 3)
		var m0, m2, s00, s02 float64
		for range n {
			k.sample(r, x)
			counts[x[1]]++
			m0 += x[0] / n
			m2 += x[2] / n
			s00 += x[0] * x[0] / n
			s02 += x[0] * x[2] / n
		}
		// Mixture moments: mean Σ w_j θ_j, second moment Σ w_j (Σ_j + θ_j θ_jᵀ).
		var wm0, wm2, ws00, ws02 float64
		for j, c := range thetas {
			f := 2.0
			var v0, v2 float64
			if olcm {
				f, v0, v2 = 1, mean[0]-c[0], mean[2]-c[2]
			}
			wm0 += w[j] * c[0]
			wm2 += w[j] * c[2]
			ws00 += w[j] * (f*cov[0][0] + v0*v0 + c[0]*c[0])
			ws02 += w[j] * (f*cov[0][2] + v0*v2 + c[0]*c[2])
		}
		if math.Abs(m0-wm0) > 0.02 || math.Abs(m2-wm2) > 0.02 || math.Abs(s00-ws00) > 0.03 || math.Abs(s02-ws02) > 0.03 {
			t.Errorf("olcm=%v: draws have moments %.3f %.3f %.3f %.3f, kernel %.3f %.3f %.3f %.3f",
				olcm, m0, m2, s00, s02, wm0, wm2, ws00, ws02)
		}
		for _, v := range []float64{3, 4, 5} {
			want := 0.0
			for j, c := range thetas {
				sd := k.intSDOf(j)[0]
				want += w[j] * normMass((v-0.5-c[1])/sd, (v+0.5-c[1])/sd)
			}
			got := float64(counts[v]) / n
			// 4 binomial s.d. at n = 40000 is at most 0.01.
			if math.Abs(got-want) > 0.01 {
				t.Errorf("olcm=%v: share of k=%g is %.4f, kernel mass %.4f", olcm, v, got, want)
			}
		}
	}
}
