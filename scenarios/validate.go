package scenarios

import (
	"math"
	"slices"
	"strings"
	"time"

	"github.com/insurgo/insurgo/internal/textdist"
	"github.com/insurgo/insurgo/model/isk"
	"github.com/insurgo/insurgo/sim"
)

// validate checks the resolved scenario beyond types: the dates, the
// targets and the model's own ranges (isk.Params.Validate); it fills
// in s.Start, s.End and s.Targets.
func validate(s *Scenario, doc *document, work map[string]any, ch []*source, found *problems) {
	switch s.Model {
	case "":
		s.Model = ModelISK
	case ModelISK, ModelCivil, ModelIntergroup:
	default:
		found.placef(ch, []string{"model"}, ErrRange, "unknown model %q%s", s.Model, orList(textdist.Hint(s.Model, Models), Models))
		return
	}
	switch s.Model {
	case ModelCivil:
		s.Civil = doc.Civil
		validateStepped(s, doc, work, ch, found, doc.Civil.Validate(), doc.Civil.Calendar)
		return
	case ModelIntergroup:
		s.Intergroup = doc.Intergroup
		validateStepped(s, doc, work, ch, found, doc.Intergroup.Validate(), doc.Intergroup.Calendar)
		return
	}
	for _, m := range steppedModels {
		if _, ok := work[m.model]; ok {
			found.placef(ch, []string{m.model}, ErrRange, "[%s] holds the settings of model = %q; this scenario runs the ISK model (set model = %q to run %s)", m.model, m.model, m.model, m.what)
		}
	}
	s.Params = doc.Params
	_, hasStart := work["start"]
	_, hasEnd := work["end"]
	if !hasStart {
		found.placef(ch, []string{"start"}, ErrRange, "missing: want the first simulated day, a date such as 2021-09-01")
	}
	if !hasEnd {
		found.placef(ch, []string{"end"}, ErrRange, "missing: want the last simulated day, a date such as 2023-12-31")
	}
	s.Start, s.End = utcDate(doc.Start), utcDate(doc.End)
	var cal *sim.Calendar
	if hasStart && hasEnd {
		if s.End.Before(s.Start) {
			found.placef(ch, []string{"end"}, ErrRange, "must not be before start (%s), got %s",
				s.Start.Format(time.DateOnly), s.End.Format(time.DateOnly))
		} else if s.End.After(s.Start.AddDate(maxYears, 0, 0)) {
			found.placef(ch, []string{"end"}, ErrRange, "must be within %d years of start (%s), got %s",
				maxYears, s.Start.Format(time.DateOnly), s.End.Format(time.DateOnly))
		} else if c, err := sim.NewCalendar(s.Start, s.End); err == nil {
			cal = &c
		}
	}

	checkTargets(s, doc, work, cal, ch, found)

	for _, p := range doc.Params.Validate() {
		found.place(ch, problemKey(p), ErrRange, p.Msg)
	}
	if cal != nil {
		for _, p := range doc.Params.OutsideRun(cal) {
			found.warn(ch, problemKey(p), ErrOutsideRun, p.Msg)
		}
	}
}

// checkTargets checks the [[target]]s against the model's metrics and
// scopes and the calendar (nil if it could not be made).
func checkTargets(s *Scenario, doc *document, work map[string]any, cal *sim.Calendar, ch []*source, found *problems) {
	var rawTargets []map[string]any
	if ts, ok := work["target"].([]map[string]any); ok && len(ts) == len(doc.Targets) {
		rawTargets = ts
	}
	metrics, scopes := s.Metrics(), s.Scopes()
	for i, td := range doc.Targets {
		var raw map[string]any
		if rawTargets != nil {
			raw = rawTargets[i]
		}
		if t, ok := checkTarget(td, raw, metrics, scopes, cal, ch, found); ok {
			s.Targets = append(s.Targets, t)
		}
	}
}

// scenarioKeys are the top-level keys of a scenario whatever its model.
var scenarioKeys = []string{"name", "description", "extends", "drop", "model", "target"}

// steppedModels are the models that count steps, each with its settings
// in a table named like it, and what it runs.
var steppedModels = []struct{ model, what string }{
	{ModelCivil, "civil violence"},
	{ModelIntergroup, "inter-group violence"},
}

// validateStepped checks a scenario of a model that counts steps (civil,
// intergroup): its settings, whose problems (the model's Validate) are ps,
// no setting of another model, and its targets on the step clock, which
// calendar makes.
func validateStepped(s *Scenario, doc *document, work map[string]any, ch []*source, found *problems, ps []sim.Problem, calendar func() (sim.Calendar, error)) {
	table := s.Model
	for _, k := range sortedKeys(work) {
		other := slices.ContainsFunc(steppedModels, func(m struct{ model, what string }) bool { return m.model == k })
		switch {
		case k == table || slices.Contains(scenarioKeys, k):
		case k == "start" || k == "end":
			article := "a"
			if strings.ContainsAny(table[:1], "aeiou") {
				article = "an"
			}
			found.placef(ch, []string{k}, ErrRange, "%s %s scenario counts steps, not dates: set %s.steps (and %s.record_every) instead", article, table, table, table)
		case other:
			found.placef(ch, []string{k}, ErrRange, "[%s] holds the settings of model = %q; this scenario runs model = %q, whose settings go in [%s]", k, k, table, table)
		default:
			found.placef(ch, []string{k}, ErrRange, "is a setting of the ISK model; this scenario runs model = %q, whose settings go in [%s]", table, table)
		}
	}
	for _, p := range ps {
		found.place(ch, append([]string{table}, strings.Split(p.Key, ".")...), ErrRange, p.Msg)
	}
	var cal *sim.Calendar
	if len(ps) == 0 {
		if c, err := calendar(); err == nil {
			cal = &c
		}
	}
	checkTargets(s, doc, work, cal, ch, found)
}

// problemKey returns the key path of a model problem.
func problemKey(p isk.Problem) []string {
	var key []string
	if p.Table != "" {
		key = append(key, p.Table)
	}
	if p.Item != "" {
		key = append(key, p.Item)
	}
	if p.Key != "" {
		key = append(key, strings.Split(p.Key, ".")...)
	}
	return key
}

// maxYears bounds a run's span.
const maxYears = 100

func utcDate(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}

// checkTarget checks one [[target]] and returns it as a Target.
func checkTarget(td targetDoc, raw map[string]any, metrics, scopes []string, cal *sim.Calendar, ch []*source, found *problems) (Target, bool) {
	name := td.Name
	if name == "" {
		return Target{}, false // reported as a missing name
	}
	ok := true
	bad := func(key string, err error, format string, args ...any) {
		found.placef(ch, []string{"target", name, key}, err, format, args...)
		ok = false
	}
	switch {
	case td.Metric == "":
		bad("metric", ErrRange, "missing: want one of %s", strings.Join(metrics, ", "))
	case !slices.Contains(metrics, td.Metric):
		bad("metric", ErrRange, "unknown metric %q%s", td.Metric, orList(textdist.Hint(td.Metric, metrics), metrics))
	}
	checkScope := func(key, scope string) {
		switch {
		case scope == "":
			bad(key, ErrRange, "missing: want a scope such as total, country:afghanistan, group:kp or region:Kabul")
		case !slices.Contains(scopes, scope):
			bad(key, ErrRange, "unknown scope %q%s", scope, scopeHint(scope, scopes))
		}
	}
	checkScope("scope", td.Scope)
	w := td.Window
	w.Name = name
	for _, p := range w.Problems(cal) {
		bad(p.Key, ErrRange, "%s", p.Msg)
	}
	if w.Statistic == sim.Share && w.Of != "" {
		checkScope("of", w.Of)
	}
	if _, given := raw["observed"]; raw != nil && !given {
		bad("observed", ErrRange, "missing: want the observed figure")
	}
	switch {
	case td.Observed < 0:
		bad("observed", ErrRange, "must be >= 0, got %g", td.Observed)
	case td.Statistic == sim.Share && td.Observed > 1:
		bad("observed", ErrRange, "a share must be in [0, 1], got %g", td.Observed)
	}
	kind := td.Kind
	switch {
	case kind == "":
		kind = KindTarget
	case !slices.Contains(Kinds, kind):
		bad("kind", ErrRange, "unknown kind %q%s", kind, orList(textdist.Hint(kind, Kinds), Kinds))
	}
	var sd float64
	switch {
	case td.ObsSD != nil && td.ObsRel != nil:
		bad("obs_rel", ErrRange, "give obs_sd (absolute) or obs_rel (relative to observed), not both")
	case td.ObsSD != nil:
		sd = *td.ObsSD
		if !(sd >= 0) || math.IsInf(sd, 0) {
			bad("obs_sd", ErrRange, "must be a finite number >= 0, got %g", sd)
		}
	case td.ObsRel != nil:
		sd = *td.ObsRel * td.Observed
		if !(*td.ObsRel >= 0) || math.IsInf(*td.ObsRel, 0) {
			bad("obs_rel", ErrRange, "must be a finite number >= 0, got %g", *td.ObsRel)
		}
	default:
		sd = defaultObsSD(td.Statistic, spanMonths(w, cal))
	}
	if !ok {
		return Target{}, false
	}
	return Target{Window: w, Observed: td.Observed, Kind: kind, ObsSD: sd}, true
}

// spanMonths returns the months w spans: on cal when w lies within it
// (from and to may be left out for the run's first and last month),
// otherwise as written, at least 1.
func spanMonths(w sim.Window, cal *sim.Calendar) int {
	if cal != nil {
		if from, to, err := w.Bind(cal); err == nil {
			return to - from + 1
		}
	}
	return max(1, w.To.Index(w.From)+1)
}

// orList returns h, or the list of known words when h is empty.
func orList(h string, known []string) string {
	if h != "" {
		return h
	}
	return " (known: " + strings.Join(known, ", ") + ")"
}

// scopeHint suggests the nearest scope, preferring ones of the same kind
// (the part before the colon).
func scopeHint(s string, scopes []string) string {
	kind, _, _ := strings.Cut(s, ":")
	var same []string
	for _, sc := range scopes {
		if k, _, _ := strings.Cut(sc, ":"); k == kind {
			same = append(same, sc)
		}
	}
	if len(same) > 0 {
		if h := textdist.Hint(s, same); h != "" {
			return h
		}
	}
	if h := textdist.Hint(s, scopes); strings.HasPrefix(h, " (did") {
		return h
	}
	return " (want total, country:<c>, group:<g>, region:<Name>, type:<attack type>, border:<name>, language:<name> or pool:<name>, naming one the scenario has)"
}
