package intergroup

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/insurgo/insurgo/sim"
)

// TestValidate checks that each bad setting is reported under its key
// with what was expected, and that the defaults are valid.
func TestValidate(t *testing.T) {
	d := Default()
	if ps := d.Validate(); len(ps) > 0 {
		t.Fatalf("defaults invalid: %v", ps)
	}
	for _, c := range []struct {
		set  func(p *Params)
		key  string
		frag string
	}{
		{func(p *Params) { p.Steps = 0 }, "steps", "must be >= 1, got 0"},
		{func(p *Params) { p.RecordEvery = 2000 }, "record_every", "must be 1 to steps (1000), got 2000"},
		{func(p *Params) { p.Width = 2 }, "width", "must be >= 3, got 2"},
		{func(p *Params) { p.CitizenDensity = -0.5 }, "citizen_density", "must be in [0, 1], got -0.5"},
		{func(p *Params) { p.CopDensity = 0.4 }, "cop_density", "citizen_density + cop_density must be <= 1, got 0.7 + 0.4"},
		{func(p *Params) { p.BlueShare = -0.1 }, "blue_share", "must be in [0, 1], got -0.1"},
		{func(p *Params) { p.Neighbourhood = "hex" }, "neighbourhood", `want "von_neumann" or "moore", got "hex"`},
		{func(p *Params) { p.CitizenVision = 0 }, "citizen_vision", "must be >= 1, got 0"},
		{func(p *Params) { p.CopVision = 20 }, "cop_vision", "must leave the vision inside the torus"},
		{func(p *Params) { p.LegitimacyBlue = 2 }, "legitimacy_blue", "must be in [0, 1], got 2"},
		{func(p *Params) { p.LegitimacyGreen = -1 }, "legitimacy_green", "must be in [0, 1], got -1"},
		{func(p *Params) { p.K = -1 }, "k", "must be a finite number >= 0, got -1"},
		{func(p *Params) { p.MaxJailTerm = -3 }, "max_jail_term", "must be from 0 to 1073741824, got -3"},
		{func(p *Params) { p.MaxJailTerm = MaxSteps + 1 }, "max_jail_term", "must be from 0 to 1073741824, got 1073741825"},
		{func(p *Params) { p.Lifespan = 0 }, "lifespan", "must be from 1 to 1073741824 steps, got 0"},
		{func(p *Params) { p.Lifespan = 1 << 40 }, "lifespan", "must be from 1 to 1073741824 steps"},
		{func(p *Params) { p.BirthRate = 1.2 }, "birth_rate", "must be in [0, 1], got 1.2"},
		{func(p *Params) { p.WithdrawAt = 1001 }, "withdraw_at", "must be within the run's 1000 steps, got 1001"},
		{func(p *Params) { p.WithdrawAt = -1 }, "withdraw_at", "must be >= 0 (0: peacekeepers stay), got -1"},
	} {
		p := Default()
		c.set(&p)
		ps := p.Validate()
		if len(ps) != 1 || ps[0].Key != c.key || !strings.Contains(ps[0].Msg, c.frag) {
			t.Errorf("%s: got %v, want one problem %s: ...%s...", c.key, ps, c.key, c.frag)
		}
		cal, _ := sim.NewStepClock(1000, 1)
		if _, err := NewFactory(&p, &cal); err == nil || !strings.Contains(err.Error(), c.key+": ") {
			t.Errorf("%s: NewFactory error %v, want it to name the key", c.key, err)
		}
	}
	p := Default()
	cal, _ := sim.NewStepClock(999, 1)
	if _, err := NewFactory(&p, &cal); err == nil || !strings.Contains(err.Error(), "step clock of 1000 steps") {
		t.Errorf("a calendar of the wrong length: %v", err)
	}
}

// TestBuildCancelled checks that building a replicate stops with the
// run's cancellation.
func TestBuildCancelled(t *testing.T) {
	p := Default()
	cal, _ := p.Calendar()
	f, err := NewFactory(&p, &cal)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := f(sim.Replicate{Streams: sim.NewStreams(1, 0), Recorder: sim.NewRecorder(cal.Months()), Calendar: &cal, Ctx: ctx}); !errors.Is(err, context.Canceled) {
		t.Errorf("building with a cancelled context: %v, want context.Canceled", err)
	}
}
