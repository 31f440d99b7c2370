package calibrate

import (
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"math"
	"math/rand/v2"
	"os"
	"reflect"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/insurgo/insurgo/scenarios"
	"github.com/insurgo/insurgo/sim"
	"github.com/insurgo/insurgo/sim/abc"
)

// ErrPosterior is wrapped by errors reading a posterior.
var ErrPosterior = errors.New("calibrate: bad posterior")

// StreamPosterior is the name of the random stream that picks a
// replicate's particle; the models' own streams are untouched by it.
const StreamPosterior = "posterior"

// Posterior is a calibration's final population read back, for drawing
// the settings of each replicate of a run or a comparison.
type Posterior struct {
	// Hash is the SHA-256 of posterior.csv.
	Hash string
	// Name is the calibration's name.
	Name string
	// Models are the calibration's models (their names and base
	// scenarios as written).
	Models []ModelSummary
	// Keys are the calibrated settings, Integer whether each is an
	// integer.
	Keys    []string
	Integer []bool
	// Particles are the final population.
	Particles []PosteriorParticle

	cum []float64 // cumulative normalised weights
}

// PosteriorParticle is one particle: its model (index into Models), its
// settings (NaN for a setting its model does not have) and its weight.
type PosteriorParticle struct {
	Model  int
	Theta  []float64
	Weight float64
}

// LoadPosteriorDir reads the posterior of the calibration output
// directory dir.
func LoadPosteriorDir(dir string) (*Posterior, error) {
	p, err := LoadPosterior(os.DirFS(dir))
	if err != nil {
		return nil, fmt.Errorf("posterior %s: %w", dir, err)
	}
	return p, nil
}

// LoadPosterior reads a posterior from the root of fsys, which holds a
// calibration's posterior.csv and summary.json (a calibration output
// directory, or a copy embedded in a binary).
func LoadPosterior(fsys fs.FS) (*Posterior, error) {
	sdata, err := fs.ReadFile(fsys, FileSummary)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrPosterior, err)
	}
	var s Summary
	if err := json.Unmarshal(sdata, &s); err != nil {
		return nil, fmt.Errorf("%w: %s: %v", ErrPosterior, FileSummary, err)
	}
	data, err := fs.ReadFile(fsys, FilePosterior)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrPosterior, err)
	}
	p := &Posterior{Hash: hashBytes(data), Name: s.Name, Models: s.Models}
	if s.PosteriorHash != "" && s.PosteriorHash != p.Hash {
		return nil, fmt.Errorf("%w: %s does not match the hash in %s", ErrPosterior, FilePosterior, FileSummary)
	}
	for _, q := range s.Params {
		p.Keys = append(p.Keys, q.Key)
		p.Integer = append(p.Integer, q.Integer)
	}
	recs, err := csv.NewReader(strings.NewReader(string(data))).ReadAll()
	if err != nil {
		return nil, fmt.Errorf("%w: %s: %v", ErrPosterior, FilePosterior, err)
	}
	if len(recs) < 2 {
		return nil, fmt.Errorf("%w: %s has no particles", ErrPosterior, FilePosterior)
	}
	head := recs[0]
	want := append([]string{"model"}, p.Keys...)
	want = append(want, "weight")
	if len(head) < len(want) || !slices.Equal(head[:len(want)], want) {
		return nil, fmt.Errorf("%w: %s: columns %v, want %v first", ErrPosterior, FilePosterior, head, want)
	}
	var tot float64
	for i, r := range recs[1:] {
		line := i + 2
		m := slices.IndexFunc(p.Models, func(ms ModelSummary) bool { return ms.Name == r[0] })
		if m < 0 {
			return nil, fmt.Errorf("%w: %s:%d: model %q not in %s", ErrPosterior, FilePosterior, line, r[0], FileSummary)
		}
		pt := PosteriorParticle{Model: m, Theta: make([]float64, len(p.Keys))}
		for k := range p.Keys {
			if r[1+k] == "" {
				pt.Theta[k] = math.NaN()
				continue
			}
			if pt.Theta[k], err = strconv.ParseFloat(r[1+k], 64); err != nil {
				return nil, fmt.Errorf("%w: %s:%d: %s: %v", ErrPosterior, FilePosterior, line, p.Keys[k], err)
			}
		}
		if pt.Weight, err = strconv.ParseFloat(r[1+len(p.Keys)], 64); err != nil || !(pt.Weight >= 0) || math.IsInf(pt.Weight, 0) {
			return nil, fmt.Errorf("%w: %s:%d: weight %q", ErrPosterior, FilePosterior, line, r[1+len(p.Keys)])
		}
		tot += pt.Weight
		p.Particles = append(p.Particles, pt)
	}
	if !(tot > 0) {
		return nil, fmt.Errorf("%w: %s: weights sum to %v", ErrPosterior, FilePosterior, tot)
	}
	var c float64
	for _, pt := range p.Particles {
		c += pt.Weight / tot
		p.cum = append(p.cum, c)
	}
	p.cum[len(p.cum)-1] = 1
	return p, nil
}

// Index returns the particle drawn for replicate rep under seed: a draw
// from the weighted posterior by the replicate's own stream, so it
// depends on (seed, rep) alone, and every scenario of a comparison gets
// the same particle for the same replicate.
func (p *Posterior) Index(seed uint64, rep int) int {
	a, b := sim.StreamSeed(seed, rep, StreamPosterior)
	u := rand.New(rand.NewPCG(a, b)).Float64()
	return sort.SearchFloat64s(p.cum, u) // first j with cum[j] >= u
}

// Overrides returns the With argument setting particle j's settings,
// leaving out the keys in fixed (settings the scenario run sets itself;
// see Fixed).
func (p *Posterior) Overrides(j int, fixed ...string) map[string]any {
	var keys []string
	var vals []float64
	var ints []bool
	for k, x := range p.Particles[j].Theta {
		if !math.IsNaN(x) && !slices.Contains(fixed, p.Keys[k]) {
			keys, vals, ints = append(keys, p.Keys[k]), append(vals, x), append(ints, p.Integer[k])
		}
	}
	return overrides(keys, vals, ints)
}

// Median returns the With argument setting each setting to its weighted
// posterior median (over the particles that have it): the posterior as
// one point. Keys in fixed are left out.
func (p *Posterior) Median(fixed ...string) map[string]any {
	return overrides(p.median(fixed...))
}

// median returns the settings, other than those in fixed, that have a
// posterior median, their medians and whether each is an integer.
func (p *Posterior) median(fixed ...string) (keys []string, vals []float64, ints []bool) {
	for k, key := range p.Keys {
		if slices.Contains(fixed, key) {
			continue
		}
		var x, w []float64
		for _, pt := range p.Particles {
			if !math.IsNaN(pt.Theta[k]) {
				x, w = append(x, pt.Theta[k]), append(w, pt.Weight)
			}
		}
		if len(x) > 0 {
			keys, vals, ints = append(keys, key), append(vals, abc.WeightedQuantile(x, w, 0.5)), append(ints, p.Integer[k])
		}
	}
	return keys, vals, ints
}

// fastPosterior sets the drawn settings of a particle in place of With:
// the setter of the settings not fixed, their indices into Keys and
// whether each is an integer.
type fastPosterior struct {
	set  *setter
	idx  []int
	ints []bool
}

// fastSetter returns a setter of the posterior's settings other than
// those in fixed on sc's settings when it gives, at the posterior median,
// exactly the settings With gives there (at is With's result), and every
// particle has every such setting; nil otherwise. As in calibrate's
// runner, it stands in for With, which re-resolves and re-validates the
// whole document, many times a replicate's cost.
func (p *Posterior) fastSetter(sc, at *scenarios.Scenario, fixed ...string) *fastPosterior {
	f := &fastPosterior{}
	var keys []string
	for k, key := range p.Keys {
		if !slices.Contains(fixed, key) {
			f.idx, f.ints, keys = append(f.idx, k), append(f.ints, p.Integer[k]), append(keys, key)
		}
	}
	for _, pt := range p.Particles {
		for _, k := range f.idx {
			if math.IsNaN(pt.Theta[k]) {
				return nil
			}
		}
	}
	mkeys, vals, ints := p.median(fixed...)
	if !slices.Equal(mkeys, keys) {
		return nil
	}
	if f.set = newSetter(keys); f.set == nil {
		return nil
	}
	fast, ok := f.set.apply(&sc.Params, vals, ints)
	if !ok || !reflect.DeepEqual(fast, at.Params) {
		return nil
	}
	return f
}

// particle returns sc with the settings of particle j but those in fixed:
// through the fast setter when there is one and the result validates,
// otherwise through With (which also says what is wrong).
func (p *Posterior) particle(sc *scenarios.Scenario, fast *fastPosterior, j int, fixed ...string) (*scenarios.Scenario, error) {
	if fast != nil {
		theta := make([]float64, len(fast.idx))
		for i, k := range fast.idx {
			theta[i] = p.Particles[j].Theta[k]
		}
		ps, ok := fast.set.apply(&sc.Params, theta, fast.ints)
		if ok && len(ps.Validate()) == 0 {
			s := *sc
			s.Params = ps
			return &s, nil
		}
	}
	return sc.With(p.Overrides(j, fixed...))
}

// Fixed returns the calibrated settings that sc sets itself: those a
// file of sc's extends chain below the calibration's base scenario (the
// extends of its one model) sets, or a -set gives, whatever the value
// (slowdown sets posture.choice = 1 even if historical's file holds 1
// too). They keep sc's values and the others are drawn. (The draws are
// then from the posterior's marginal over the other settings, not from
// their distribution given the fixed value: an approximation, exact when
// the fixed setting is independent of the others in the posterior.)
// When sc does not extend the base scenario, a setting is fixed where
// its value differs from the base scenario's; when the base cannot be
// loaded either, none is, and the error says why.
func (p *Posterior) Fixed(sc *scenarios.Scenario) ([]string, error) {
	if len(p.Models) != 1 || p.Models[0].Extends == "" {
		return nil, nil
	}
	name := p.Models[0].Extends
	var fixed []string
	var base *scenarios.Scenario
	for _, k := range p.Keys {
		set, found := sc.SetBelow(name, k)
		if !found {
			if base == nil {
				var err error
				if base, err = scenarios.Load(name); err != nil {
					return nil, fmt.Errorf("posterior %s: its base scenario %s: %w", p.Name, name, err)
				}
			}
			set = !scenarios.SameValue(sc, base, k)
		}
		if set {
			fixed = append(fixed, k)
		}
	}
	return fixed, nil
}

// Factory returns a factory of sc's model whose replicate rep runs sc
// with the settings of particle Index(seed, rep), except those sc fixes
// itself (the keys in fixed; see Fixed). Each particle's scenario is
// built (through the fast setter, or With, checked like a file) the
// first time a replicate draws it. Settings sc does not have are an
// error, and so is a model-choice posterior (its particles belong to
// different models).
func (p *Posterior) Factory(sc *scenarios.Scenario, cal *sim.Calendar, seed uint64, fixed ...string) (sim.Factory, error) {
	if len(p.Models) > 1 {
		return nil, fmt.Errorf("%w: posterior %s is a model choice over %d models; drawing settings needs the posterior of one model (calibrate it with extends)", ErrPosterior, p.Name, len(p.Models))
	}
	// Check every setting against sc once, at the posterior median.
	at, err := sc.With(p.Median(fixed...))
	if err != nil {
		return nil, fmt.Errorf("posterior %s on scenario %s: %w", p.Name, sc.Name, err)
	}
	fast := p.fastSetter(sc, at, fixed...)
	type built struct {
		once sync.Once
		f    sim.Factory
		err  error
	}
	cache := make([]built, len(p.Particles))
	return func(r sim.Replicate) (sim.Model, error) {
		j := p.Index(seed, r.Index)
		b := &cache[j]
		b.once.Do(func() {
			s, err := p.particle(sc, fast, j, fixed...)
			if err != nil {
				b.err = fmt.Errorf("posterior particle %d: %w", j, err)
				return
			}
			b.f, b.err = s.Factory(cal)
		})
		if b.err != nil {
			return nil, b.err
		}
		return b.f(r)
	}, nil
}
