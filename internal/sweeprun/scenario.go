package sweeprun

import (
	"fmt"
	"math"
	"slices"

	"github.com/insurgo/insurgo/model"
	"github.com/insurgo/insurgo/scenarios"
	"github.com/insurgo/insurgo/sim"
)

// ScenarioLoader is the Loader of insurgo's scenarios: base is a shipped
// scenario name or a file path, loaded with scenarios.Load; points apply
// their parameters with (*scenarios.Scenario).With and run the model
// built by model.NewFactory.
func ScenarioLoader(base string) (Model, error) {
	sc, err := scenarios.Load(base)
	if err != nil {
		return nil, err
	}
	cal, err := sc.Calendar()
	if err != nil {
		return nil, err
	}
	return &scenarioModel{sc: sc, cal: cal, metrics: sc.Params.Metrics(), scopes: sc.Params.Scopes()}, nil
}

type scenarioModel struct {
	sc              *scenarios.Scenario
	cal             sim.Calendar
	metrics, scopes []string
}

// Hash returns the resolved base scenario's hash.
func (m *scenarioModel) Hash() string { return m.sc.Hash }

// Calendar returns the base scenario's span.
func (m *scenarioModel) Calendar() (sim.Calendar, error) { return m.cal, nil }

// overrides returns the With argument of keys = values.
func overrides(keys []string, vals []float64, integer []bool) map[string]any {
	ov := make(map[string]any, len(keys))
	for i, k := range keys {
		if integer[i] {
			ov[k] = int64(math.Round(vals[i]))
		} else {
			ov[k] = vals[i]
		}
	}
	return ov
}

// Factory applies the overrides with With and builds the model's factory.
func (m *scenarioModel) Factory(keys []string, vals []float64, integer []bool) (sim.Factory, error) {
	sc, err := m.sc.With(overrides(keys, vals, integer))
	if err != nil {
		return nil, err
	}
	return model.NewFactory(&sc.Params, &m.cal)
}

// CheckKey applies key = v alone and builds the model, reporting any problem.
func (m *scenarioModel) CheckKey(key string, v float64, integer bool) error {
	sc, err := m.sc.With(overrides([]string{key}, []float64{v}, []bool{integer}))
	if err != nil {
		return err
	}
	if _, err := model.NewFactory(&sc.Params, &m.cal); err != nil {
		return err
	}
	return nil
}

// CheckOutput checks w's metric and scopes against what the model records.
func (m *scenarioModel) CheckOutput(w sim.Window) error {
	if !slices.Contains(m.metrics, w.Metric) {
		return fmt.Errorf("unknown metric %q%s", w.Metric, nearest(w.Metric, m.metrics))
	}
	if !slices.Contains(m.scopes, w.Scope) {
		return fmt.Errorf("unknown scope %q%s", w.Scope, nearest(w.Scope, m.scopes))
	}
	if w.Of != "" && !slices.Contains(m.scopes, w.Of) {
		return fmt.Errorf("unknown of scope %q%s", w.Of, nearest(w.Of, m.scopes))
	}
	return nil
}

// nearest returns a "; did you mean" hint for s among known.
func nearest(s string, known []string) string {
	best, bd := "", 4
	for _, k := range known {
		if d := editDistance(s, k); d < bd {
			best, bd = k, d
		}
	}
	if best == "" {
		return ""
	}
	return fmt.Sprintf(" (did you mean %q?)", best)
}

func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			c := 1
			if a[i-1] == b[j-1] {
				c = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+c)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
