package sweeprun

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/insurgo/insurgo/sim"
)

// toy is a small stochastic model for testing the sweep machinery: each
// day an attack happens with probability rate/30, with casualties
// uniform in [0, 2*size); "inert" changes nothing.
type toy struct {
	rate, size, inert float64
	delay             time.Duration
}

type toyWorld struct {
	toy
	r           sim.Replicate
	att, cas    sim.Series
	attN, casN  int64
	lastMonth   int
	fightersSer sim.Series
}

func (w *toyWorld) Step(d sim.Day) {
	rng := w.r.Streams.Get("attacks")
	if rng.Float64() < w.rate/30 {
		w.r.Recorder.Add(w.att, d.Month, 1)
		w.r.Recorder.Add(w.cas, d.Month, int64(rng.Float64()*2*w.size))
	}
	if d.MonthEnd {
		w.r.Recorder.Set(w.fightersSer, d.Month, int64(100*w.size))
	}
	if w.delay > 0 && d.MonthEnd {
		time.Sleep(w.delay)
	}
}

// toyModel implements Model.
type toyModel struct{ delay time.Duration }

func (toyModel) Hash() string { return "toy-model-v1" }

func (toyModel) Calendar() (sim.Calendar, error) {
	return sim.NewCalendar(time.Date(2022, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2022, 12, 31, 0, 0, 0, 0, time.UTC))
}

func (m toyModel) Factory(keys []string, vals []float64, integer []bool) (sim.Factory, error) {
	t := toy{rate: 3, size: 5, delay: m.delay}
	for i, k := range keys {
		if err := m.CheckKey(k, vals[i], integer[i]); err != nil {
			return nil, err
		}
		switch k {
		case "attacks.rate":
			t.rate = vals[i]
		case "attacks.size":
			t.size = vals[i]
		case "inert":
			t.inert = vals[i]
		}
	}
	return func(r sim.Replicate) (sim.Model, error) {
		w := &toyWorld{toy: t, r: r}
		w.att = r.Recorder.Series("attacks", "total")
		w.cas = r.Recorder.Series("casualties", "total")
		w.fightersSer = r.Recorder.Series("fighters", "total")
		return w, nil
	}, nil
}

func (toyModel) CheckKey(key string, v float64, integer bool) error {
	switch key {
	case "attacks.rate", "attacks.size", "inert":
		if v < 0 {
			return fmt.Errorf("must be >= 0, got %v", v)
		}
		return nil
	}
	return fmt.Errorf("unknown key %q", key)
}

func (toyModel) CheckOutput(w sim.Window) error {
	switch w.Metric {
	case "attacks", "casualties", "fighters":
	default:
		return fmt.Errorf("unknown metric %q", w.Metric)
	}
	if w.Scope != "total" || (w.Of != "" && w.Of != "total") {
		return fmt.Errorf("unknown scope %q", w.Scope)
	}
	return nil
}

func toyLoader(delay time.Duration) Loader {
	return func(base string) (Model, error) {
		if base != "toy" {
			return nil, fmt.Errorf("no base %q", base)
		}
		return toyModel{delay: delay}, nil
	}
}

const toySweep = `
[sweep]
name = "toy"
extends = "toy"
design = "%s"
size = %d
replicates = %d
seed = 7

[[sweep.param]]
key = "attacks.rate"
range = [1.0, 10.0]

[[sweep.param]]
key = "attacks.size"
range = [1.0, 20.0]
dist = "loguniform"

[[sweep.param]]
key = "inert"
range = [0.0, 1.0]

[[sweep.output]]
name = "attacks_2022"
metric = "attacks"
scope = "total"
from = "2022-01"
to = "2022-12"
statistic = "sum"

[[sweep.output]]
name = "casualties_pm"
metric = "casualties"
from = "2022-01"
to = "2022-12"
statistic = "mean_per_month"
`

func toyConfig(t testing.TB, design string, size, reps int) *Config {
	t.Helper()
	c, err := ParseConfig("toy.toml", fmt.Appendf(nil, toySweep, design, size, reps))
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// planToy plans the toy sweep into a fresh directory.
func planToy(t testing.TB, c *Config, shards int) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "sweep")
	if _, err := Plan(c, toyLoader(0), PlanOptions{Dir: dir, Shards: shards, Engine: "test"}); err != nil {
		t.Fatal(err)
	}
	return dir
}

func readFile(t testing.TB, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
