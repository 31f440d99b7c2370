package abc

import (
	"context"
	"errors"
	"fmt"
	"math"
)

// Param is one calibrated setting of a model.
type Param struct {
	Name  string
	Prior Prior
	// Integer makes the setting integer-valued: its prior is the prior of
	// the rounded value (mass CDF(k+0.5) - CDF(k-0.5) at integer k,
	// restricted to the integers inside the support), and the kernel
	// perturbs it by a rounded normal step whose mass enters the weights
	// exactly.
	Integer bool
}

// Model is one competing model (for model choice) with its parameters.
type Model struct {
	Name string
	// Prior is the prior model probability; the priors are normalised over
	// the models. With a single model it may be left 0.
	Prior  float64
	Params []Param
}

// Simulator simulates model m at theta once, with all randomness drawn
// from seed, and returns the summary statistics (len == len(Config.Observed)).
// It is called concurrently from Config.Workers goroutines, each call with
// its own copy of theta; Run copies the returned statistics, so the
// simulator may reuse its buffer. A returned error
// stops the run. A NaN statistic makes the proposal's distance +Inf (never
// accepted) and is left out of the distance scales.
type Simulator func(ctx context.Context, m int, theta []float64, seed uint64) ([]float64, error)

// Config holds the settings of an ABC-SMC run. Zero values of optional
// fields take the defaults given with each field.
type Config struct {
	// Models are the competing models; one model means plain parameter
	// inference.
	Models []Model
	// Observed are the observed summary statistics.
	Observed []float64
	// ObsSD is an optional per-statistic observation standard deviation
	// (0 = none). It is combined with the statistic's simulated spread in
	// the distance scale: scale = sqrt(spread² + ObsSD²); see Scales.
	ObsSD []float64
	// Population is the number of particles per generation (required, >= 1).
	Population int
	// MaxGenerations stops the run after this many generations (default 10).
	MaxGenerations int
	// Budget is the maximum total number of simulations (0 = none),
	// counted as in Generation.Simulations. A generation that cannot
	// complete within it is abandoned and the run stops with "budget". It
	// must allow at least one generation (Budget >= Population). (With
	// several workers, the few simulations already running when a
	// generation fills are abandoned and not counted.)
	Budget int
	// MinAcceptance stops the run when a generation's acceptance rate
	// would fall below it (0 = none); the generation is abandoned as soon
	// as that is certain, so its cost is bounded by Population/MinAcceptance.
	MinAcceptance float64
	// FinalEpsilon stops the run once a generation's epsilon is <= it
	// (0 = none).
	FinalEpsilon float64
	// Quantile sets epsilon_t to this weighted quantile of generation t-1's
	// distances, recomputed under generation t's scales (default 0.5).
	Quantile float64
	// Kernel is the perturbation kernel: "mvn" (default; multivariate
	// normal with twice the weighted covariance, Beaumont et al. 2009) or
	// "olcm" (optimal local covariance matrix, Filippi et al. 2013).
	Kernel string
	// ModelStay is the probability that the model perturbation kernel keeps
	// a proposed model (default 0.7, as pyabc); otherwise it moves uniformly
	// to another model still alive. Unused with one model.
	ModelStay float64
	// Seed is the master seed: the result is a function of the
	// configuration (without Workers and BatchSize), the simulator and Seed.
	Seed uint64
	// Workers is the number of goroutines calling the simulator (default 1).
	Workers int
	// BatchSize is the number of consecutive proposal indices a worker
	// claims at a time (default 1). Results never depend on it: acceptance
	// is decided in index order whatever order the simulations finish in.
	BatchSize int
}

// ErrConfig is wrapped by every configuration error Run returns.
var ErrConfig = errors.New("invalid ABC configuration")

// Kernel names accepted in Config.Kernel.
const (
	KernelMVN  = "mvn"
	KernelOLCM = "olcm"
)

// withDefaults returns cfg with defaults filled in.
func (cfg Config) withDefaults() Config {
	if cfg.MaxGenerations == 0 {
		cfg.MaxGenerations = 10
	}
	if cfg.Quantile == 0 {
		cfg.Quantile = 0.5
	}
	if cfg.Kernel == "" {
		cfg.Kernel = KernelMVN
	}
	if cfg.ModelStay == 0 {
		cfg.ModelStay = 0.7
	}
	if cfg.Workers <= 0 {
		cfg.Workers = 1
	}
	if cfg.BatchSize <= 0 {
		cfg.BatchSize = 1
	}
	if len(cfg.Models) == 1 && cfg.Models[0].Prior == 0 {
		cfg.Models = []Model{cfg.Models[0]}
		cfg.Models[0].Prior = 1
	}
	return cfg
}

// Validate reports every problem with the configuration at once, joined,
// each wrapping ErrConfig. Field names are written as a calibration file
// would spell them (population, max_generations, ...).
func (cfg Config) Validate() error {
	cfg = cfg.withDefaults()
	var errs []error
	bad := func(format string, a ...any) {
		errs = append(errs, fmt.Errorf("%w: "+format, append([]any{ErrConfig}, a...)...))
	}
	if len(cfg.Models) == 0 {
		bad("no model")
	}
	total := 0.0
	for i, m := range cfg.Models {
		name := m.Name
		if name == "" {
			name = fmt.Sprintf("model %d", i)
		}
		if !finite(m.Prior) || m.Prior < 0 {
			bad("%s: prior probability must be a finite number >= 0, got %g", name, m.Prior)
		} else {
			total += m.Prior
		}
		for j, p := range m.Params {
			pname := p.Name
			if pname == "" {
				pname = fmt.Sprintf("param %d", j)
			}
			if len(cfg.Models) > 1 {
				pname = name + ": " + pname
			}
			if p.Prior == nil {
				bad("%s: no prior", pname)
				continue
			}
			if err := p.Prior.Valid(); err != nil {
				bad("%s: %v", pname, err)
				continue
			}
			if p.Integer {
				lo, hi := p.Prior.Support()
				if math.Ceil(lo) > math.Floor(hi) || !(intNorm(p.Prior) > 0) {
					bad("%s: integer setting but %s holds no integer", pname, p.Prior)
				}
			}
		}
	}
	if len(cfg.Models) > 0 && !(total > 0) {
		bad("model prior probabilities sum to 0")
	}
	if len(cfg.Observed) == 0 {
		bad("observed: no summary statistic")
	}
	for i, o := range cfg.Observed {
		if !finite(o) {
			bad("observed[%d]: must be finite, got %g", i, o)
		}
	}
	if cfg.ObsSD != nil && len(cfg.ObsSD) != len(cfg.Observed) {
		bad("obs_sd: %d values for %d observed statistics", len(cfg.ObsSD), len(cfg.Observed))
	}
	for i, s := range cfg.ObsSD {
		if !finite(s) || s < 0 {
			bad("obs_sd[%d]: must be finite and >= 0, got %g", i, s)
		}
	}
	if cfg.Population < 1 {
		bad("population: must be >= 1, got %d", cfg.Population)
	}
	if cfg.MaxGenerations < 1 {
		bad("max_generations: must be >= 1, got %d", cfg.MaxGenerations)
	}
	if cfg.Budget < 0 {
		bad("budget: must be >= 0 (0 = none), got %d", cfg.Budget)
	} else if cfg.Budget > 0 && cfg.Budget < cfg.Population {
		bad("budget: %d simulations is below one generation (population %d)", cfg.Budget, cfg.Population)
	}
	if !finite(cfg.MinAcceptance) || cfg.MinAcceptance < 0 || cfg.MinAcceptance > 1 {
		bad("min_acceptance: must be in [0, 1], got %g", cfg.MinAcceptance)
	}
	if !finite(cfg.FinalEpsilon) || cfg.FinalEpsilon < 0 {
		bad("final_epsilon: must be finite and >= 0, got %g", cfg.FinalEpsilon)
	}
	if !(cfg.Quantile > 0 && cfg.Quantile < 1) {
		bad("quantile: must be in (0, 1), got %g", cfg.Quantile)
	}
	if cfg.Kernel != KernelMVN && cfg.Kernel != KernelOLCM {
		bad("kernel: must be %q or %q, got %q", KernelMVN, KernelOLCM, cfg.Kernel)
	}
	if !(cfg.ModelStay > 0 && cfg.ModelStay <= 1) {
		bad("model_stay: must be in (0, 1], got %g", cfg.ModelStay)
	}
	return errors.Join(errs...)
}
