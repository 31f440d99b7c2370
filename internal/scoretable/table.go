package scoretable

import (
	"fmt"
	"math"
	"math/rand/v2"

	"github.com/insurgo/insurgo/internal/report"
	"github.com/insurgo/insurgo/internal/score"
	"github.com/insurgo/insurgo/sim"
)

// Dist is the model's distribution of one target's statistic: distinct
// values and how many replicates (or posterior-predictive draws) took
// each, as sim.Histogram.Values gives them.
type Dist struct {
	Values []float64
	Counts []int64
}

// Score is one predictive's score of an observed figure.
type Score struct {
	Mean float64 `json:"mean"` // the predictive's mean
	CRPS float64 `json:"crps"`
	// Rel is CRPS divided by the observed figure (unit-free; NaN-free:
	// 0 when the figure is 0).
	Rel float64 `json:"crps_rel"`
	// PIT is the (randomised, for a discrete predictive) probability
	// integral transform of the observed figure.
	PIT float64 `json:"pit"`
}

// Row is one target's scores.
type Row struct {
	Name     string  `json:"name"`
	Kind     string  `json:"kind"`
	Observed float64 `json:"observed"`
	ObsSD    float64 `json:"obs_sd"`
	// Count: the baselines model this target (a count target of the
	// streams' metric); the mean scores are over these rows.
	Count  bool   `json:"count"`
	Model  Score  `json:"model"`
	NegBin *Score `json:"negbin,omitempty"`
	Regime *Score `json:"regime,omitempty"`
}

// Table is the score table of a scenario's targets.
type Table struct {
	Rows []Row `json:"rows"`
	// MeanRel are the mean CRPS/observed over the count targets (N of
	// them) of the model and the two baselines.
	MeanRel struct {
		N      int     `json:"n"`
		Model  float64 `json:"model"`
		NegBin float64 `json:"negbin"`
		Regime float64 `json:"regime"`
	} `json:"mean_crps_rel_counts"`
	// InSample are the baselines' mean CRPS/observed over the same count
	// targets when fitted to all of them (the scored one included): what
	// leaving the target out costs them.
	InSample struct {
		NegBin float64 `json:"negbin"`
		Regime float64 `json:"regime"`
	} `json:"in_sample_mean_crps_rel_counts"`
}

// Build scores every target and check of targets (checks are scored by
// the model for information only and never by the baselines). model[i]
// is the model's distribution of target i's statistic. The baselines are
// fitted to the count targets other than the one scored (leave one
// target out) on calendar cal. seed draws the uniforms of the randomised
// PIT, one named stream per target.
func Build(targets []report.Observed, model []Dist, cal *sim.Calendar, st *Streams, seed uint64) (*Table, error) {
	if len(model) != len(targets) {
		return nil, fmt.Errorf("scores: %d model distributions for %d targets", len(model), len(targets))
	}
	tb := &Table{}
	var count []int // indices of the count targets
	for i, t := range targets {
		if st != nil && st.eligible(t) {
			count = append(count, i)
		}
	}
	for i, t := range targets {
		row := Row{Name: t.Window.Name, Kind: t.Kind, Observed: t.Observed, ObsSD: t.ObsSD}
		if row.Kind == "" {
			row.Kind = report.KindTarget
		}
		u := rand.New(rand.NewPCG(sim.StreamSeed(seed, i, "pit:"+t.Window.Name))).Float64()
		p, err := score.FromCounts(model[i].Values, model[i].Counts, t.ObsSD)
		if err != nil {
			return nil, fmt.Errorf("scores: target %s: %w", t.Window.Name, err)
		}
		row.Model = scoreOf(p, t.Observed, u)
		for _, j := range count {
			if j == i {
				row.Count = true
			}
		}
		if row.Count {
			var train []report.Observed
			for _, j := range count {
				if j != i {
					train = append(train, targets[j])
				}
			}
			for _, regimes := range []bool{false, true} {
				s, err := baselineScore(st, train, t, cal, regimes, u)
				if err != nil {
					return nil, fmt.Errorf("scores: target %s: %w", t.Window.Name, err)
				}
				if regimes {
					row.Regime = s
				} else {
					row.NegBin = s
				}
			}
			for _, regimes := range []bool{false, true} {
				var all []report.Observed
				for _, j := range count {
					all = append(all, targets[j])
				}
				s, err := baselineScore(st, all, t, cal, regimes, u)
				if err != nil {
					return nil, fmt.Errorf("scores: target %s: %w", t.Window.Name, err)
				}
				if regimes {
					tb.InSample.Regime += s.Rel
				} else {
					tb.InSample.NegBin += s.Rel
				}
			}
			tb.MeanRel.N++
			tb.MeanRel.Model += row.Model.Rel
			tb.MeanRel.NegBin += row.NegBin.Rel
			tb.MeanRel.Regime += row.Regime.Rel
		}
		tb.Rows = append(tb.Rows, row)
	}
	if n := float64(tb.MeanRel.N); n > 0 {
		tb.MeanRel.Model /= n
		tb.MeanRel.NegBin /= n
		tb.MeanRel.Regime /= n
		tb.InSample.NegBin /= n
		tb.InSample.Regime /= n
	}
	return tb, nil
}

// baselineScore fits one baseline (regimes: the regime Poisson, else the
// constant-rate negative binomial) to train and scores t.
func baselineScore(st *Streams, train []report.Observed, t report.Observed, cal *sim.Calendar, regimes bool, u float64) (*Score, error) {
	var figs []score.Figure
	for _, x := range train {
		f, err := st.figure(x, cal, regimes)
		if err != nil {
			return nil, err
		}
		figs = append(figs, f)
	}
	d := st.design(regimes)
	var fit *score.Fit
	var err error
	if regimes {
		fit, err = score.FitPoisson(d, figs)
	} else {
		fit, err = score.FitNegBin(d, figs)
	}
	if err != nil {
		return nil, err
	}
	f, err := st.figure(t, cal, regimes)
	if err != nil {
		return nil, err
	}
	p, err := fit.Predictive(f)
	if err != nil {
		return nil, err
	}
	s := scoreOf(p, t.Observed, u)
	return &s, nil
}

func scoreOf(p *score.Predictive, y, u float64) Score {
	s := Score{Mean: round(p.Mean()), CRPS: round(p.CRPS(y)), PIT: round(p.PIT(y, u))}
	if y != 0 {
		s.Rel = round(s.CRPS / math.Abs(y))
	}
	return s
}

// round keeps 9 decimals so the table prints alike everywhere.
func round(x float64) float64 {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return 0
	}
	return math.Round(x*1e9) / 1e9
}
