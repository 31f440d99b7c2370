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
//
// With the "mvn" kernel every K_j has covariance Σ = 2C, C the weighted
// covariance of the particles (Beaumont et al. 2009). With "olcm" (Filippi
// et al. 2013, eq. 5) K_j has the optimal local covariance
//
//	Σ_j = Σ_{k local} ω_k (θ_k - θ_j)(θ_k - θ_j)ᵀ = C_L + v_j v_jᵀ,
//
// C_L and m_L the covariance and mean of the local particles (those within
// the new epsilon, weights ω renormalised over them) and v_j = m_L - θ_j.
// The rank-one form keeps both kernels at one Cholesky factor L of the
// shared part: a draw is θ_j + L z + v_j g (z, g standard normal), and by
// the matrix determinant lemma and Sherman-Morrison, with ỹ = L⁻¹(θ - θ_j)
// and ṽ = L⁻¹v_j,
//
//	(θ-θ_j)ᵀ Σ_j⁻¹ (θ-θ_j) = |ỹ|² - (ỹ·ṽ)² / (1 + |ṽ|²),
//	log det Σ_j = log det(LLᵀ) + log(1 + |ṽ|²),
//
// so a density costs O(d) per centre rather than O(d²) or O(d³).
type kernel struct {
	cont, ints []int       // parameter indices: continuous, integer
	centers    [][]float64 // θ_j
	w, cum     []float64   // normalised weights, cumulative weights
	chol       []float64   // lower Cholesky factor L of the shared continuous covariance, row-major dc×dc
	white      [][]float64 // L⁻¹ θ_j (continuous part)
	cst        []float64   // log w_j - ½ log det Σ_j - (dc/2) log 2π
	// olcm only: v_j (indexed like θ), L⁻¹ v_j, |L⁻¹ v_j|²
	v, vw [][]float64
	vv    []float64
	sdInt [][]float64 // per centre (olcm) or one shared: s.d. of each integer step
}

// minIntSD is the smallest kernel step s.d. of an integer parameter, so a
// population that agrees on one integer value can still move off it.
const minIntSD = 0.5

// newKernel builds the kernel from the previous particles of one model
// (thetas, weights normalised within the model). With olcm, local holds
// for each particle whether it lies within the new epsilon (all particles
// count as local if none does).
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
	s := 0.0
	for i, x := range w {
		s += x
		k.cum[i] = s
	}
	d := len(params)
	var cov [][]float64
	if !olcm {
		cov = weightedCov(thetas, w, d)
		for i := range cov {
			for j := range cov[i] {
				cov[i][j] *= 2
			}
		}
	} else {
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
		cov = weightedCov(thetas, lw, d)
		mean := weightedMean(thetas, lw, d)
		for _, c := range thetas {
			v := make([]float64, d)
			for a := range v {
				v[a] = mean[a] - c[a]
			}
			k.v = append(k.v, v)
		}
	}
	logdet := k.factorize(cov)
	norm := 0.5 * float64(len(k.cont)) * math.Log(2*math.Pi)
	k.white = make([][]float64, len(thetas))
	k.cst = make([]float64, len(thetas))
	for j, c := range thetas {
		k.white[j] = k.solve(c, nil)
		k.cst[j] = math.Log(w[j]) - logdet - norm
	}
	if !olcm {
		k.sdInt = [][]float64{intSD(k.ints, cov, nil)}
		return k
	}
	k.vw = make([][]float64, len(thetas))
	k.vv = make([]float64, len(thetas))
	for j, v := range k.v {
		k.vw[j] = k.solve(v, nil)
		for _, x := range k.vw[j] {
			k.vv[j] += x * x
		}
		k.cst[j] -= 0.5 * math.Log1p(k.vv[j])
		k.sdInt = append(k.sdInt, intSD(k.ints, cov, v))
	}
	return k
}

// intSD returns the step s.d. of each integer parameter: sqrt(cov_ii +
// v_i²), at least minIntSD.
func intSD(ints []int, cov [][]float64, v []float64) []float64 {
	sd := make([]float64, len(ints))
	for a, i := range ints {
		s := cov[i][i]
		if v != nil {
			s += v[i] * v[i]
		}
		sd[a] = math.Max(math.Sqrt(s), minIntSD)
	}
	return sd
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
// Zero-variance coordinates (one particle, or all agreeing) get a small
// variance, (0.1% of the value's magnitude, at least 0.001)², so the
// kernel can still move.
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
	for a := range d {
		if !(c[a][a] > 0) {
			s := 1e-3 * math.Max(math.Abs(m[a]), 1)
			c[a][a] = s * s
		}
	}
	return c
}

// factorize sets chol to the Cholesky factor of cov's continuous block
// (gonum mat.Cholesky; with a growing ridge if it is not numerically
// positive definite, and without correlations as a last resort) and
// returns Σ log L_ii, half the log determinant.
func (k *kernel) factorize(cov [][]float64) float64 {
	dc := len(k.cont)
	k.chol = make([]float64, dc*dc)
	if dc == 0 {
		return 0
	}
	sym := mat.NewSymDense(dc, nil)
	maxDiag := 0.0
	for a, i := range k.cont {
		for b, j := range k.cont {
			sym.SetSym(a, b, cov[i][j])
		}
		maxDiag = math.Max(maxDiag, cov[i][i])
	}
	var ch mat.Cholesky
	ok := ch.Factorize(sym)
	ridge := 1e-12 * maxDiag
	for try := 0; !ok && try < 12; try++ {
		r := mat.NewSymDense(dc, nil)
		r.CopySym(sym)
		for a := range dc {
			r.SetSym(a, a, sym.At(a, a)+ridge)
		}
		ok = ch.Factorize(r)
		ridge *= 10
	}
	if !ok {
		diag := mat.NewSymDense(dc, nil)
		for a := range dc {
			diag.SetSym(a, a, sym.At(a, a))
		}
		ch.Factorize(diag)
	}
	var t mat.TriDense
	ch.LTo(&t)
	logdet := 0.0
	for a := range dc {
		for b := 0; b <= a; b++ {
			k.chol[a*dc+b] = t.At(a, b)
		}
		logdet += math.Log(k.chol[a*dc+a])
	}
	return logdet
}

// solve returns L⁻¹ x over the continuous coordinates (x indexed like θ),
// in y if it has room.
func (k *kernel) solve(x, y []float64) []float64 {
	dc := len(k.cont)
	if cap(y) < dc {
		y = make([]float64, dc)
	}
	y = y[:dc]
	l := k.chol
	for a, i := range k.cont {
		s := x[i]
		for b := 0; b < a; b++ {
			s -= l[a*dc+b] * y[b]
		}
		y[a] = s / l[a*dc+a]
	}
	return y
}

func (k *kernel) intSDOf(j int) []float64 {
	if len(k.sdInt) == 1 {
		return k.sdInt[0]
	}
	return k.sdInt[j]
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
	dc := len(k.cont)
	var buf [16]float64
	z := buf[:0]
	for range dc {
		z = append(z, r.NormFloat64())
	}
	g := 0.0
	if k.v != nil {
		g = r.NormFloat64()
	}
	for a, i := range k.cont {
		x := c[i]
		for b := 0; b <= a; b++ {
			x += k.chol[a*dc+b] * z[b]
		}
		if k.v != nil {
			x += k.v[j][i] * g
		}
		theta[i] = x
	}
	sd := k.intSDOf(j)
	for a, i := range k.ints {
		theta[i] = math.Round(c[i] + sd[a]*r.NormFloat64())
	}
}

// logDensity returns log Σ_j w_j K_j(theta | θ_j).
func (k *kernel) logDensity(theta []float64) float64 {
	var buf [16]float64
	y := k.solve(theta, buf[:0])
	hi, sum := math.Inf(-1), 0.0 // running log-sum-exp: Σ_j exp(lp_j - hi) = sum
	for j, c := range k.centers {
		if k.w[j] == 0 {
			continue
		}
		wj := k.white[j]
		q, dv := 0.0, 0.0
		for a := range y {
			d := y[a] - wj[a]
			q += d * d
		}
		if k.v != nil {
			for a, x := range k.vw[j] {
				dv += (y[a] - wj[a]) * x
			}
			q -= dv * dv / (1 + k.vv[j])
		}
		lp := k.cst[j] - 0.5*q
		sd := k.intSDOf(j)
		for a, i := range k.ints {
			lp += math.Log(normMass((theta[i]-0.5-c[i])/sd[a], (theta[i]+0.5-c[i])/sd[a]))
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
