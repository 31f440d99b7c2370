package scoretable

import (
	"fmt"
	"slices"
	"strings"

	"github.com/insurgo/insurgo/internal/report"
	"github.com/insurgo/insurgo/internal/score"
	"github.com/insurgo/insurgo/sim"
)

// Streams says how the count baselines see a scenario's targets: count
// targets of Metric in one of the Scopes (a stream each, say Afghanistan
// and KP) or in Total (the sum of the streams), with statistic sum or
// mean_per_month. Breaks[i] lists the months where stream i starts a new
// regime of the regime Poisson (from the domain's own account of when
// things changed, never from held-back figures); the constant-rate
// negative binomial has one rate per stream.
type Streams struct {
	Metric string
	Scopes []string
	Breaks [][]sim.Month
	Total  string
}

// ParseRegimes parses "SCOPE=YYYY-MM,YYYY-MM;SCOPE=..." into scopes and
// their breaks, in order. A scope with no breaks is written "SCOPE=".
func ParseRegimes(s string) (scopes []string, breaks [][]sim.Month, err error) {
	for _, part := range strings.Split(s, ";") {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		scope, list, ok := strings.Cut(part, "=")
		scope = strings.TrimSpace(scope)
		if !ok || scope == "" {
			return nil, nil, fmt.Errorf("regimes: want SCOPE=YYYY-MM,... got %q", part)
		}
		if slices.Contains(scopes, scope) {
			return nil, nil, fmt.Errorf("regimes: scope %s given twice", scope)
		}
		var bs []sim.Month
		for _, m := range strings.Split(list, ",") {
			m = strings.TrimSpace(m)
			if m == "" {
				continue
			}
			mm, err := sim.ParseMonth(m)
			if err != nil {
				return nil, nil, fmt.Errorf("regimes: %s: want months YYYY-MM, got %q", scope, m)
			}
			if len(bs) > 0 && mm.Index(bs[len(bs)-1]) <= 0 {
				return nil, nil, fmt.Errorf("regimes: %s: breaks must increase, got %s after %s", scope, mm, bs[len(bs)-1])
			}
			bs = append(bs, mm)
		}
		scopes = append(scopes, scope)
		breaks = append(breaks, bs)
	}
	if len(scopes) == 0 {
		return nil, nil, fmt.Errorf("regimes: no stream given")
	}
	return scopes, breaks, nil
}

// eligible reports whether the baselines model target t.
func (st *Streams) eligible(t report.Observed) bool {
	if t.Kind == report.KindCheck || t.Window.Metric != st.Metric {
		return false
	}
	if t.Window.Statistic != sim.Sum && t.Window.Statistic != sim.MeanPerMonth {
		return false
	}
	return slices.Contains(st.Scopes, t.Window.Scope) || (st.Total != "" && t.Window.Scope == st.Total)
}

// figure returns t as a baseline figure: its exposure to each rate
// parameter (months of its window in each stream and regime; with
// regimes false, one parameter per stream), its divisor and its
// observation error.
func (st *Streams) figure(t report.Observed, cal *sim.Calendar, regimes bool) (score.Figure, error) {
	from, to, err := t.Window.Bind(cal)
	if err != nil {
		return score.Figure{}, err
	}
	var exp []float64
	for s, scope := range st.Scopes {
		n := 1
		if regimes {
			n = len(st.Breaks[s]) + 1
		}
		e := make([]float64, n)
		if scope == t.Window.Scope || t.Window.Scope == st.Total {
			for i := from; i <= to; i++ {
				r := 0
				if regimes {
					m := cal.Month(i)
					for _, b := range st.Breaks[s] {
						if m.Index(b) >= 0 {
							r++
						}
					}
				}
				e[r]++
			}
		}
		exp = append(exp, e...)
	}
	div := 1.0
	if t.Window.Statistic == sim.MeanPerMonth {
		div = float64(to - from + 1)
	}
	return score.Figure{Name: t.Window.Name, Exposure: exp, Observed: t.Observed, Divisor: div, ObsSD: t.ObsSD}, nil
}

// design returns the rate parameters' design: with regimes, each regime
// follows the stream's previous one.
func (st *Streams) design(regimes bool) score.Design {
	var prev []int
	for s := range st.Scopes {
		if !regimes {
			prev = append(prev, -1)
			continue
		}
		for r := 0; r <= len(st.Breaks[s]); r++ {
			if r == 0 {
				prev = append(prev, -1)
			} else {
				prev = append(prev, len(prev)-1)
			}
		}
	}
	return score.Design{Prev: prev}
}
