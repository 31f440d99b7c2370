package civil_test

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/insurgo/insurgo/model/civil"
	"github.com/insurgo/insurgo/sim"
)

func TestValidate(t *testing.T) {
	if d := civil.Default(); len(d.Validate()) != 0 {
		t.Fatalf("defaults invalid: %v", d.Validate())
	}
	for _, c := range []struct {
		key string
		set func(*civil.Params)
	}{
		{"steps", func(p *civil.Params) { p.Steps = 0 }},
		{"record_every", func(p *civil.Params) { p.RecordEvery = 2000 }},
		{"width", func(p *civil.Params) { p.Width = 2 }},
		{"citizen_density", func(p *civil.Params) { p.CitizenDensity = 1.2 }},
		{"cop_density", func(p *civil.Params) { p.CopDensity = 0.4 }},
		{"citizen_vision", func(p *civil.Params) { p.CitizenVision = 20 }},
		{"cop_vision", func(p *civil.Params) { p.CopVision = 0 }},
		{"neighbourhood", func(p *civil.Params) { p.Neighbourhood = "hex" }},
		{"legitimacy", func(p *civil.Params) { p.Legitimacy = -0.1 }},
		{"max_jail_term", func(p *civil.Params) { p.MaxJailTerm = -1 }},
		{"max_jail_term", func(p *civil.Params) { p.MaxJailTerm = civil.MaxJail + 1 }},
		{"k", func(p *civil.Params) { p.K = -2 }},
		{"arrest_rule", func(p *civil.Params) { p.ArrestRule = "ceil" }},
		{"outburst_threshold", func(p *civil.Params) { p.OutburstThreshold = 0 }},
		{"legitimacy_change.start", func(p *civil.Params) { p.LegitimacyChange.To = 0.5 }},
		{"legitimacy_change.to", func(p *civil.Params) { p.LegitimacyChange = civil.LegitimacyChange{Start: 5, To: 2} }},
		{"legitimacy_change.start", func(p *civil.Params) { p.LegitimacyChange = civil.LegitimacyChange{Start: 5000, To: 0.5} }},
	} {
		p := civil.Default()
		c.set(&p)
		ps := p.Validate()
		if len(ps) == 0 || ps[0].Key != c.key {
			t.Errorf("%s: problems %v, want one for %s", c.key, ps, c.key)
			continue
		}
		d := civil.Default()
		cal, _ := d.Calendar()
		if _, err := civil.NewFactory(&p, &cal); err == nil || !strings.Contains(err.Error(), c.key) {
			t.Errorf("%s: NewFactory error %v, want one naming the key", c.key, err)
		}
	}
}

// TestWorld runs a few replicates and checks what must hold at every
// step: the citizens are active, quiet or jailed; the jailed grow by no
// more than the arrests; the same seed gives the same series whatever the
// number of workers.
func TestWorld(t *testing.T) {
	p := netlogo()
	p.Steps = 200
	cal, _ := p.Calendar()
	f, err := civil.NewFactory(&p, &cal)
	if err != nil {
		t.Fatal(err)
	}
	run := func(workers int) [][]int64 {
		var out [][]int64
		b := sim.Batch{Calendar: cal, Seed: 3, Count: 4, Workers: workers,
			OnStep: func(rep int, d sim.Day, m sim.Model) error {
				w := m.(*civil.World)
				a, q, j := w.Counts()
				if a < 0 || q < 0 || j < 0 || a+q+j != w.Citizens() {
					t.Errorf("replicate %d step %d: active %d quiet %d jailed %d of %d citizens", rep, d.Index, a, q, j, w.Citizens())
				}
				return nil
			},
			OnReplicate: func(rep int, r *sim.Recorder) error {
				jailed, arrests := r.Values(civil.MJailed, civil.Scope), r.Values(civil.MArrests, civil.Scope)
				for s := 1; s < len(jailed); s++ {
					if jailed[s]-jailed[s-1] > arrests[s] {
						t.Errorf("replicate %d step %d: jailed %d -> %d with %d arrests", rep, s, jailed[s-1], jailed[s], arrests[s])
					}
				}
				for _, m := range civil.Metrics() {
					out = append(out, slices.Clone(r.Values(m, civil.Scope)))
				}
				return nil
			}}
		if _, err := b.Run(context.Background(), f); err != nil {
			t.Fatal(err)
		}
		return out
	}
	one, two := run(1), run(2)
	for i := range one {
		if !slices.Equal(one[i], two[i]) {
			t.Fatalf("series %d differs between 1 and 2 workers", i)
		}
	}
	var arrests int64
	for i, m := range civil.Metrics() {
		if m == civil.MArrests {
			for _, v := range one[i] {
				arrests += v
			}
		}
	}
	if arrests == 0 {
		t.Error("no arrests in 4 runs of 200 steps with NetLogo's values")
	}
}
