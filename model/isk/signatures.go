package isk

import (
	"fmt"
	"slices"

	"github.com/insurgo/insurgo/internal/compare"
	"github.com/insurgo/insurgo/sim"
)

// SignatureQuery is what a comparison asks of the model's signatures: the
// compared metric, scope and window, the arms compared, and the span of
// pressure the rebound is measured after.
type SignatureQuery struct {
	Metric, Scope string
	From, To      sim.Month
	Arms          []compare.Arm
	// Pressure is the span of sustained raids; nil reads it from the raid
	// phases (PressureSpan).
	Pressure *[2]sim.Month
	Level    float64 // the rebound is back to this share of the pre-pressure tempo
	Source   string  // the scenario whose raid phases give the pressure, as notes name it
}

// Signatures returns the signatures that tell the model's hypotheses
// apart (domain mechanism 7: slowdown or degradation) over the compared
// window: fighters retained, the suicide share, casualties per attack,
// the KP share and, when there is a span of pressure, the tempo under
// pressure and the rebound after it. Notes say what was left out and
// why. The error is for a Pressure given that does not fit an arm.
func (p *Params) Signatures(q SignatureQuery) ([]compare.Signature, []string, error) {
	sum := func(metric, scope string) sim.Window {
		return sim.Window{Name: metric + "/" + scope, Metric: metric, Scope: scope, From: q.From, To: q.To, Statistic: sim.Sum}
	}
	start := q.From.Add(-1)
	for _, a := range q.Arms {
		if _, ok := a.Calendar.MonthIndex(start); !ok {
			start = q.From
		}
	}
	sigs := []compare.Signature{
		compare.Retained{Label: "fighters retained", Metric: MFighters, Scope: "total", From: start, To: q.To},
		compare.Ratio{Label: "suicide share", Num: sum(MSuicide, q.Scope), Den: sum(MAttacks, q.Scope)},
		compare.Ratio{Label: "casualties per attack", Num: sum(MCasualties, q.Scope), Den: sum(MAttacks, q.Scope)},
		compare.Ratio{Label: "KP share", Num: sum(MAttacks, "group:kp"), Den: sum(MAttacks, "total")},
	}
	src := "-pressure"
	pfrom, pto, ok := p.PressureSpan()
	if q.Pressure != nil {
		pfrom, pto, ok = q.Pressure[0], q.Pressure[1], true
	} else {
		src = q.Source + "'s raid phases"
	}
	if !ok {
		return sigs, []string{fmt.Sprintf("no rebound signature: raids never stop in %s; give -pressure FROM:TO to measure the rebound after that span", q.Source)}, nil
	}
	r := compare.Rebound{Label: fmt.Sprintf("rebound after %s (months)", pto.Add(1)), Metric: q.Metric, Scope: q.Scope, From: pfrom, To: pto, Level: q.Level}
	for _, a := range q.Arms {
		if err := r.Check(&a.Calendar); err != nil {
			if q.Pressure != nil {
				return nil, nil, fmt.Errorf("scenario %s: %v", a.Name, err)
			}
			return sigs, []string{fmt.Sprintf("no rebound signature: scenario %s: %v", a.Name, err)}, nil
		}
	}
	// The pre-pressure level: up to preMonths before the pressure, within
	// every run (Rebound.Check saw at least one).
	pre := pfrom.Add(-preMonths)
	for _, a := range q.Arms {
		if f := a.Calendar.FirstMonth(); f.Index(pre) > 0 {
			pre = f
		}
	}
	mean := func(a, b sim.Month) sim.Window {
		return sim.Window{Name: q.Metric, Metric: q.Metric, Scope: q.Scope, From: a, To: b, Statistic: sim.MeanPerMonth}
	}
	depth := compare.Ratio{Label: fmt.Sprintf("tempo under pressure %s..%s (× before)", pfrom, pto), Num: mean(pfrom, pto), Den: mean(pre, pfrom.Add(-1))}
	note := fmt.Sprintf("pressure %s..%s (from %s); rebound: months from %s until the 3-month mean of %s in %s is back to %g × its monthly mean over %s..%s",
		pfrom, pto, src, pto.Add(1), q.Metric, q.Scope, q.Level, pre, pfrom.Add(-1))
	return append(sigs, depth, r), []string{note}, nil
}

// preMonths is how many months before the pressure the tempo it is
// measured against spans: half a year, long enough to average out the
// month-to-month noise of a few dozen attacks, short enough to stay in
// the same phase of the conflict.
const preMonths = 6

// PressureSpan returns the span of sustained raids read from the raid
// phases: the last phase with raids before the first phase that stops
// them (per_month = 0), from its start through the month before the stop.
// ok is false when raids never stop.
func (p *Params) PressureSpan() (from, to sim.Month, ok bool) {
	phases := slices.Clone(p.RaidPhases)
	slices.SortStableFunc(phases, func(a, b RaidPhase) int { return a.From.Index(b.From) })
	last := -1
	for i, ph := range phases {
		if ph.PerMonth > 0 {
			last = i
			continue
		}
		if last < 0 || ph.From == phases[last].From {
			return from, to, false
		}
		return phases[last].From, ph.From.Add(-1), true
	}
	return from, to, false
}
