package isk

import (
	"slices"
	"time"

	"github.com/insurgo/insurgo/sim"
)

// OutsideRun returns the dated settings that cannot act within the run
// of calendar cal: a raid phase that starts after the run's last month,
// or one superseded before the run starts by a later phase; a language,
// pool, deplatforming or counter-messaging start after the last month;
// a scripted leader death outside the run. None of these is invalid (a
// scenario may be run over a shorter span than it was written for), but
// each is more often a mistyped year: the loader reports them as
// warnings.
func (p *Params) OutsideRun(cal *sim.Calendar) []Problem {
	if cal.Stepped() {
		return nil
	}
	var ps []Problem
	first, last := cal.FirstMonth(), cal.Month(cal.Months()-1)
	after := func(table, item, key string, m sim.Month, what string) {
		if !m.IsZero() && m.Index(last) > 0 {
			ps = append(ps, Problem{table, item, key, "month " + m.String() + " is after the run's last month " + last.String() + ": " + what})
		}
	}
	phases := slices.Clone(p.RaidPhases)
	slices.SortStableFunc(phases, func(a, b RaidPhase) int { return a.From.Index(b.From) })
	for i, ph := range phases {
		after("raid_phase", ph.Name, "from", ph.From, "the phase never starts")
		if i+1 < len(phases) && phases[i+1].From.Index(first) <= 0 && !ph.From.IsZero() {
			ps = append(ps, Problem{"raid_phase", ph.Name, "from", "phase " + ph.Name + " (from " + ph.From.String() + ") is followed by " +
				phases[i+1].Name + " (from " + phases[i+1].From.String() + ") before the run starts in " + first.String() + ": it is never in force"})
		}
	}
	after("media", "", "counter_from", p.Media.CounterFrom, "counter-messaging never starts")
	for _, l := range p.Languages {
		after("language", l.Name, "from", l.From, "its output never starts")
		after("language", l.Name, "deplatform_from", l.DeplatformFrom, "deplatforming never starts")
	}
	for _, l := range p.Pools {
		after("pool", l.Name, "from", l.From, "the pool never opens")
	}
	for _, l := range p.Leaders {
		if l.Killed == "" {
			continue
		}
		d, err := time.Parse(time.DateOnly, l.Killed)
		if err != nil {
			continue // reported by Validate
		}
		if _, in := cal.DayOf(d); !in {
			ps = append(ps, Problem{"leader", l.Name, "killed", "date " + l.Killed + " is outside the run, " +
				cal.Start.Format(time.DateOnly) + " to " + cal.End.Format(time.DateOnly) + ": the scripted kill never happens"})
		}
	}
	return ps
}
