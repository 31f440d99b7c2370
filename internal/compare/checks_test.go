package compare

import (
	"slices"
	"testing"
	"time"

	"github.com/insurgo/insurgo/internal/report"
	"github.com/insurgo/insurgo/sim"
)

// TestChecksLeftOutOfChoice: a check (a scenario input) is listed apart
// and never enters the model-choice distance.
func TestChecksLeftOutOfChoice(t *testing.T) {
	cal, err := sim.NewCalendar(time.Date(2022, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2022, 12, 31, 0, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	m, _ := sim.ParseMonth("2022-03")
	w := func(name string) sim.Window {
		return sim.Window{Name: name, Metric: "events", Scope: "total", From: m, To: m, Statistic: sim.Sum}
	}
	ts := []report.Observed{
		{Window: w("a"), Observed: 3, Kind: report.KindTarget},
		{Window: w("raids"), Observed: 35, Kind: report.KindCheck},
		{Window: w("b"), Observed: 4},
	}
	arms := []Arm{{Name: "x", Calendar: cal, Targets: ts}, {Name: "y", Calendar: cal, Targets: ts}}
	common, ignored, checks, err := commonTargets(arms)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, c := range common {
		names = append(names, c.Window.Name)
	}
	if !slices.Equal(names, []string{"a", "b"}) || len(ignored) != 0 || !slices.Equal(checks, []string{"raids"}) {
		t.Errorf("common %v ignored %v checks %v; want [a b] [] [raids]", names, ignored, checks)
	}
}
