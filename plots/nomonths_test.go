package plots

import (
	"errors"
	"testing"

	"github.com/insurgo/insurgo/internal/report"
)

// TestNoMonths checks that a summary with series but no months (a run
// shorter than a month cannot give one, but a hand-edited file can) gives
// ErrNoData for every figure rather than a panic.
func TestNoMonths(t *testing.T) {
	s := &report.Summary{Scenario: "none", Replicates: 1}
	for _, m := range []string{"attacks", "fighters", "cells"} {
		s.Series = append(s.Series, report.Series{Metric: m, Scope: "total"})
	}
	s.Series = append(s.Series, report.Series{Metric: "attacks", Scope: "group:east"}, report.Series{Metric: "attacks", Scope: "type:attrition"})
	_, err := WriteDefault(s, t.TempDir(), "png")
	if !errors.Is(err, ErrNoData) {
		t.Errorf("WriteDefault: error %v, want ErrNoData", err)
	}
	if _, err := Strength(s); !errors.Is(err, ErrNoData) {
		t.Errorf("Strength: error %v, want ErrNoData", err)
	}
}
