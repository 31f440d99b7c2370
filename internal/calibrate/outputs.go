package calibrate

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"io"
	"math"
	"path/filepath"
	"strconv"

	"github.com/insurgo/insurgo/internal/atomicfile"
	"github.com/insurgo/insurgo/sim/abc"
)

// Summary is summary.json: the posterior in numbers. It is a function of
// the calibration file and its seed alone (no times, no hosts).
type Summary struct {
	Name          string `json:"name"`
	Description   string `json:"description"`
	File          string `json:"file"`      // the calibration file's base name
	FileHash      string `json:"file_hash"` // SHA-256 of its bytes
	EngineVersion string `json:"engine_version"`
	Seed          uint64 `json:"seed"`
	Population    int    `json:"population"`
	Generations   int    `json:"generations"`
	Simulations   int    `json:"simulations"`
	// Stop says why the calibration stopped.
	Stop string `json:"stop"`
	// Epsilon is the final generation's tolerance: every particle lies
	// within this distance of the observed figures.
	Epsilon float64 `json:"epsilon"`
	ESS     float64 `json:"ess"`
	// PosteriorHash is the SHA-256 of posterior.csv, which run and compare
	// record when they draw from this posterior.
	PosteriorHash string          `json:"posterior_hash"`
	Models        []ModelSummary  `json:"models"`
	Params        []ParamSummary  `json:"params"`
	Targets       []TargetSummary `json:"targets"`
}

// ModelSummary is one competing model's outcome.
type ModelSummary struct {
	Name         string  `json:"name"`
	Extends      string  `json:"extends"`
	ScenarioHash string  `json:"scenario_hash"`
	Prior        float64 `json:"prior"`       // normalised prior probability
	Probability  float64 `json:"probability"` // posterior probability
}

// ParamSummary is one parameter's posterior marginal (over the particles
// of the models it belongs to, weighted).
type ParamSummary struct {
	Key     string   `json:"key"`
	Prior   string   `json:"prior"`
	Integer bool     `json:"integer,omitempty"`
	Models  []string `json:"models,omitempty"`
	Mean    float64  `json:"mean"`
	SD      float64  `json:"sd"`
	Median  float64  `json:"median"`
	P05     float64  `json:"p05"`
	P95     float64  `json:"p95"`
}

// TargetSummary is one target in the final particles' own simulations,
// weighted. Each was accepted within epsilon of the data, so this is
// narrower than the posterior predictive of fresh simulations (a run
// drawing from the posterior).
type TargetSummary struct {
	Name     string  `json:"name"`
	Observed float64 `json:"observed"`
	Mean     float64 `json:"mean"`
	Median   float64 `json:"median"`
	P05      float64 `json:"p05"`
	P95      float64 `json:"p95"`
	Covered  bool    `json:"covered"` // p05 <= observed <= p95
}

// table is the final population as rows: the column names and, per
// particle, the model name, every parameter (NaN where the particle's
// model lacks it), weight, distance and each target's simulated value.
type table struct {
	params, targets []string
	rows            []tableRow
}

type tableRow struct {
	model    string
	theta    []float64 // per Config.Params
	weight   float64
	distance float64
	stats    []float64
}

// targetColumn names a target's simulated value in the posterior table.
func targetColumn(name string) string { return "sim." + name }

// posteriorTable lays out generation g of p.
func posteriorTable(p *Problem, g abc.Generation) *table {
	t := &table{}
	for _, ps := range p.Config.Params {
		t.params = append(t.params, ps.Key)
	}
	for _, tg := range p.Targets {
		t.targets = append(t.targets, tg.Name)
	}
	for _, pt := range g.Particles {
		r := tableRow{model: p.Config.Models[pt.Model].Name, weight: pt.Weight, distance: pt.Distance, stats: pt.Stats}
		r.theta = make([]float64, len(t.params))
		for i := range r.theta {
			r.theta[i] = math.NaN()
		}
		for j, i := range p.ModelParams[pt.Model] {
			r.theta[i] = pt.Theta[j]
		}
		t.rows = append(t.rows, r)
	}
	return t
}

func ftoa(x float64) string {
	if math.IsNaN(x) {
		return ""
	}
	return strconv.FormatFloat(x, 'g', -1, 64)
}

// writeCSV writes t as posterior.csv.
func (t *table) writeCSV(w io.Writer) error {
	cw := csv.NewWriter(w)
	head := append([]string{"model"}, t.params...)
	head = append(head, "weight", "distance")
	for _, n := range t.targets {
		head = append(head, targetColumn(n))
	}
	if err := cw.Write(head); err != nil {
		return err
	}
	rec := make([]string, 0, len(head))
	for _, r := range t.rows {
		rec = append(rec[:0], r.model)
		for _, x := range r.theta {
			rec = append(rec, ftoa(x))
		}
		rec = append(rec, ftoa(r.weight), ftoa(r.distance))
		for _, x := range r.stats {
			rec = append(rec, ftoa(x))
		}
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// writeGenerationsCSV writes generations.csv: one row per generation.
func writeGenerationsCSV(w io.Writer, p *Problem, gens []abc.Generation) error {
	cw := csv.NewWriter(w)
	head := []string{"generation", "epsilon", "acceptance_rate", "ess", "simulations"}
	multi := len(p.Config.Models) > 1
	if multi {
		for _, m := range p.Config.Models {
			head = append(head, "p."+m.Name)
		}
	}
	if err := cw.Write(head); err != nil {
		return err
	}
	for _, g := range gens {
		rec := []string{strconv.Itoa(g.Index), ftoa(g.Epsilon), ftoa(g.AcceptanceRate), ftoa(g.ESS), strconv.Itoa(g.Simulations)}
		if multi {
			for _, x := range g.ModelProbs {
				rec = append(rec, ftoa(x))
			}
		}
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// weighted returns the weighted mean, s.d., median, 5th and 95th
// percentiles of x.
func weighted(x, w []float64) (mean, sd, med, p05, p95 float64) {
	var sw, s1 float64
	for i := range x {
		sw += w[i]
		s1 += w[i] * x[i]
	}
	if sw <= 0 {
		nan := math.NaN()
		return nan, nan, nan, nan, nan
	}
	mean = s1 / sw
	var v float64
	for i := range x {
		d := x[i] - mean
		v += w[i] * d * d
	}
	sd = math.Sqrt(v / sw)
	return mean, sd, abc.WeightedQuantile(x, w, 0.5), abc.WeightedQuantile(x, w, 0.05), abc.WeightedQuantile(x, w, 0.95)
}

// summarize builds summary.json's content.
func summarize(p *Problem, res *abc.Result, posteriorHash string, version string) *Summary {
	c := p.Config
	g := res.Final()
	s := &Summary{Name: c.Name, Description: c.Description, File: filepath.Base(c.Source), FileHash: hashBytes(c.Raw),
		EngineVersion: version, Seed: c.Seed, Population: c.Population, Generations: len(res.Generations),
		Simulations: res.Simulations(), Stop: res.Stop, Epsilon: g.Epsilon, ESS: g.ESS, PosteriorHash: posteriorHash}
	var tot float64
	for _, m := range c.Models {
		tot += m.Prior
	}
	for i, m := range c.Models {
		ms := ModelSummary{Name: m.Name, Extends: m.Extends, ScenarioHash: p.Bases[i].Hash, Prior: m.Prior / tot}
		if i < len(g.ModelProbs) {
			ms.Probability = g.ModelProbs[i]
		}
		s.Models = append(s.Models, ms)
	}
	t := posteriorTable(p, g)
	for i, ps := range c.Params {
		var x, w []float64
		for _, r := range t.rows {
			if !math.IsNaN(r.theta[i]) {
				x, w = append(x, r.theta[i]), append(w, r.weight)
			}
		}
		q := ParamSummary{Key: ps.Key, Prior: ps.Prior.String(), Integer: ps.Integer, Models: ps.Models}
		if len(x) > 0 {
			q.Mean, q.SD, q.Median, q.P05, q.P95 = weighted(x, w)
		}
		s.Params = append(s.Params, q)
	}
	for j, tg := range p.Targets {
		x := make([]float64, len(t.rows))
		w := make([]float64, len(t.rows))
		for i, r := range t.rows {
			x[i], w[i] = r.stats[j], r.weight
		}
		ts := TargetSummary{Name: tg.Name, Observed: tg.Observed}
		ts.Mean, _, ts.Median, ts.P05, ts.P95 = weighted(x, w)
		ts.Covered = ts.P05 <= tg.Observed && tg.Observed <= ts.P95
		s.Targets = append(s.Targets, ts)
	}
	return s
}

// writeOutputs writes the final files of a finished calibration.
func writeOutputs(dir string, p *Problem, res *abc.Result, o Options) (*Summary, error) {
	if len(res.Generations) == 0 {
		return nil, fmt.Errorf("calibrate: no generation completed")
	}
	if err := atomicfile.Write(filepath.Join(dir, FileGenerations), func(w io.Writer) error {
		return writeGenerationsCSV(w, p, res.Generations)
	}); err != nil {
		return nil, err
	}
	t := posteriorTable(p, res.Final())
	var buf bytes.Buffer
	if err := t.writeCSV(&buf); err != nil {
		return nil, err
	}
	if err := atomicfile.WriteBytes(filepath.Join(dir, FilePosterior), buf.Bytes()); err != nil {
		return nil, err
	}
	if err := atomicfile.Write(filepath.Join(dir, FileParquet), func(w io.Writer) error {
		return t.writeParquet(w, o.Version)
	}); err != nil {
		return nil, err
	}
	s := summarize(p, res, hashBytes(buf.Bytes()), o.Version)
	if err := atomicfile.WriteJSON(filepath.Join(dir, FileSummary), s); err != nil {
		return nil, err
	}
	if o.Figures {
		if err := drawFigures(filepath.Join(dir, DirPlots), p, res, s, o.Format); err != nil {
			return nil, err
		}
	}
	return s, nil
}
