package scenarios

import (
	"errors"
	"strings"
	"testing"
)

func TestWith(t *testing.T) {
	s, err := Load("historical")
	if err != nil {
		t.Fatal(err)
	}
	orig := s.Params.Raids
	w, err := s.With(map[string]any{
		"raids.quality":                0.9,
		"region.Nangarhar.grievance":   float32(0.25),
		"isk.split_size":               100,
		"target.attacks-2022.observed": 200,
	})
	if err != nil {
		t.Fatal(err)
	}
	if w.Params.Raids.Quality != 0.9 || w.Params.ISK.SplitSize != 100 {
		t.Errorf("With: raids.quality %v, isk.split_size %v", w.Params.Raids.Quality, w.Params.ISK.SplitSize)
	}
	for _, r := range w.Params.Regions {
		if r.Name == "Nangarhar" && r.Grievance != 0.25 {
			t.Errorf("Nangarhar grievance = %v, want 0.25", r.Grievance)
		}
	}
	for _, tg := range w.Targets {
		if tg.Name == "attacks-2022" && tg.Observed != 200 {
			t.Errorf("target attacks-2022 observed %v, want 200", tg.Observed)
		}
	}
	if s.Params.Raids != orig {
		t.Error("With changed the original scenario")
	}
	if w.Hash == s.Hash || w.Name != s.Name || w.Source != s.Source {
		t.Errorf("With: hash %s (original %s), name %q, source %q", w.Hash, s.Hash, w.Name, w.Source)
	}
	// Overriding with the values already there changes nothing.
	same, err := s.With(map[string]any{"raids.quality": s.Params.Raids.Quality})
	if err != nil {
		t.Fatal(err)
	}
	if same.Hash != s.Hash {
		t.Error("With of unchanged values changed the hash")
	}
	// With composes.
	ww, err := w.With(map[string]any{"raids.quality": 0.8})
	if err != nil {
		t.Fatal(err)
	}
	if ww.Params.Raids.Quality != 0.8 || ww.Params.ISK.SplitSize != 100 {
		t.Errorf("With of With lost the first overrides")
	}
}

func TestWithErrors(t *testing.T) {
	s, err := Load("historical")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		overrides map[string]any
		sentinel  error
		key       string
		contains  string
	}{
		{map[string]any{"raids.quality": 1.5}, ErrRange, "raids.quality", "must be in [0, 1], got 1.5"},
		{map[string]any{"raids.qualty": 0.5}, ErrUnknownKey, "raids.qualty", `did you mean "quality"?`},
		{map[string]any{"raids.quality": "high"}, ErrType, "raids.quality", `want a number, got string "high"`},
		{map[string]any{"region.Atlantis.grievance": 0.5}, ErrUnknownKey, "region.Atlantis.grievance", `no [[region]] named "Atlantis"`},
		{map[string]any{"raids.per_month.x": 1}, ErrType, "raids.per_month.x", "not a table"},
		{map[string]any{"region.Kabul": 1}, ErrType, "region.Kabul", "override one of its keys"},
		{map[string]any{"isk.split_size": 2.5}, ErrType, "isk.split_size", "want an integer, got float 2.5"},
		{map[string]any{"extends": "x"}, ErrExtends, "extends", "cannot be overridden"},
		{map[string]any{"raids.quality": struct{}{}}, ErrType, "raids.quality", "unsupported value"},
	}
	for _, tt := range tests {
		_, err := s.With(tt.overrides)
		if !errors.Is(err, tt.sentinel) {
			t.Errorf("With(%v) = %v, want %v", tt.overrides, err, tt.sentinel)
			continue
		}
		var es Errors
		errors.As(err, &es)
		if len(es) != 1 || es[0].Key != tt.key || es[0].File != overrideFile || !strings.Contains(es[0].Msg, tt.contains) {
			t.Errorf("With(%v) = %v, want one error in %s on key %s containing %q", tt.overrides, err, overrideFile, tt.key, tt.contains)
		}
	}
}
