package isk

import (
	"strings"
	"testing"
	"time"

	"github.com/insurgo/insurgo/sim"
)

// OutsideRun names each dated setting that cannot act in the run, and
// nothing else.
func TestOutsideRun(t *testing.T) {
	cal, err := sim.NewCalendar(time.Date(2022, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2022, 12, 31, 0, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	p := Default()
	p.RaidPhases = []RaidPhase{
		{Name: "old", From: mustMonth("2021-01")},   // superseded by "start" before the run
		{Name: "start", From: mustMonth("2021-10")}, // in force at the start
		{Name: "mid", From: mustMonth("2022-06")},   // fine
		{Name: "typo", From: mustMonth("2032-06")},  // after the end
	}
	p.Media.CounterFrom = mustMonth("2022-12") // last month: fine
	p.Languages = []Language{{Name: "pashto", From: mustMonth("2023-01")}}
	p.Pools = []Pool{{Name: "east", From: mustMonth("2021-01")}} // open from before: fine
	p.Leaders = []Leader{{Name: "a", Killed: "2022-03-04"}, {Name: "b", Killed: "2020-03-04"}}
	var got []string
	for _, pr := range p.OutsideRun(&cal) {
		got = append(got, pr.Table+"."+pr.Item+"."+pr.Key)
	}
	want := "raid_phase.old.from raid_phase.typo.from language.pashto.from leader.b.killed"
	if strings.Join(got, " ") != want {
		t.Errorf("OutsideRun = %q, want %q", got, want)
	}
}

// PressureSpan is the last phase with raids before the first that stops
// them, through the month before the stop; none when raids never stop.
func TestPressureSpan(t *testing.T) {
	p := Default()
	p.RaidPhases = []RaidPhase{ // out of order on purpose
		{Name: "stop", From: mustMonth("2023-07"), PerMonth: 0},
		{Name: "light", From: mustMonth("2021-10"), PerMonth: 2},
		{Name: "heavy", From: mustMonth("2022-09"), PerMonth: 8},
	}
	from, to, ok := p.PressureSpan()
	if !ok || from != mustMonth("2022-09") || to != mustMonth("2023-06") {
		t.Errorf("PressureSpan = %s..%s %v, want 2022-09..2023-06 true", from, to, ok)
	}
	p.RaidPhases = p.RaidPhases[1:]
	if _, _, ok := p.PressureSpan(); ok {
		t.Error("raids that never stop give a span")
	}
}
