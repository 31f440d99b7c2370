package report

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/insurgo/insurgo/sim"
)

// counter records one event a day in region a and, on odd days, in b.
type counter struct {
	rec  *sim.Recorder
	a, b sim.Series
}

func (c *counter) Step(d sim.Day) {
	c.rec.Add(c.a, d.Month, 1)
	if d.Index%2 == 1 {
		c.rec.Add(c.b, d.Month, 1)
	}
	c.rec.Observe("size", int64(d.Index%3))
}

func build(t *testing.T) *Summary {
	t.Helper()
	cal, err := sim.NewCalendar(time.Date(2022, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2022, 3, 31, 0, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	from, _ := sim.ParseMonth("2022-01")
	to, _ := sim.ParseMonth("2022-02")
	w := sim.Window{Name: "jan-feb", Metric: "events", Scope: "region:a", From: from, To: to, Statistic: sim.Sum}
	f := func(r sim.Replicate) (sim.Model, error) {
		return &counter{rec: r.Recorder, a: r.Recorder.Series("events", "region:a"), b: r.Recorder.Series("events", "region:b")}, nil
	}
	agg, err := sim.Batch{Calendar: cal, Seed: 1, Count: 5, Windows: []sim.Window{w}}.Run(context.Background(), f)
	if err != nil {
		t.Fatal(err)
	}
	s, err := Build(agg, &cal, []Observed{{Window: w, Observed: 59}})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestBuildAndReadBack(t *testing.T) {
	s := build(t)
	// January has 31 days, 15 of them odd-indexed after day 0; Jan+Feb = 59 days.
	a := s.Find("events", "region:a")
	b := s.Find("events", "region:b")
	if a == nil || b == nil || a.P50[0] != 31 || b.P50[0] != 15 || a.Mean[1] != 28 {
		t.Fatalf("series wrong: a %+v b %+v", a, b)
	}
	if len(s.Targets) != 1 || s.Targets[0].P50 != 59 || !s.Targets[0].Covered {
		t.Errorf("target %+v, want median 59, covered", s.Targets)
	}
	if d := s.Distribution("size"); d == nil || len(d.Values) != 3 {
		t.Errorf("distribution %+v, want values 0, 1, 2", d)
	}
	js, err := s.MarshalIndent()
	if err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(t.TempDir(), "summary.json")
	os.WriteFile(p, js, 0o644)
	back, err := ReadSummary(p)
	if err != nil {
		t.Fatal(err)
	}
	js2, _ := back.MarshalIndent()
	if !bytes.Equal(js, js2) {
		t.Error("summary does not survive a write and read")
	}
	var csv bytes.Buffer
	if err := WriteMonthlyCSV(&csv, s); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(csv.String()), "\n")
	if lines[0] != strings.Join(MonthlyHeader, ",") || len(lines) != 1+2*3 || lines[1] != "2022-01,events,region:a,31,31,31,31,31,31" {
		t.Errorf("monthly.csv:\n%s", csv.String())
	}
}

func TestReadSummaryRejectsMalformed(t *testing.T) {
	dir := t.TempDir()
	for name, body := range map[string]string{
		"not-json":     "{",
		"unknown":      `{"scenario": "x", "colour": 1}`,
		"short-series": `{"months": ["2022-01", "2022-02"], "series": [{"metric": "a", "scope": "total", "p05": [1], "p25": [1], "p50": [1], "p75": [1], "p95": [1], "mean": [1]}]}`,
	} {
		p := filepath.Join(dir, name+".json")
		os.WriteFile(p, []byte(body), 0o644)
		if _, err := ReadSummary(p); !errors.Is(err, ErrFormat) {
			t.Errorf("%s: got %v, want ErrFormat", name, err)
		}
	}
	if _, err := ReadSummary(filepath.Join(dir, "missing.json")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("missing file: %v", err)
	}
}
