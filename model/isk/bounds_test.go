package isk

import (
	"context"
	"errors"
	"math"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"github.com/insurgo/insurgo/sim"
)

// Issue 11, defect 2: cells = 10000000 and attacks.rate = 1e308 validated,
// then grew memory without end or never finished. Each bound of
// bounds.go is now a validation error.
func TestUpperBoundsAreValidation(t *testing.T) {
	base := func() *Params {
		p := Default()
		p.Regions = []Region{{Name: "A", Country: "afghanistan", Group: "east", Cells: 2, FightersPerCell: 10, Targets: map[string]float64{"t": 1}}}
		p.AttackTypes = []AttackType{{Name: "x", Target: "t", Weight: 1, Deaths: 1, SuicideDeaths: 1, MaxDeaths: 10}}
		p.Ranks = []Rank{{Name: "commander"}}
		return &p
	}
	if ps := base().Validate(); len(ps) != 0 {
		t.Fatalf("base params invalid: %v", ps)
	}
	cases := []struct {
		key string
		set func(p *Params)
	}{
		{"region.A.cells", func(p *Params) { p.Regions[0].Cells = 10_000_000 }},
		{"region.A.fighters_per_cell", func(p *Params) { p.Regions[0].FightersPerCell = 1e9 }},
		{"region.A.population", func(p *Params) { p.Regions[0].Population = 1e12 }},
		{"attacks.rate", func(p *Params) { p.Attacks.Rate = 1e308 }},
		{"raids.per_month", func(p *Params) { p.Raids.PerMonth = 1e9 }},
		{"pakistan.per_month", func(p *Params) { p.Pakistan.PerMonth = 1e9 }},
		{"isk.fighters_per_cell", func(p *Params) { p.ISK.FighterPerCell = 1e9 }},
		{"isk.split_size", func(p *Params) { p.ISK.SplitSize = 1 << 40 }},
		{"isk.new_cell_size", func(p *Params) { p.ISK.NewCellSize = 1 << 40 }},
		{"posture.memory", func(p *Params) { p.Posture.Memory = 1e9 }},
		{"recruitment.notoriety_memory", func(p *Params) { p.Recruitment.NotorietyMemory = 1e9 }},
		{"pool.size", func(p *Params) {
			p.Pools = []Pool{{Name: "P", Region: "A", Size: 1e8, Susceptibility: 1}}
		}},
		{"region.cells", func(p *Params) {
			for i := range 20 {
				r := p.Regions[0]
				r.Name = string(rune('B' + i))
				r.Cells = MaxCellsPerRegion
				p.Regions = append(p.Regions, r)
			}
		}},
	}
	for _, c := range cases {
		p := base()
		c.set(p)
		ps := p.Validate()
		found := false
		for _, pr := range ps {
			if strings.HasPrefix(pr.String(), c.key+":") && strings.Contains(pr.Msg, "<=") || strings.HasPrefix(pr.String(), c.key+":") && strings.Contains(pr.Msg, "at most") {
				found = true
			}
		}
		if !found {
			t.Errorf("%s: problems %v, want an upper-bound problem", c.key, ps)
		}
	}
}

// Issue 11, defect 2: poisson with a mean of 1e308 looped for ever. Above
// poissonNormalAbove it uses the normal approximation; its draws keep
// the Poisson's mean and variance.
func TestPoissonHugeMeans(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	done := make(chan int, 1)
	go func() { done <- poisson(r, 1e308) }()
	select {
	case n := <-done:
		if n != maxPoissonDraw {
			t.Errorf("poisson(1e308) = %d, want the cap %d", n, maxPoissonDraw)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("poisson(1e308) did not return")
	}
	if poisson(r, math.NaN()) != 0 || poisson(r, math.Inf(-1)) != 0 {
		t.Error("poisson of NaN or -Inf is not 0")
	}
	const mean, n = 1e8, 20000
	var s, s2 float64
	for range n {
		x := float64(poisson(r, mean))
		s += x
		s2 += x * x
	}
	m := s / n
	v := s2/n - m*m
	// The sample mean has sd sqrt(mean/n) = 70.7; 5 sd is 354. The
	// sample variance has relative sd sqrt(2/n) = 1%; 5 sd is 5%.
	if math.Abs(m-mean) > 354 || math.Abs(v/mean-1) > 0.05 {
		t.Errorf("mean %g variance %g, want both %g", m, v, mean)
	}
}

// Issue 11, defect 2: building a world never looked at the context. A
// factory given a cancelled context stops while founding cells.
func TestWorldBuildSeesContext(t *testing.T) {
	p := Default()
	p.Regions = []Region{{Name: "A", Country: "afghanistan", Group: "east", Cells: MaxCellsPerRegion, FightersPerCell: 10, Targets: map[string]float64{"t": 1}}}
	p.AttackTypes = []AttackType{{Name: "x", Target: "t", Weight: 1, Deaths: 1, SuicideDeaths: 1, MaxDeaths: 10}}
	p.Ranks = []Rank{{Name: "commander"}}
	cal, err := sim.NewCalendar(time.Date(2022, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2022, 3, 31, 0, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	f, err := NewFactory(&p, &cal)
	if err != nil {
		t.Fatal(err)
	}
	rec := sim.NewRecorder(cal.Months())
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := f(sim.Replicate{Streams: sim.NewStreams(1, 0), Recorder: rec, Calendar: &cal, Ctx: ctx}); !errors.Is(err, context.Canceled) {
		t.Errorf("build with a cancelled context: err = %v", err)
	}
	if _, err := f(sim.Replicate{Streams: sim.NewStreams(1, 0), Recorder: rec, Calendar: &cal}); err != nil {
		t.Errorf("build without a context: %v", err)
	}
}
