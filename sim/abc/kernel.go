package abc

import (
	"math"
	"math/rand/v2"
	"sort"

	"gonum.org/v1/gonum/mat"
)

// kernel is the perturbation kernel of one model in one generation: a
// mixture over the previous generation's particles of that model,
//
//	q(θ) = Σ_j w_j K_j(θ | θ_j),
//
// where K_j is a multivariate normal over the continuous parameters times,
// for each integer parameter, an independent rounded normal step (mass
// Φ((k+½-c)/s) - Φ((k-½-c)/s) at integer k), so its density is exact for
// the proposals it makes.
type kernel struct {
	cont, ints []int       // parameter indices: continuous, integer
	centers    [][]float64 // θ_j
	w, cum     []float64   // normalised weights, cumulative weights
	logw       []float64   // log w
	// One factor per centre (OLCM) or a single shared one (MVN).
	chol   [][]float64 // lower Cholesky factor of the continuous covariance, row-major dc×dc
	logdet []float64   // Σ log L_ii (half the log determinant)
	sdInt  [][]float64 // kernel s.d. of each integer parameter
	// white[j] is L⁻¹ θ_j (continuous part) when the factor is shared, so
	// a density costs O(d) per centre instead of O(d²).
	white [][]float64
}

// minIntSD is the smallest kernel step s.d. of an integer parameter, so a
// population that agrees on one integer value can still move off it.
const minIntSD = 0.5

// newKernel builds the kernel from the previous particles of one model
// (thetas, weights normalised within the model). With olcm, local holds
// for each particle whether it lies within the new epsilon: the optimal
// local covariance of centre j (Filippi et al. 2013, eq. 5) is
// Σ_{k local} ω_k (θ_k - θ_j)(θ_k - θ_j)ᵀ with ω renormalised over the
// local particles (all particles if none is local). Without olcm the
// covariance is twice the weighted covariance (Beaumont et al. 2009).
func newKernel(params []Param, thetas [][]float64, w []float64, olcm bool, local []bool) *kernel {
	k := &kernel{centers: thetas, w: w}
	for i, p := range params {
		if p.Integer {
			k.ints = append(k.ints, i)
		} else {
			k.cont = append(k.cont, i)
		}
	}
	k.cum = make([]float64, len(w))
	k.logw = make([]float64, len(w))
	s := 0.0
	for i, x := range w {
		s += x
		k.cum[i] = s
		k.logw[i] = math.Log(x)
	}
	d := len(params)
	if !olcm {
		cov := weightedCov(thetas, w, d)
		for i := range cov {
			for j := range cov[i] {
				cov[i][j] *= 2
			}
		}
		k.addFactor(cov)
		k.whiten()
		return k
	}
	lw := make([]float64, len(w))
	n := 0
	for i := range w {
		if local[i] {
			lw[i] = w[i]
			n++
		}
	}
	if n == 0 {
		copy(lw, w)
	}
	cov := weightedCov(thetas, lw, d)
	mean := weightedMean(thetas, lw, d)
	for _, c := range thetas {
		// Σ_j = C + (m - θ_j)(m - θ_j)ᵀ
		cj := make([][]float64, d)
		for a := range d {
			cj[a] = make([]float64, d)
			for b := range d {
				cj[a][b] = cov[a][b] + (mean[a]-c[a])*(mean[b]-c[b])
			}
		}
		k.addFactor(cj)
	}
	return k
}

func weightedMean(x [][]float64, w []float64, d int) []float64 {
	m := make([]float64, d)
	sw := 0.0
	for i, xi := range x {
		sw += w[i]
		for a := range d {
			m[a] += w[i] * xi[a]
		}
	}
	for a := range m {
		m[a] /= sw
	}
	return m
}

// weightedCov is Σ_i w_i (x_i - m)(x_i - m)ᵀ / Σ w_i with m the weighted
// mean (gonum's stat.CovarianceMatrix treats weights as frequencies,
// dividing by Σw - 1, which is wrong for normalised weights).
func weightedCov(x [][]float64, w []float64, d int) [][]float64 {
	m := weightedMean(x, w, d)
	c := make([][]float64, d)
	for a := range c {
		c[a] = make([]float64, d)
	}
	sw := 0.0
	for i, xi := range x {
		sw += w[i]
		for a := range d {
			da := xi[a] - m[a]
			for b := 0; b <= a; b++ {
				c[a][b] += w[i] * da * (xi[b] - m[b])
			}
		}
	}
	for a := range d {
		for b := 0; b <= a; b++ {
			c[a][b] /= sw
			c[b][a] = c[a][b]
		}
	}
	// Zero-variance coordinates (one particle, or all agreeing) get a
	// small step: 0.1% of the value's magnitude (at least 0.001).
	for a := range d {
		if !(c[a][a] > 0) {
			s := 1e-3 * math.Max(math.Abs(m[a]), 1)
			c[a][a] = s * s
		}
	}
	return c
}

// addFactor appends the factors of covariance cov: the Cholesky factor of
// its continuous block (with a growing ridge if it is not numerically
// positive definite) and the integer parameters' s.d.
func (k *kernel) addFactor(cov [][]float64) {
	dc := len(k.cont)
	sym := mat.NewSymDense(max(dc, 1), nil)
	maxDiag := 0.0
	for a, i := range k.cont {
		for b, j := range k.cont {
			sym.SetSym(a, b, cov[i][j])
		}
		maxDiag = math.Max(maxDiag, cov[i][i])
	}
	l := make([]float64, dc*dc)
	logdet := 0.0
	if dc > 0 {
		var ch mat.Cholesky
		ridge := 1e-12 * maxDiag
		ok := ch.Factorize(sym)
		for try := 0; !ok && try < 12; try++ {
			r := mat.NewSymDense(dc, nil)
			r.CopySym(sym)
			for a := range dc {
				r.SetSym(a, a, sym.At(a, a)+ridge)
			}
			ok = ch.Factorize(r)
			ridge *= 10
		}
		if !ok { // give up on correlations
			d := mat.NewSymDense(dc, nil)
			for a := range dc {
				d.SetSym(a, a, sym.At(a, a))
			}
			ch.Factorize(d)
		}
		var t mat.TriDense
		ch.LTo(&t)
		for a := range dc {
			for b := 0; b <= a; b++ {
				l[a*dc+b] = t.At(a, b)
			}
			logdet += math.Log(l[a*dc+a])
		}
	}
	sd := make([]float64, len(k.ints))
	for a, i := range k.ints {
		sd[a] = math.Max(math.Sqrt(cov[i][i]), minIntSD)
	}
	k.chol = append(k.chol, l)
	k.logdet = append(k.logdet, logdet)
	k.sdInt = append(k.sdInt, sd)
}

// whiten fills white for a shared factor.
func (k *kernel) whiten() {
	k.white = make([][]float64, len(k.centers))
	for j, c := range k.centers {
		k.white[j] = k.solve(0, c, nil)
	}
}

// solve returns L_f⁻¹ x over the continuous coordinates, in y if it has
// room.
func (k *kernel) solve(f int, x, y []float64) []float64 {
	dc := len(k.cont)
	if cap(y) < dc {
		y = make([]float64, dc)
	}
	y = y[:dc]
	l := k.chol[f]
	for a, i := range k.cont {
		s := x[i]
		for b := 0; b < a; b++ {
			s -= l[a*dc+b] * y[b]
		}
		y[a] = s / l[a*dc+a]
	}
	return y
}

func (k *kernel) factor(j int) int {
	if len(k.chol) == 1 {
		return 0
	}
	return j
}

// sample draws a centre by weight and perturbs it into theta.
func (k *kernel) sample(r *rand.Rand, theta []float64) {
	u := r.Float64() * k.cum[len(k.cum)-1]
	j := sort.SearchFloat64s(k.cum, u)
	if j >= len(k.cum) {
		j = len(k.cum) - 1
	}
	for j > 0 && k.w[j] == 0 { // never pick a zero-weight centre
		j--
	}
	c := k.centers[j]
	f := k.factor(j)
	dc := len(k.cont)
	l := k.chol[f]
	z := make([]float64, dc)
	for a := range z {
		z[a] = r.NormFloat64()
	}
	for a, i := range k.cont {
		x := c[i]
		for b := 0; b <= a; b++ {
			x += l[a*dc+b] * z[b]
		}
		theta[i] = x
	}
	for a, i := range k.ints {
		theta[i] = math.Round(c[i] + k.sdInt[f][a]*r.NormFloat64())
	}
}

// logDensity returns log Σ_j w_j K_j(theta | θ_j).
func (k *kernel) logDensity(theta []float64) float64 {
	dc := len(k.cont)
	var buf [16]float64
	y := buf[:0]
	var diff []float64
	if k.white != nil {
		y = k.solve(0, theta, y)
	} else {
		diff = make([]float64, len(theta))
	}
	norm := 0.5 * float64(dc) * math.Log(2*math.Pi)
	hi, sum := math.Inf(-1), 0.0 // running log-sum-exp: Σ exp(lp - hi) = sum
	for j, c := range k.centers {
		if k.w[j] == 0 {
			continue
		}
		f := k.factor(j)
		q := 0.0
		if k.white != nil {
			wj := k.white[j]
			for a := range y {
				d := y[a] - wj[a]
				q += d * d
			}
		} else {
			for _, i := range k.cont {
				diff[i] = theta[i] - c[i]
			}
			y = k.solve(f, diff, y)
			for _, v := range y {
				q += v * v
			}
		}
		lp := k.logw[j] - 0.5*q - k.logdet[f] - norm
		for a, i := range k.ints {
			s := k.sdInt[f][a]
			lp += math.Log(normMass((theta[i]-0.5-c[i])/s, (theta[i]+0.5-c[i])/s))
		}
		switch {
		case math.IsInf(lp, -1):
		case lp > hi:
			sum = sum*math.Exp(hi-lp) + 1
			hi = lp
		default:
			sum += math.Exp(lp - hi)
		}
	}
	if math.IsInf(hi, -1) {
		return hi
	}
	return hi + math.Log(sum)
}
