package sweeprun

import (
	"fmt"
	"math"
	"slices"

	"github.com/insurgo/insurgo/internal/textdist"
	"github.com/insurgo/insurgo/scenarios"
	"github.com/insurgo/insurgo/sim"
)

// ScenarioLoader is the Loader of insurgo's scenarios: base is a shipped
// scenario name or a file path, loaded with scenarios.Load; points apply
// their parameters with (*scenarios.Scenario).With and run the model
// built by (*scenarios.Scenario).Factory.
func ScenarioLoader(base string) (Model, error) {
	sc, err := scenarios.Load(base)
	if err != nil {
		return nil, err
	}
	cal, err := sc.Calendar()
	if err != nil {
		return nil, err
	}
	return &scenarioModel{sc: sc, cal: cal, metrics: sc.Metrics(), scopes: sc.Scopes()}, nil
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
	return sc.BoundedFactory(&m.cal)
}

// CheckKey applies key = v alone and builds the model, reporting any problem.
func (m *scenarioModel) CheckKey(key string, v float64, integer bool) error {
	sc, err := m.sc.With(overrides([]string{key}, []float64{v}, []bool{integer}))
	if err != nil {
		return err
	}
	_, err = sc.BoundedFactory(&m.cal)
	return err
}

// BaseValue returns the value the base scenario's files set at key.
func (m *scenarioModel) BaseValue(key string) (float64, bool) { return m.sc.Lookup(key) }

// CheckOutput checks w's metric and scopes against what the model records.
func (m *scenarioModel) CheckOutput(w sim.Window) error {
	if !slices.Contains(m.metrics, w.Metric) {
		return fmt.Errorf("unknown metric %q%s", w.Metric, textdist.Hint(w.Metric, m.metrics))
	}
	if !slices.Contains(m.scopes, w.Scope) {
		return fmt.Errorf("unknown scope %q%s", w.Scope, textdist.Hint(w.Scope, m.scopes))
	}
	if w.Of != "" && !slices.Contains(m.scopes, w.Of) {
		return fmt.Errorf("unknown of scope %q%s", w.Of, textdist.Hint(w.Of, m.scopes))
	}
	return nil
}
