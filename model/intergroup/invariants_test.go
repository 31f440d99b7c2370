package intergroup

import (
	"context"
	"fmt"
	"slices"
	"testing"

	"github.com/insurgo/insurgo/sim"
)

// check returns what is wrong with w's state: an agent not on the cell
// the grid says, a cell (or a mirror of one) holding the wrong agent, two
// agents on one cell, counts that do not match the agents, or citizens
// not conserved (alive = at start + born - killed - dead of age).
func check(w *World) error {
	onGrid, keepers := 0, 0
	var pop [2]int
	for i := range w.agents {
		a := &w.agents[i]
		if a.kind == dead {
			continue
		}
		if a.kind == keeper {
			keepers++
		} else {
			pop[a.group()]++
			if a.pos < 0 && a.active {
				return fmt.Errorf("agent %d is jailed and active", i)
			}
		}
		if a.pos < 0 {
			if a.kind == keeper {
				return fmt.Errorf("peacekeeper %d off the grid", i)
			}
			continue
		}
		onGrid++
		if w.occ[a.pos] != int32(i)+1 {
			return fmt.Errorf("agent %d at cell %d, which holds %d", i, a.pos, w.occ[a.pos]-1)
		}
	}
	occupied := 0
	for c := range int32(len(w.occ)) {
		v := w.occ[c]
		if v != w.occ[w.halo.Canon(c)] {
			return fmt.Errorf("halo index %d holds %d, its home %d", c, v, w.occ[w.halo.Canon(c)])
		}
		if w.halo.Canon(c) != c || v == 0 {
			continue
		}
		occupied++
		if a := &w.agents[v-1]; a.kind == dead || a.pos != c {
			return fmt.Errorf("cell %d holds agent %d, which is at %d (kind %d)", c, v-1, a.pos, a.kind)
		}
	}
	switch {
	case occupied != onGrid || onGrid != w.onGrid:
		return fmt.Errorf("%d cells occupied, %d agents on the grid, onGrid %d", occupied, onGrid, w.onGrid)
	case keepers != w.keepers:
		return fmt.Errorf("%d peacekeepers, counted %d", keepers, w.keepers)
	case pop != w.pop:
		return fmt.Errorf("populations %v, counted %v", pop, w.pop)
	}
	for g := range 2 {
		if want := int64(w.start[g]) + w.tBirths[g] - w.tKilled[g] - w.tDeaths[g]; int64(pop[g]) != want {
			return fmt.Errorf("group %d: %d alive, want %d at start + %d born - %d killed - %d dead of age = %d",
				g, pop[g], w.start[g], w.tBirths[g], w.tKilled[g], w.tDeaths[g], want)
		}
	}
	return nil
}

// jailedNow lists the citizens in jail, with their terms left.
func jailedNow(w *World) map[int32]agent {
	out := map[int32]agent{}
	for i, a := range w.agents {
		if (a.kind == blue || a.kind == green) && a.pos < 0 {
			out[int32(i)] = a
		}
	}
	return out
}

// TestInvariants checks every step of runs with and without peacekeepers
// (and with them withdrawn, and on a crowded small torus): the grid and
// the agents agree, no two agents share a cell, citizens are conserved,
// the recorded counts are the world's, jailed citizens do not act (they
// stay off the grid, count their term down by one a step, are never
// active and are never killed), no peacekeeper is left after a withdrawal, and once a group is
// gone nobody is killed or active.
func TestInvariants(t *testing.T) {
	withCops := Default()
	withCops.CopDensity, withCops.MaxJailTerm = 0.2, 15
	withdrawn := withCops
	withdrawn.WithdrawAt = 100
	small := withCops
	small.Width, small.Height, small.CitizenDensity, small.CopDensity, small.CitizenVision = 7, 9, 0.8, 0.15, 2
	von := withCops
	von.Neighbourhood, von.CitizenVision, von.CopVision = "von_neumann", 2, 3
	for _, c := range []struct {
		name string
		p    Params
	}{{"no peacekeepers", Default()}, {"peacekeepers", withCops}, {"withdrawn", withdrawn}, {"small", small}, {"von neumann", von}} {
		name, p := c.name, c.p
		p.Steps = 300
		for rep := range 2 {
			var before map[int32]agent
			var gone bool
			var steps, jailedSeen int
			cal, _ := p.Calendar()
			f, err := NewFactory(&p, &cal)
			if err != nil {
				t.Fatal(err)
			}
			rec := sim.NewRecorder(cal.Months())
			m, _ := f(sim.Replicate{Index: rep, Streams: sim.NewStreams(7, rep), Recorder: rec, Calendar: &cal})
			w := m.(*World)
			if err := check(w); err != nil {
				t.Fatalf("%s rep %d at the start: %v", name, rep, err)
			}
			for s := range cal.Days() {
				before = jailedNow(w)
				jailedSeen += len(before)
				w.Step(cal.Day(s))
				steps++
				if err := check(w); err != nil {
					t.Fatalf("%s rep %d step %d: %v", name, rep, s, err)
				}
				for i, a := range before {
					b := w.agents[i]
					switch {
					case b.kind == dead:
						// Only age kills in jail; one whose term was over went
						// back to the grid, where it may have been killed.
						if a.jail > 0 && int(a.age)+1 < p.Lifespan {
							t.Fatalf("%s rep %d step %d: jailed agent %d (age %d) died in jail before its lifespan", name, rep, s, i, a.age)
						}
					case a.jail > 0 && (b.pos >= 0 || b.jail != a.jail-1 || b.active):
						t.Fatalf("%s rep %d step %d: jailed agent %d with %d steps left acted: at %d, %d left, active %v", name, rep, s, i, a.jail, b.pos, b.jail, b.active)
					case a.jail == 0 && b.active:
						t.Fatalf("%s rep %d step %d: agent %d released and active in one turn", name, rep, s, i)
					}
				}
				if s+1 >= p.WithdrawAt && p.WithdrawAt > 0 && w.keepers != 0 {
					t.Fatalf("%s rep %d step %d: %d peacekeepers after the withdrawal", name, rep, s, w.keepers)
				}
				killed, active := rec.Value(MKilled, Scope, s), rec.Value(MActive, Scope, s)
				if gone && (killed != 0 || active != 0) {
					t.Fatalf("%s rep %d step %d: a group is gone but %d killed, %d active", name, rep, s, killed, active)
				}
				b, g := w.Populations()
				gone = b == 0 || g == 0
				if got := rec.Value(MPopulation, ScopeBlue, s); got != int64(b) {
					t.Fatalf("%s rep %d step %d: recorded %d blues, world has %d", name, rep, s, got, b)
				}
				if got := rec.Value(MMinority, Scope, s); got != int64(min(b, g)) {
					t.Fatalf("%s rep %d step %d: recorded minority %d, world %d", name, rep, s, got, min(b, g))
				}
			}
			if p.CopDensity > 0 && jailedSeen == 0 {
				t.Errorf("%s rep %d: nobody was ever jailed: the jail checks checked nothing", name, rep)
			}
		}
	}
}

// TestSameForAnyWorkers checks that a batch gives the same series and
// samples whatever the number of workers.
func TestSameForAnyWorkers(t *testing.T) {
	p := Default()
	p.CopDensity, p.Steps, p.WithdrawAt = 0.2, 200, 150
	cal, _ := p.Calendar()
	f, err := NewFactory(&p, &cal)
	if err != nil {
		t.Fatal(err)
	}
	run := func(workers int) [][]int64 {
		var out [][]int64
		b := sim.Batch{Calendar: cal, Seed: 3, Count: 4, Workers: workers, OnReplicate: func(rep int, r *sim.Recorder) error {
			for _, m := range Metrics() {
				for _, sc := range Scopes() {
					out = append(out, slices.Clone(r.Values(m, sc)))
				}
			}
			out = append(out, slices.Clone(r.Samples(SExtinction)))
			return nil
		}}
		if _, err := b.Run(context.Background(), f); err != nil {
			t.Fatal(err)
		}
		return out
	}
	one, three := run(1), run(3)
	if len(one) != len(three) {
		t.Fatalf("%d series with 1 worker, %d with 3", len(one), len(three))
	}
	for i := range one {
		if !slices.Equal(one[i], three[i]) {
			t.Fatalf("series %d differs between 1 and 3 workers", i)
		}
	}
}
