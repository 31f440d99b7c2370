package abc

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"math"
	"strings"
	"testing"
)

// twoParamConfig is a small run with a continuous and an integer setting
// and two statistics, one with observation error.
func twoParamConfig() (Config, Simulator) {
	cfg := Config{
		Models: []Model{{Name: "toy", Params: []Param{
			{Name: "mu", Prior: Uniform{-5, 5}},
			{Name: "k", Prior: Uniform{0, 20}, Integer: true},
		}}},
		Observed:       []float64{1, 7},
		ObsSD:          []float64{0, 0.5},
		Population:     60,
		MaxGenerations: 4,
		Seed:           42,
		BatchSize:      3,
	}
	sim := func(_ context.Context, _ int, theta []float64, seed uint64) ([]float64, error) {
		r := proposalRand(seed, 0)
		return []float64{theta[0] + 0.5*r.NormFloat64(), theta[1] + r.NormFloat64()}, nil
	}
	return cfg, sim
}

func marshal(t *testing.T, v any) []byte {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestDeterministicAcrossWorkers(t *testing.T) {
	for _, variant := range []string{KernelMVN, KernelOLCM, "two models"} {
		var want []byte
		for _, w := range []int{1, 2, 7} {
			cfg, sim := twoParamConfig()
			if variant == "two models" {
				other := Model{Name: "other", Prior: 2, Params: []Param{
					{Name: "mu", Prior: Normal{0, 3}},
					{Name: "k", Prior: LogNormal{1.5, 0.5}, Integer: true},
				}}
				cfg.Models = []Model{cfg.Models[0], other}
				cfg.Models[0].Prior = 1
			} else {
				cfg.Kernel = variant
			}
			cfg.Workers = w
			cfg.BatchSize = 1 + w%4 // 2, 3, 4: results depend on neither
			res, err := Run(context.Background(), cfg, sim, nil, nil)
			if err != nil {
				t.Fatal(err)
			}
			got := marshal(t, res)
			if want == nil {
				want = got
				for _, p := range res.Final().Particles {
					if p.Theta[1] != math.Round(p.Theta[1]) {
						t.Fatalf("integer setting took value %g", p.Theta[1])
					}
				}
				continue
			}
			if !bytes.Equal(got, want) {
				t.Errorf("%s: %d workers give different bytes than 1", variant, w)
			}
		}
	}
}

func TestResumeEqualsUninterrupted(t *testing.T) {
	cfg, sim := twoParamConfig()
	cfg.Workers = 2
	var stored [][]byte
	full, err := Run(context.Background(), cfg, sim, nil, func(g Generation) error {
		stored = append(stored, marshal(t, g))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(stored) != cfg.MaxGenerations {
		t.Fatalf("onGen called %d times, want %d", len(stored), cfg.MaxGenerations)
	}
	for k := 1; k < len(stored); k++ {
		prev := make([]Generation, k)
		for i := range k {
			if err := json.Unmarshal(stored[i], &prev[i]); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(marshal(t, prev[i]), stored[i]) {
				t.Fatalf("generation %d does not round-trip through JSON", i)
			}
		}
		cfg.Workers = 1 + k%3
		var calls int
		res, err := Run(context.Background(), cfg, sim, prev, func(Generation) error { calls++; return nil })
		if err != nil {
			t.Fatal(err)
		}
		if calls != len(stored)-k {
			t.Errorf("resumed from %d: onGen called %d times, want %d", k, calls, len(stored)-k)
		}
		if !bytes.Equal(marshal(t, res), marshal(t, full)) {
			t.Errorf("resumed from %d generations: result differs from the uninterrupted run", k)
		}
	}
}

func TestBadConfig(t *testing.T) {
	ok, sim := twoParamConfig()
	cases := []struct {
		name string
		edit func(*Config)
		want string
	}{
		{"population 0", func(c *Config) { c.Population = 0 }, "population: must be >= 1"},
		{"reversed bounds", func(c *Config) { c.Models[0].Params[0].Prior = Uniform{5, -5} }, "mu: uniform prior needs finite lo < hi"},
		{"NaN prior", func(c *Config) { c.Models[0].Params[0].Prior = Normal{math.NaN(), 1} }, "mu: normal prior needs finite mu"},
		{"NaN observed", func(c *Config) { c.Observed[1] = math.NaN() }, "observed[1]: must be finite"},
		{"budget below a generation", func(c *Config) { c.Budget = 10 }, "budget: 10 simulations is below one generation"},
		{"quantile", func(c *Config) { c.Quantile = 1.5 }, "quantile: must be in (0, 1)"},
		{"kernel", func(c *Config) { c.Kernel = "gauss" }, `kernel: must be "mvn" or "olcm"`},
		{"obs_sd length", func(c *Config) { c.ObsSD = []float64{1} }, "obs_sd: 1 values for 2"},
		{"integer without integers", func(c *Config) { c.Models[0].Params[1].Prior = Uniform{0.2, 0.8} }, "k: integer setting but uniform(0.2, 0.8) holds no integer"},
		{"no prior", func(c *Config) { c.Models[0].Params[1].Prior = nil }, "k: no prior"},
		{"loguniform at 0", func(c *Config) { c.Models[0].Params[0].Prior = LogUniform{0, 1} }, "loguniform prior needs finite 0 < lo < hi"},
		{"beta shape", func(c *Config) { c.Models[0].Params[0].Prior = Beta{0, 1} }, "beta prior needs finite alpha > 0"},
		{"truncnormal bounds", func(c *Config) { c.Models[0].Params[0].Prior = TruncNormal{0, 1, 2, 1} }, "truncnormal prior needs lo < hi"},
		{"lognormal sigma", func(c *Config) { c.Models[0].Params[0].Prior = LogNormal{0, -1} }, "lognormal prior needs finite mu and sigma > 0"},
		{"min acceptance", func(c *Config) { c.MinAcceptance = 2 }, "min_acceptance: must be in [0, 1]"},
		{"no model", func(c *Config) { c.Models = nil }, "no model"},
	}
	for _, tc := range cases {
		cfg := ok
		cfg.Models = []Model{{Name: "toy", Params: append([]Param(nil), ok.Models[0].Params...)}}
		cfg.Observed = append([]float64(nil), ok.Observed...)
		tc.edit(&cfg)
		calls := 0
		counting := func(ctx context.Context, m int, th []float64, s uint64) ([]float64, error) {
			calls++
			return sim(ctx, m, th, s)
		}
		_, err := Run(context.Background(), cfg, counting, nil, nil)
		if err == nil {
			t.Errorf("%s: no error", tc.name)
			continue
		}
		if !errors.Is(err, ErrConfig) || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: error %q, want it to wrap ErrConfig and contain %q", tc.name, err, tc.want)
		}
		if calls != 0 {
			t.Errorf("%s: simulated %d times before reporting the error", tc.name, calls)
		}
	}
	// Every problem is reported at once.
	cfg := ok
	cfg.Population = 0
	cfg.Quantile = -1
	err := cfg.Validate()
	if err == nil || !strings.Contains(err.Error(), "population") || !strings.Contains(err.Error(), "quantile") {
		t.Errorf("two problems, error %q", err)
	}
}
