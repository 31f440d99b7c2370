package compare

import (
	"fmt"

	"github.com/insurgo/insurgo/internal/atomicfile"
	"github.com/insurgo/insurgo/sim"
)

// The JSON form of a Result (compare.json). Numbers that are undefined or
// infinite (a relative change from a zero mean, the pairing factor of an
// arm against itself, a mean of rebounds that never happened) are null.

type jsonDist struct {
	Name      string   `json:"name,omitempty"`
	N         int      `json:"n"`
	Undefined int      `json:"undefined,omitempty"`
	Infinite  int      `json:"infinite,omitempty"`
	Median    *float64 `json:"median"`
	P05       *float64 `json:"p05"`
	P95       *float64 `json:"p95"`
	Mean      *float64 `json:"mean"`
}

type jsonPaired struct {
	Against       string   `json:"against"`
	Diff          jsonDist `json:"difference"`
	Unpaired      jsonDist `json:"unpaired_difference"`
	Change        jsonDist `json:"change_per_replicate"`
	Rel           *float64 `json:"relative_change"`
	RelP05        *float64 `json:"relative_change_p05"`
	RelP95        *float64 `json:"relative_change_p95"`
	PBelow        float64  `json:"p_below"`
	VarPaired     float64  `json:"var_paired"`
	VarUnpaired   float64  `json:"var_unpaired"`
	PairingFactor *float64 `json:"pairing_factor"`
}

type jsonArm struct {
	Name       string      `json:"name"`
	Hash       string      `json:"scenario_hash,omitempty"`
	Value      jsonDist    `json:"value"`
	Versus     *jsonPaired `json:"versus,omitempty"`
	Signatures []jsonDist  `json:"signatures,omitempty"`
	Posterior  *float64    `json:"posterior,omitempty"`
	Accepted   *int        `json:"accepted,omitempty"`
	Distance   *jsonDist   `json:"distance,omitempty"`
	Values     []float64   `json:"values"`
	More       []jsonMore  `json:"more,omitempty"`
}

// jsonMore is a further statistic of an arm (Result.More).
type jsonMore struct {
	Window sim.Window  `json:"window"`
	Value  jsonDist    `json:"value"`
	Versus *jsonPaired `json:"versus,omitempty"`
	Values []float64   `json:"values"`
}

type jsonTarget struct {
	sim.Window
	Observed float64  `json:"observed"`
	Scale    *float64 `json:"scale"`
	Dropped  bool     `json:"dropped,omitempty"`
}

type jsonSens struct {
	Quantile  float64   `json:"quantile"`
	Posterior []float64 `json:"posterior"`
}

type jsonChoice struct {
	SyntheticFrom string       `json:"synthetic_from,omitempty"`
	Targets       []jsonTarget `json:"targets"`
	Ignored       []string     `json:"ignored,omitempty"`
	Checks        []string     `json:"checks,omitempty"`
	Quantile      float64      `json:"quantile"`
	Tolerance     float64      `json:"tolerance"`
	Sensitivity   []jsonSens   `json:"sensitivity"`
}

type jsonResult struct {
	Engine        string      `json:"engine_version,omitempty"`
	Posterior     string      `json:"posterior,omitempty"`
	PosteriorHash string      `json:"posterior_hash,omitempty"`
	Seed          uint64      `json:"seed"`
	Replicates    int         `json:"replicates"`
	Window        sim.Window  `json:"window"`
	Scenarios     []jsonArm   `json:"scenarios"`
	ModelChoice   *jsonChoice `json:"model_choice,omitempty"`
}

func toDist(name string, d Dist) jsonDist {
	return jsonDist{Name: name, N: d.N, Undefined: d.Undefined, Infinite: d.Infinite,
		Median: finite(d.Median), P05: finite(d.P05), P95: finite(d.P95), Mean: finite(d.Mean)}
}

// MarshalIndent encodes r as indented JSON with a final newline: the
// content of compare.json.
func (r *Result) MarshalIndent() ([]byte, error) {
	out := jsonResult{Engine: r.Engine, Posterior: r.Posterior, PosteriorHash: r.PosteriorHash, Seed: r.Seed, Replicates: r.Replicates, Window: r.Window}
	paired := func(p *Paired) *jsonPaired {
		if p == nil {
			return nil
		}
		return &jsonPaired{
			Against: r.Arms[0].Name, Diff: toDist("", p.Diff), Unpaired: toDist("", p.Unpaired), Change: toDist("", p.Change),
			Rel: finite(p.Rel), RelP05: finite(p.RelP05), RelP95: finite(p.RelP95),
			PBelow: p.PBelow, VarPaired: p.VarPaired, VarUnpaired: p.VarUnpaired, PairingFactor: finite(p.Factor),
		}
	}
	for k, a := range r.Arms {
		ja := jsonArm{Name: a.Name, Hash: a.Hash, Value: toDist("", a.Dist), Values: a.Values, Versus: paired(a.Versus)}
		for m, c := range a.More {
			ja.More = append(ja.More, jsonMore{Window: r.More[m], Value: toDist("", c.Dist), Versus: paired(c.Versus), Values: c.Values})
		}
		for s, d := range a.Signatures {
			ja.Signatures = append(ja.Signatures, toDist(r.Signatures[s], d))
		}
		if c := r.Choice; c != nil {
			ja.Posterior = finite(c.Posterior[k])
			acc := c.Accepted[k]
			ja.Accepted = &acc
			d := toDist("", c.Distance[k])
			ja.Distance = &d
		}
		out.Scenarios = append(out.Scenarios, ja)
	}
	if c := r.Choice; c != nil {
		jc := &jsonChoice{SyntheticFrom: r.SyntheticFrom, Ignored: r.Ignored, Checks: r.Checks, Quantile: c.Quantile, Tolerance: c.Tolerance}
		for j, t := range r.Targets {
			jt := jsonTarget{Window: t.Window, Observed: t.Observed, Scale: finite(c.Scale[j])}
			for _, d := range c.Dropped {
				jt.Dropped = jt.Dropped || d == j
			}
			jc.Targets = append(jc.Targets, jt)
		}
		for _, s := range c.Sensitivity {
			jc.Sensitivity = append(jc.Sensitivity, jsonSens(s))
		}
		out.ModelChoice = jc
	}
	b, err := atomicfile.MarshalJSON(out)
	if err != nil {
		return nil, fmt.Errorf("compare: %w", err)
	}
	return b, nil
}
