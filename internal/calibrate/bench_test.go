package calibrate

import (
	"context"
	"testing"
	"time"

	"github.com/insurgo/insurgo/scenarios"
	"github.com/insurgo/insurgo/sim"
	"github.com/insurgo/insurgo/sim/abc"
)

// The speed requirement: simulations per second inside calibrate at
// least 90% of run's replicates per second on the same scenario.
//
//	go test ./internal/calibrate -run X -bench Speed -benchtime 20x
//
// BenchmarkSpeed alternates, on one worker each, a batch of 20 replicates
// as insurgo run does them (sim.Batch over historical with its targets'
// windows) and a two-generation ABC-SMC run of 20 particles through
// calibrate's Simulator (settings overridden, one replicate, the targets'
// statistics, kernel and weights), so that the load of a shared machine
// falls on both alike, and reports both rates and their ratio.
// BenchmarkSimulations times the Simulator alone.

// benchFile calibrates three settings of historical with priors so narrow
// that every proposal runs as the shipped scenario does (to 0.1%), so the
// rates compare like with like: the cost of a replicate depends on the
// settings (more attacks, more work).
const benchFile = `[calibrate]
extends = "historical"
population = 100
max_generations = 1000
targets = ["af-attacks-sep-dec-2021", "af-attacks-first-year", "attacks-2022", "kp-attacks-2022"]

[[calibrate.param]]
key = "attacks.rate"
prior = "uniform"
range = [0.1799, 0.1801]

[[calibrate.param]]
key = "attacks.theatre_ceiling"
prior = "uniform"
range = [1.799, 1.801]

[[calibrate.param]]
key = "posture.tempo"
prior = "uniform"
range = [0.6995, 0.7005]
`

func benchProblem(b *testing.B) *Problem {
	c, err := ParseConfig("bench.toml", []byte(benchFile))
	if err != nil {
		b.Fatal(err)
	}
	p, err := Bind(c)
	if err != nil {
		b.Fatal(err)
	}
	return p
}

func BenchmarkSpeed(b *testing.B) {
	p := benchProblem(b)
	sc := p.Bases[0]
	cal := p.Calendars[0]
	f, err := sc.Factory(&cal)
	if err != nil {
		b.Fatal(err)
	}
	var ws []sim.Window
	for _, t := range sc.Targets {
		ws = append(ws, t.Window)
	}
	simulator := p.Simulator()
	const chunk = 20
	var runTime, calTime time.Duration
	var runN, calN int
	ctx := context.Background()
	for i := range b.N {
		t0 := time.Now()
		if _, err := (sim.Batch{Calendar: cal, Seed: 1, First: i * chunk, Count: chunk, Workers: 1, Windows: ws}).Run(ctx, f); err != nil {
			b.Fatal(err)
		}
		runTime += time.Since(t0)
		runN += chunk

		cfg := p.ABCConfig(1)
		cfg.Population, cfg.MaxGenerations, cfg.Seed = chunk, 2, uint64(i)
		t0 = time.Now()
		res, err := abc.Run(ctx, cfg, simulator, nil, nil)
		if err != nil {
			b.Fatal(err)
		}
		calTime += time.Since(t0)
		calN += res.Simulations()
	}
	rr, cr := float64(runN)/runTime.Seconds(), float64(calN)/calTime.Seconds()
	b.ReportMetric(rr, "run-replicates/s")
	b.ReportMetric(cr, "calibrate-simulations/s")
	b.ReportMetric(cr/rr, "ratio")
}

func BenchmarkSimulations(b *testing.B) {
	p := benchProblem(b)
	sim := p.Simulator()
	cfg := p.ABCConfig(1)
	theta := make([]float64, len(cfg.Models[0].Params))
	b.ResetTimer()
	for i := range b.N {
		// A fresh setting each time, as proposals are.
		for k, q := range p.Config.Params {
			lo, hi := q.Prior.Support()
			theta[k] = lo + (hi-lo)*float64((i*7+k*3)%10)/10
		}
		if _, err := sim(context.Background(), 0, theta, uint64(i)); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "simulations/s")
}

// BenchmarkPosterior200 runs 200 replicates of historical as `insurgo run`
// does by default: each replicate's settings drawn from the shipped
// posterior (scenarios/posterior/historical), a fresh factory per batch
// (so each particle's model is built when first drawn, as in a run),
// every core (GOMAXPROCS), the targets' windows. It reports replicates
// per second, set-up of the particles included.
//
//	go test ./internal/calibrate -run '^$' -bench Posterior200 -benchtime 5x
func BenchmarkPosterior200(b *testing.B) {
	sc, err := scenarios.Load("historical")
	if err != nil {
		b.Fatal(err)
	}
	fsys, ok := scenarios.Posterior("historical")
	if !ok {
		b.Fatal("historical ships no posterior")
	}
	post, err := LoadPosterior(fsys)
	if err != nil {
		b.Fatal(err)
	}
	cal, err := sc.Calendar()
	if err != nil {
		b.Fatal(err)
	}
	var ws []sim.Window
	for _, t := range sc.Targets {
		ws = append(ws, t.Window)
	}
	const n = 200
	b.ResetTimer()
	for i := range b.N {
		seed := uint64(i + 1)
		f, err := post.Factory(sc, &cal, seed)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := (sim.Batch{Calendar: cal, Seed: seed, Count: n, Windows: ws}).Run(context.Background(), f); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "replicates/s")
}
