package isk

import (
	"bytes"
	"flag"
	"math"
	"os"
	"reflect"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite docs/scenario-keys.md from the declarations")

const keyReference = "../../docs/scenario-keys.md"

// The committed key reference is what the declarations generate; run
// `go generate ./model/isk` (or this test with -update) after changing one.
func TestKeyReference(t *testing.T) {
	var b bytes.Buffer
	if err := WriteKeyReference(&b); err != nil {
		t.Fatal(err)
	}
	if *update {
		if err := os.WriteFile(keyReference, b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	got, err := os.ReadFile(keyReference)
	if err != nil {
		t.Fatalf("%v (generate it: go generate ./model/isk)", err)
	}
	if !bytes.Equal(got, b.Bytes()) {
		t.Errorf("%s differs from what the declarations in params.go generate; run: go generate ./model/isk", keyReference)
	}
}

// Every field of Params's tables and array elements is declared: a key,
// a help line, a well-formed range and bound; every default is valid.
func TestSettingsDeclared(t *testing.T) {
	ss := Settings() // panics on a malformed tag
	keys := map[string]bool{}
	for _, s := range ss {
		if keys[s.Key] {
			t.Errorf("%s declared twice", s.Key)
		}
		keys[s.Key] = true
		if s.HasRange && s.Default != "" {
			var p Params
			applyDefaults(&p)
			f := reflect.ValueOf(&p).Elem().FieldByIndex(s.index)
			v := f.Convert(reflect.TypeFor[float64]()).Float()
			if !s.Range.Contains(v) {
				t.Errorf("%s: default %s outside its range %s", s.Key, s.Default, s.Range)
			}
		}
	}
	for _, k := range []string{"posture.choice", "raids.per_month", "region.grievance", "raid_phase.from", "attack_type.max_deaths"} {
		if !keys[k] {
			t.Errorf("%s not declared", k)
		}
	}
	if d := Default(); len(d.Validate()) != 3 {
		got := d.Validate()
		t.Errorf("Default() has problems beyond its empty arrays: %v", got)
	}
}

func TestRange(t *testing.T) {
	tests := []struct {
		key    string
		ok     bool
		lo, hi float64
		str    string
		intg   bool
	}{
		{"raids.quality", true, 0, 1, "[0, 1]", false},
		{"posture.tempo", true, 0, 1, "(0, 1]", false},
		{"attacks.excitation", true, 0, 1, "[0, 1)", false},
		{"raids.per_month", true, 0, MaxRaidsPerMonth, "[0, 10000]", false},
		{"region.Kabul.grievance", true, 0, 1, "[0, 1]", false},
		{"region.Kabul.cells", true, 0, MaxCellsPerRegion, "[0, 10000]", true},
		{"attacks.loss", true, 0, math.Inf(1), ">= 0", false},
		{"isk.stock_months", true, 0, math.Inf(1), "> 0", false},
		{"region.Kabul.name", false, 0, 0, "", false},
		{"raids.per_mnth", false, 0, 0, "", false},
	}
	for _, tt := range tests {
		iv, ok := Range(tt.key)
		if ok != tt.ok {
			t.Errorf("Range(%q) ok = %v, want %v", tt.key, ok, tt.ok)
			continue
		}
		if !ok {
			continue
		}
		if iv.Lo != tt.lo || iv.Hi != tt.hi || iv.String() != tt.str || iv.Integer != tt.intg {
			t.Errorf("Range(%q) = %+v (%s), want [%g, %g] %s integer %v", tt.key, iv, iv, tt.lo, tt.hi, tt.str, tt.intg)
		}
	}
	iv, _ := Range("isk.skill")
	for v, want := range map[float64]bool{0: false, 0.5: true, 1: true, 1.01: false, math.NaN(): false} {
		if iv.Contains(v) != want {
			t.Errorf("(0, 1].Contains(%g) = %v", v, !want)
		}
	}
	if iv, _ := Range("isk.split_size"); iv.Contains(2.5) || !iv.Contains(2) {
		t.Error("an integer range takes whole numbers only")
	}
}

// A value over its bound gets the bound's message, naming what it caps.
func TestBoundMessage(t *testing.T) {
	p := Default()
	p.Attacks.Rate = 1e308
	for _, pr := range p.Validate() {
		if pr.Table == "attacks" && pr.Key == "rate" {
			if !strings.Contains(pr.Msg, "must be <= 100 (an upper bound on what scales work or memory)") {
				t.Errorf("attacks.rate: %s", pr.Msg)
			}
			return
		}
	}
	t.Error("attacks.rate = 1e308 not reported")
}
