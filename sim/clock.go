package sim

import "fmt"

// NewStepClock returns a calendar of steps rather than dates, for models
// that count time in abstract ticks (Epstein's civil violence, most grid
// models): the model's Step is called steps times, with Day.Index 0 to
// steps-1, and the recorder keeps one value per period of every steps
// (every = 1 records every step). Day.Month is the period of the step and
// Day.MonthEnd marks the last step of a period, so a model records exactly
// as it would by month. The last period may be shorter than the others.
func NewStepClock(steps, every int) (Calendar, error) {
	if steps <= 0 {
		return Calendar{}, fmt.Errorf("%w: steps must be > 0, got %d", ErrCalendar, steps)
	}
	if every <= 0 || every > steps {
		return Calendar{}, fmt.Errorf("%w: recording period must be 1 to %d steps, got %d", ErrCalendar, steps, every)
	}
	c := Calendar{days: make([]Day, steps), every: every}
	for i := range c.days {
		c.days[i] = Day{Index: i, Month: i / every, MonthEnd: (i+1)%every == 0 || i == steps-1}
	}
	return c, nil
}

// Stepped reports whether c is a step clock (NewStepClock) rather than a
// span of dates.
func (c Calendar) Stepped() bool { return c.every > 0 }

// Every returns the steps per recording period of a step clock, and 0 for
// a calendar of dates.
func (c Calendar) Every() int { return c.every }

// IsStepClock reports whether c is the step clock of steps steps recorded
// every every, as NewStepClock(steps, every) makes it: what a model that
// counts steps checks of the calendar it is given.
func (c Calendar) IsStepClock(steps, every int) bool {
	return c.Stepped() && c.Days() == steps && c.every == every
}
