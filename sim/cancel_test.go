package sim_test

import (
	"context"
	"errors"
	"testing"

	"github.com/insurgo/insurgo/sim"
)

// stepCounter counts its steps and cancels the run on its fifth day.
type stepCounter struct {
	steps  *int
	cancel func()
}

func (s *stepCounter) Step(sim.Day) {
	*s.steps++
	if *s.steps == 5 {
		s.cancel()
	}
}

// Issue 11, defect 2: the context was checked only every 64 days, so a
// model whose days are slow ignored Ctrl-C for 64 of them. It is now
// checked before every simulated day.
func TestBatchChecksContextEveryDay(t *testing.T) {
	cal := mustCalendar(t, "2021-09-01", "2023-12-31")
	ctx, cancel := context.WithCancel(context.Background())
	steps := 0
	f := func(r sim.Replicate) (sim.Model, error) {
		return &stepCounter{steps: &steps, cancel: cancel}, nil
	}
	_, err := (sim.Batch{Calendar: cal, Seed: 1, Count: 1, Workers: 1}).Run(ctx, f)
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
	if steps != 5 {
		t.Errorf("%d days stepped after a cancellation on day 5, want 5", steps)
	}
}

// The factory gets the run's context, so that building a large world can
// stop; a factory error after cancellation is reported as the
// cancellation.
func TestFactorySeesContext(t *testing.T) {
	cal := mustCalendar(t, "2021-09-01", "2021-12-31")
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	f := func(r sim.Replicate) (sim.Model, error) {
		cancel() // as a Ctrl-C arriving while the world is built
		if err := r.Cancelled(); err != nil {
			return nil, err
		}
		return nil, errors.New("factory did not see the cancelled context")
	}
	_, err := (sim.Batch{Calendar: cal, Seed: 1, Count: 1, Workers: 1}).Run(ctx, f)
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
	if err := (sim.Replicate{}).Cancelled(); err != nil {
		t.Errorf("a Replicate without a context is cancelled: %v", err)
	}
}
