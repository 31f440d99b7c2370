package sweep

import (
	"errors"
	"fmt"
	"math/rand/v2"
)

// ErrDesign is wrapped by errors in a design's settings.
var ErrDesign = errors.New("bad design")

// Design kinds.
const (
	Grid   = "grid"   // full factorial over each parameter's grid values
	LHS    = "lhs"    // Latin hypercube sample
	Sobol  = "sobol"  // Saltelli sampling for Sobol' indices
	Morris = "morris" // Morris elementary-effect trajectories
)

// Kinds lists the design kinds.
var Kinds = []string{Grid, LHS, Sobol, Morris}

// MaxPoints bounds the points of one design, so that a typo in a size does
// not ask for terabytes: the design is held in memory while it is built
// (about 8 bytes per parameter per point) and written to design.csv.
const MaxPoints = 1_000_000

// Spec says which design to build.
type Spec struct {
	Kind   string
	Params []Param

	// Size is, by kind: grid, the number of values per continuous
	// parameter (parameters with levels use their levels); lhs, the number
	// of points; sobol, the base sample size N (the design has N(k+2)
	// points for k parameters); morris, the number of trajectories r (the
	// design has r(k+1) points).
	Size int

	// MorrisLevels is the number of levels p of the Morris grid; it must
	// be even and >= 2. Default 4 (Saltelli et al. 2008, ch. 3).
	MorrisLevels int

	// Seed seeds the PCG generator of the random designs.
	Seed uint64
}

// Design is a list of points: parameter values, one row per point, and for
// sampled designs the unit-hypercube coordinates they came from.
type Design struct {
	Spec
	Unit   [][]float64 // unit coordinates per point; nil for grids
	Points [][]float64 // parameter values per point, in Params order
}

// Len returns the number of points.
func (d *Design) Len() int { return len(d.Points) }

// PointCount returns the number of points s asks for, without building
// them, or an error if s is invalid.
func (s Spec) PointCount() (int, error) {
	if len(s.Params) == 0 {
		return 0, fmt.Errorf("%w: no parameters", ErrDesign)
	}
	seen := map[string]bool{}
	for _, p := range s.Params {
		if err := p.Validate(); err != nil {
			return 0, err
		}
		if seen[p.Name] {
			return 0, fmt.Errorf("%w: parameter %q given twice", ErrDesign, p.Name)
		}
		seen[p.Name] = true
	}
	k := len(s.Params)
	if s.Size < 1 {
		return 0, fmt.Errorf("%w: size must be >= 1, got %d", ErrDesign, s.Size)
	}
	n := 0
	if s.Kind != Grid && s.Size > MaxPoints {
		return 0, fmt.Errorf("%w: %s design of size %d has more than %d points", ErrDesign, s.Kind, s.Size, MaxPoints)
	}
	switch s.Kind {
	case Grid:
		n = 1
		for _, p := range s.Params {
			if len(p.Levels) == 0 && s.Size > MaxPoints {
				n = MaxPoints + 1 // too many, known without making the values
				break
			}
			n *= len(p.GridValues(s.Size))
			if n > MaxPoints {
				break
			}
		}
	case LHS:
		n = s.Size
	case Sobol:
		if s.Size < 2 {
			return 0, fmt.Errorf("%w: sobol size (base samples) must be >= 2, got %d", ErrDesign, s.Size)
		}
		n = s.Size * (k + 2)
	case Morris:
		if s.MorrisLevels != 0 && (s.MorrisLevels < 2 || s.MorrisLevels%2 != 0) {
			return 0, fmt.Errorf("%w: morris levels must be even and >= 2, got %d", ErrDesign, s.MorrisLevels)
		}
		if s.Size < 2 {
			return 0, fmt.Errorf("%w: morris size (trajectories) must be >= 2, got %d", ErrDesign, s.Size)
		}
		n = s.Size * (k + 1)
	default:
		return 0, fmt.Errorf("%w: unknown kind %q, want one of %v", ErrDesign, s.Kind, Kinds)
	}
	if n > MaxPoints || n < 0 {
		return 0, fmt.Errorf("%w: %s design of size %d has more than %d points", ErrDesign, s.Kind, s.Size, MaxPoints)
	}
	return n, nil
}

// New builds the design s describes. The same Spec gives the same design.
func New(s Spec) (*Design, error) {
	if _, err := s.PointCount(); err != nil {
		return nil, err
	}
	if s.Kind == Morris && s.MorrisLevels == 0 {
		s.MorrisLevels = 4
	}
	d := &Design{Spec: s}
	rng := rand.New(rand.NewPCG(s.Seed, 0x5eed5a17e11ed))
	switch s.Kind {
	case Grid:
		d.Points = gridPoints(s)
		return d, nil
	case LHS:
		d.Unit = lhsUnit(len(s.Params), s.Size, rng)
	case Sobol:
		d.Unit = saltelliUnit(len(s.Params), s.Size, rng)
	case Morris:
		d.Unit = morrisUnit(len(s.Params), s.Size, s.MorrisLevels, rng)
	}
	d.Points = make([][]float64, len(d.Unit))
	for i, u := range d.Unit {
		row := make([]float64, len(u))
		for j, p := range s.Params {
			row[j] = p.Value(u[j])
		}
		d.Points[i] = row
	}
	return d, nil
}

// gridPoints returns the full factorial, the first parameter varying
// slowest.
func gridPoints(s Spec) [][]float64 {
	vals := make([][]float64, len(s.Params))
	for i, p := range s.Params {
		vals[i] = p.GridValues(s.Size)
	}
	var out [][]float64
	idx := make([]int, len(vals))
	for {
		row := make([]float64, len(vals))
		for i := range vals {
			row[i] = vals[i][idx[i]]
		}
		out = append(out, row)
		i := len(idx) - 1
		for ; i >= 0; i-- {
			idx[i]++
			if idx[i] < len(vals[i]) {
				break
			}
			idx[i] = 0
		}
		if i < 0 {
			return out
		}
	}
}
