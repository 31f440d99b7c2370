package abc

import (
	"context"
	"errors"
	"strings"
	"testing"
)

func TestStopRules(t *testing.T) {
	cases := []struct {
		name string
		edit func(*Config)
		stop string
		gens int
	}{
		{"max generations", func(c *Config) { c.MaxGenerations = 3 }, StopMaxGenerations, 3},
		{"budget", func(c *Config) { c.MaxGenerations = 50; c.Budget = 400 }, StopBudget, 0},
		{"min acceptance", func(c *Config) { c.MaxGenerations = 50; c.MinAcceptance = 0.3 }, StopMinAcceptance, 0},
		{"final epsilon", func(c *Config) { c.MaxGenerations = 50; c.FinalEpsilon = 0.5 }, StopFinalEpsilon, 0},
	}
	for _, tc := range cases {
		cfg, sim := twoParamConfig()
		tc.edit(&cfg)
		res, err := Run(context.Background(), cfg, sim, nil, nil)
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		if res.Stop != tc.stop {
			t.Errorf("%s: stopped for %q", tc.name, res.Stop)
		}
		if tc.gens > 0 && len(res.Generations) != tc.gens {
			t.Errorf("%s: %d generations, want %d", tc.name, len(res.Generations), tc.gens)
		}
		f := res.Final()
		switch tc.stop {
		case StopBudget:
			if n := res.Simulations(); n > cfg.Budget {
				t.Errorf("budget %d, simulated %d", cfg.Budget, n)
			}
		case StopMinAcceptance:
			for _, g := range res.Generations {
				if g.AcceptanceRate < cfg.MinAcceptance {
					t.Errorf("generation %d kept with acceptance %.3f", g.Index, g.AcceptanceRate)
				}
			}
		case StopFinalEpsilon:
			if f.Epsilon > cfg.FinalEpsilon {
				t.Errorf("final epsilon %g above %g", f.Epsilon, cfg.FinalEpsilon)
			}
			if g := res.Generations[len(res.Generations)-2]; g.Epsilon <= cfg.FinalEpsilon {
				t.Errorf("ran past generation %d with epsilon %g", g.Index, g.Epsilon)
			}
		}
		// Resuming a finished run does nothing and gives the same reason.
		again, err := Run(context.Background(), cfg, sim, res.Generations, func(Generation) error {
			t.Errorf("%s: resumed finished run simulated a generation", tc.name)
			return nil
		})
		if err != nil || again.Stop != res.Stop {
			t.Errorf("%s: resume of a finished run: %v, stop %q", tc.name, err, again.Stop)
		}
	}
}

func TestSimulatorError(t *testing.T) {
	cfg, sim := twoParamConfig()
	boom := errors.New("boom")
	for _, w := range []int{1, 3} {
		cfg.Workers = w
		failing := func(ctx context.Context, m int, th []float64, seed uint64) ([]float64, error) {
			if seed == SimulationSeed(cfg.Seed, 1, 17) {
				return nil, boom
			}
			return sim(ctx, m, th, seed)
		}
		var saved int
		res, err := Run(context.Background(), cfg, failing, nil, func(Generation) error { saved++; return nil })
		if !errors.Is(err, boom) || !strings.Contains(err.Error(), "generation 1, proposal 17") {
			t.Errorf("workers %d: error %v", w, err)
		}
		if len(res.Generations) != 1 || saved != 1 {
			t.Errorf("workers %d: %d generations kept, %d saved; want 1", w, len(res.Generations), saved)
		}
	}
	wrong := func(context.Context, int, []float64, uint64) ([]float64, error) { return []float64{1}, nil }
	if _, err := Run(context.Background(), cfg, wrong, nil, nil); err == nil || !strings.Contains(err.Error(), "returned 1 statistics, want 2") {
		t.Errorf("short statistics: error %v", err)
	}
}

func TestCancel(t *testing.T) {
	cfg, sim := twoParamConfig()
	cfg.Workers = 2
	ctx, cancel := context.WithCancel(context.Background())
	res, err := Run(ctx, cfg, sim, nil, func(g Generation) error {
		if g.Index == 1 {
			cancel()
		}
		return nil
	})
	if !errors.Is(err, context.Canceled) || len(res.Generations) != 2 {
		t.Errorf("cancelled after generation 1: %v, %d generations", err, len(res.Generations))
	}
}

func TestResumeRejectsForeignGenerations(t *testing.T) {
	cfg, sim := twoParamConfig()
	cfg.MaxGenerations = 2
	res, err := Run(context.Background(), cfg, sim, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	cfg.Population = 30
	if _, err := Run(context.Background(), cfg, sim, res.Generations, nil); !errors.Is(err, ErrConfig) || !strings.Contains(err.Error(), "60 particles, population is 30") {
		t.Errorf("resume with another population: %v", err)
	}
}

func TestResumeRejectsDamagedGenerations(t *testing.T) {
	cfg, sim := twoParamConfig()
	cfg.MaxGenerations = 2
	res, err := Run(context.Background(), cfg, sim, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	cfg.MaxGenerations = 3
	for _, tc := range []struct {
		name string
		edit func(g *Generation)
		want string
	}{
		// k is an integer setting: 2.5 lies outside its prior.
		{"outside the prior", func(g *Generation) { g.Particles[3].Theta[1] = 2.5 }, "particle 3: parameters ["},
		{"weights", func(g *Generation) { g.Particles[0].Weight *= 3 }, "weights sum to"},
		{"index", func(g *Generation) { g.Index = 4 }, "index 4 out of sequence"},
	} {
		gens := make([]Generation, len(res.Generations))
		for i, g := range res.Generations {
			gens[i] = g
			gens[i].Particles = make([]Particle, len(g.Particles))
			for j, p := range g.Particles {
				p.Theta = append([]float64(nil), p.Theta...)
				gens[i].Particles[j] = p
			}
		}
		tc.edit(&gens[1])
		if _, err := Run(context.Background(), cfg, sim, gens, nil); !errors.Is(err, ErrConfig) || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: %v", tc.name, err)
		}
	}
}
