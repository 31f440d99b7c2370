package main

import (
	"context"
	"encoding/csv"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/parquet-go/parquet-go"
)

// eventRow is a row of events.parquet.
type eventRow struct {
	Replicate  int64  `parquet:"replicate"`
	Date       string `parquet:"date"`
	Kind       string `parquet:"kind"`
	Type       string `parquet:"type"`
	Region     string `parquet:"region"`
	Casualties *int64 `parquet:"casualties,optional"`
	Deaths     *int64 `parquet:"deaths,optional"`
	Wounded    *int64 `parquet:"wounded,optional"`
	Suicide    *int64 `parquet:"suicide,optional"`
	Claimed    *int64 `parquet:"claimed,optional"`
	Killed     *int64 `parquet:"killed,optional"`
	Hit        *int64 `parquet:"hit,optional"`
	Fighters   *int64 `parquet:"fighters,optional"`
}

// replicateRow is a row of replicates.parquet.
type replicateRow struct {
	Replicate int64  `parquet:"replicate"`
	Month     string `parquet:"month"`
	Metric    string `parquet:"metric"`
	Scope     string `parquet:"scope"`
	Value     int64  `parquet:"value"`
}

func readCSV(t *testing.T, path string) [][]string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	return rows
}

// events.csv has one meaning per column: each kind fills its own columns
// and leaves the others empty; the claimed attacks and the casualties of
// each replicate add up to the recorded claimed and casualties metrics;
// the Parquet files hold the same rows as the CSV files.
func TestEventsColumnsAndParquet(t *testing.T) {
	out := filepath.Join(t.TempDir(), "out")
	if code, _, stderr := insurgo(t, context.Background(), "run", "-replicates", "3", "-seed", "5", "-per-replicate", "-no-plots", "-out", out); code != exitOK {
		t.Fatalf("run: %s", stderr)
	}
	ev := readCSV(t, filepath.Join(out, "events.csv"))
	head := ev[0]
	col := map[string]int{}
	for i, h := range head {
		col[h] = i
	}
	own := map[string][]string{
		"attack":        {"casualties", "deaths", "wounded", "suicide", "claimed"},
		"raid":          {"killed", "hit"},
		"move":          {"fighters"},
		"leader_killed": {},
	}
	fields := []string{"casualties", "deaths", "wounded", "suicide", "claimed", "killed", "hit", "fighters"}
	claimed := map[string]int64{}
	casualties := map[string]int64{}
	attacks := map[string]int64{}
	kinds := map[string]int{}
	for _, r := range ev[1:] {
		kind := r[col["kind"]]
		kinds[kind]++
		mine, ok := own[kind]
		if !ok {
			t.Fatalf("unknown event kind %q", kind)
		}
		for _, f := range fields {
			filled := r[col[f]] != ""
			want := false
			for _, m := range mine {
				want = want || m == f
			}
			if filled != want {
				t.Fatalf("%s event: column %s filled=%v, want %v: %v", kind, f, filled, want, r)
			}
		}
		if kind == "attack" {
			rep := r[col["replicate"]]
			attacks[rep]++
			c, _ := strconv.ParseInt(r[col["claimed"]], 10, 64)
			if c != 0 && c != 1 {
				t.Fatalf("claimed %d, want 0 or 1", c)
			}
			claimed[rep] += c
			v, _ := strconv.ParseInt(r[col["casualties"]], 10, 64)
			casualties[rep] += v
		}
	}
	for _, k := range []string{"attack", "raid", "move"} {
		if kinds[k] == 0 {
			t.Errorf("no %s event in 3 replicates", k)
		}
	}
	metric := map[string]map[string]int64{"claimed": {}, "casualties": {}, "attacks": {}}
	reps := readCSV(t, filepath.Join(out, "replicates.csv"))
	for _, r := range reps[1:] {
		if m, ok := metric[r[2]]; ok && r[3] == "total" {
			v, _ := strconv.ParseInt(r[4], 10, 64)
			m[r[0]] += v
		}
	}
	for _, rep := range []string{"0", "1", "2"} {
		if attacks[rep] != metric["attacks"][rep] || claimed[rep] != metric["claimed"][rep] || casualties[rep] != metric["casualties"][rep] {
			t.Errorf("replicate %s: events give %d attacks, %d claimed, %d casualties; the metrics %d, %d, %d",
				rep, attacks[rep], claimed[rep], casualties[rep], metric["attacks"][rep], metric["claimed"][rep], metric["casualties"][rep])
		}
		if claimed[rep] == 0 || claimed[rep] == attacks[rep] {
			t.Errorf("replicate %s: %d of %d attacks claimed; want some but not all", rep, claimed[rep], attacks[rep])
		}
	}

	pe, err := parquet.ReadFile[eventRow](filepath.Join(out, "events.parquet"))
	if err != nil {
		t.Fatal(err)
	}
	if len(pe) != len(ev)-1 {
		t.Fatalf("events.parquet has %d rows, events.csv %d", len(pe), len(ev)-1)
	}
	cell := func(p *int64) string {
		if p == nil {
			return ""
		}
		return strconv.FormatInt(*p, 10)
	}
	for i, p := range pe {
		got := []string{strconv.FormatInt(p.Replicate, 10), p.Date, p.Kind, p.Type, p.Region,
			cell(p.Casualties), cell(p.Deaths), cell(p.Wounded), cell(p.Suicide), cell(p.Claimed), cell(p.Killed), cell(p.Hit), cell(p.Fighters)}
		for j := range got {
			if got[j] != ev[i+1][j] {
				t.Fatalf("events row %d: parquet %v, csv %v", i, got, ev[i+1])
			}
		}
	}
	pr, err := parquet.ReadFile[replicateRow](filepath.Join(out, "replicates.parquet"))
	if err != nil {
		t.Fatal(err)
	}
	if len(pr) != len(reps)-1 {
		t.Fatalf("replicates.parquet has %d rows, replicates.csv %d", len(pr), len(reps)-1)
	}
	for i, p := range pr {
		r := reps[i+1]
		if strconv.FormatInt(p.Replicate, 10) != r[0] || p.Month != r[1] || p.Metric != r[2] || p.Scope != r[3] || strconv.FormatInt(p.Value, 10) != r[4] {
			t.Fatalf("replicates row %d: parquet %+v, csv %v", i, p, r)
		}
	}
	// The same bytes with one worker.
	one := filepath.Join(t.TempDir(), "one")
	if code, _, stderr := insurgo(t, context.Background(), "run", "-replicates", "3", "-seed", "5", "-per-replicate", "-no-plots", "-workers", "1", "-out", one); code != exitOK {
		t.Fatalf("run: %s", stderr)
	}
	for _, f := range []string{"events.parquet", "replicates.parquet", "events.csv"} {
		a, _ := os.ReadFile(filepath.Join(out, f))
		b, _ := os.ReadFile(filepath.Join(one, f))
		if string(a) != string(b) {
			t.Errorf("%s differs between 1 worker and the default", f)
		}
	}
}
