package report

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"os"

	"github.com/insurgo/insurgo/internal/atomicfile"
	"github.com/insurgo/insurgo/sim"
)

// ErrFormat is wrapped by errors reading a malformed output file.
var ErrFormat = errors.New("report: malformed output")

// Summary is the content of summary.json: a function of (scenario, seed,
// replicates) alone, with no timestamps, hosts or durations, so the same
// inputs give the same bytes.
type Summary struct {
	Scenario     string `json:"scenario"`
	Description  string `json:"description,omitempty"`
	ScenarioHash string `json:"scenario_hash"` // sha256 of the resolved scenario
	// Posterior and PosteriorHash name the calibration posterior each
	// replicate's settings were drawn from (run -posterior), and the
	// SHA-256 of its posterior.csv; empty for a run at one point.
	Posterior     string   `json:"posterior,omitempty"`
	PosteriorHash string   `json:"posterior_hash,omitempty"`
	Seed          uint64   `json:"seed"`
	Replicates    int64    `json:"replicates"`
	Start         string   `json:"start"` // YYYY-MM-DD; "step 1" on a step clock
	End           string   `json:"end"`   // YYYY-MM-DD; "step N" on a step clock
	Months        []string `json:"months"`
	// Series holds, for each metric × scope, per-month quantiles over
	// replicates, sorted by metric then scope.
	Series []Series `json:"series"`
	// Distributions are pooled samples (e.g. casualties per attack) as
	// exact value counts.
	Distributions []Distribution `json:"distributions"`
	// Targets are the scenario's observed figures held against the
	// simulated distribution of the same statistic.
	Targets []Target `json:"targets"`
}

// Series is one metric in one scope, month by month. Each slice has one
// entry per month of Summary.Months.
type Series struct {
	Metric string    `json:"metric"`
	Scope  string    `json:"scope"`
	P05    []float64 `json:"p05"`
	P25    []float64 `json:"p25"`
	P50    []float64 `json:"p50"`
	P75    []float64 `json:"p75"`
	P95    []float64 `json:"p95"`
	Mean   []float64 `json:"mean"`
}

// Distribution is a pooled histogram: Values in increasing order and how
// often each occurred.
type Distribution struct {
	Name   string    `json:"name"`
	Values []float64 `json:"values"`
	Counts []int64   `json:"counts"`
}

// Target is an observed figure and the simulated distribution of the same
// statistic over replicates.
type Target struct {
	sim.Window
	// Kind is "target" (held against the model: counted in coverage) or
	// "check" (a scenario input echoed back: reported, not counted).
	Kind     string  `json:"kind"`
	Observed float64 `json:"observed"`
	P05      float64 `json:"p05"`
	P25      float64 `json:"p25"`
	P50      float64 `json:"p50"`
	P75      float64 `json:"p75"`
	P95      float64 `json:"p95"`
	Mean     float64 `json:"mean"`
	// ObsSD is the s.d. of the observation error (normal, mean 0) the
	// observed figure is read with; PredP05 and PredP95 bound the 90%
	// predictive interval of the simulated value plus that error.
	ObsSD   float64 `json:"obs_sd"`
	PredP05 float64 `json:"pred_p05"`
	PredP95 float64 `json:"pred_p95"`
	// Covered: PredP05 <= observed <= PredP95 (with no observation error,
	// p05 <= observed <= p95).
	Covered bool `json:"covered"`
	// Values and Counts are the exact distribution over replicates.
	Values []float64 `json:"values"`
	Counts []int64   `json:"counts"`
}

// Observed pairs a window statistic with its observed value, its kind
// ("target" or "check"; empty reads as "target") and the s.d. of its
// observation error.
type Observed struct {
	Window   sim.Window
	Observed float64
	Kind     string
	ObsSD    float64
}

// Windows returns the window statistics of obs, in order: what a batch
// must evaluate for Build to report them.
func Windows(obs []Observed) []sim.Window {
	ws := make([]sim.Window, len(obs))
	for i, o := range obs {
		ws[i] = o.Window
	}
	return ws
}

// Uncovered returns the training targets of s (checks left out) whose
// observed figure lies outside their predictive interval, and how many
// training targets there are.
func (s *Summary) Uncovered() (missed []Target, targets int) {
	for _, t := range s.Targets {
		if t.Kind == KindCheck {
			continue
		}
		targets++
		if !t.Covered {
			missed = append(missed, t)
		}
	}
	return missed, targets
}

// Kinds of Target.
const (
	KindTarget = "target"
	KindCheck  = "check"
)

// Build summarises an aggregate. targets[i] must be the aggregate's window
// statistic i.
func Build(agg *sim.Aggregate, cal *sim.Calendar, targets []Observed) (*Summary, error) {
	ws := agg.Windows()
	if len(ws) != len(targets) {
		return nil, fmt.Errorf("report: %d targets for %d window statistics", len(targets), len(ws))
	}
	s := &Summary{
		Replicates:    agg.Replicates,
		Start:         cal.Start.Format("2006-01-02"),
		End:           cal.End.Format("2006-01-02"),
		Months:        cal.MonthLabels(),
		Series:        []Series{},
		Distributions: []Distribution{},
		Targets:       []Target{},
	}
	if cal.Stepped() {
		s.Start, s.End = "step 1", fmt.Sprintf("step %d", cal.Days())
	}
	for _, k := range agg.Keys() {
		se := Series{Metric: k.Metric, Scope: k.Scope}
		for m := 0; m < agg.Months; m++ {
			q := agg.Month(k, m).Summarize()
			se.P05 = append(se.P05, q.P05)
			se.P25 = append(se.P25, q.P25)
			se.P50 = append(se.P50, q.P50)
			se.P75 = append(se.P75, q.P75)
			se.P95 = append(se.P95, q.P95)
			se.Mean = append(se.Mean, round(q.Mean))
		}
		s.Series = append(s.Series, se)
	}
	for _, name := range agg.SampleNames() {
		v, c := agg.Samples(name).Values()
		s.Distributions = append(s.Distributions, Distribution{Name: name, Values: v, Counts: c})
	}
	for i, t := range targets {
		if t.Window != ws[i] {
			return nil, fmt.Errorf("report: target %q is not window statistic %d", t.Window.Name, i)
		}
		h := agg.Stat(i)
		q := h.Summarize()
		v, c := h.Values()
		w := t.Window
		kind := t.Kind
		if kind == "" {
			kind = KindTarget
		}
		lo, hi, err := predictiveInterval(v, c, t.ObsSD, q.P05, q.P95, w.Statistic == sim.Share)
		if err != nil {
			return nil, fmt.Errorf("report: target %q: %w", w.Name, err)
		}
		s.Targets = append(s.Targets, Target{
			Window: w, Kind: kind,
			Observed: t.Observed,
			P05:      q.P05, P25: q.P25, P50: q.P50, P75: q.P75, P95: q.P95, Mean: round(q.Mean),
			ObsSD: t.ObsSD, PredP05: lo, PredP95: hi,
			Covered: lo <= t.Observed && t.Observed <= hi,
			Values:  v, Counts: c,
		})
	}
	return s, nil
}

// round keeps 9 significant decimals, so means print the same on every
// platform and read well.
func round(x float64) float64 {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return 0
	}
	return math.Round(x*1e9) / 1e9
}

// Find returns the series with the given metric and scope, or nil.
func (s *Summary) Find(metric, scope string) *Series {
	for i := range s.Series {
		if s.Series[i].Metric == metric && s.Series[i].Scope == scope {
			return &s.Series[i]
		}
	}
	return nil
}

// Distribution returns the named pooled distribution, or nil.
func (s *Summary) Distribution(name string) *Distribution {
	for i := range s.Distributions {
		if s.Distributions[i].Name == name {
			return &s.Distributions[i]
		}
	}
	return nil
}

// MarshalIndent encodes s as indented JSON with a final newline.
func (s *Summary) MarshalIndent() ([]byte, error) {
	b, err := atomicfile.MarshalJSON(s)
	if err != nil {
		return nil, fmt.Errorf("report: %w", err)
	}
	return b, nil
}

// ReadSummary reads a summary.json file.
func ReadSummary(path string) (*Summary, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var s Summary
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&s); err != nil {
		return nil, fmt.Errorf("%w: %s: %v", ErrFormat, path, err)
	}
	for _, se := range s.Series {
		if len(se.P50) != len(s.Months) || len(se.P05) != len(s.Months) || len(se.P95) != len(s.Months) ||
			len(se.P25) != len(s.Months) || len(se.P75) != len(s.Months) || len(se.Mean) != len(s.Months) {
			return nil, fmt.Errorf("%w: %s: series %s/%s has not one value per month", ErrFormat, path, se.Metric, se.Scope)
		}
	}
	return &s, nil
}
