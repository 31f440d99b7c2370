package sim_test

import (
	"testing"
	"time"

	"github.com/insurgo/insurgo/sim"
)

func TestCalendarHistoricalSpan(t *testing.T) {
	c := mustCalendar(t, "2021-09-01", "2023-12-31")
	// 2021-09-01..2023-12-31: 122 days of 2021, 365 of 2022, 365 of 2023.
	if got, want := c.Days(), 122+365+365; got != want {
		t.Errorf("Days() = %d, want %d", got, want)
	}
	if got, want := c.Months(), 28; got != want {
		t.Errorf("Months() = %d, want %d", got, want)
	}
	ends := 0
	for i := 0; i < c.Days(); i++ {
		d := c.Day(i)
		if d.MonthEnd {
			ends++
			if next := d.Date.AddDate(0, 0, 1); next.Day() != 1 {
				t.Errorf("day %s marked month end", d.Date.Format(time.DateOnly))
			}
		}
	}
	if ends != 28 {
		t.Errorf("%d month ends, want 28", ends)
	}
	m, _ := sim.ParseMonth("2023-02")
	if i, ok := c.MonthIndex(m); !ok || i != 17 || c.Month(i) != m {
		t.Errorf("MonthIndex(2023-02) = %d, %v; want 17, true", i, ok)
	}
	if _, ok := c.MonthIndex(sim.Month{Year: 2024, Month: 1}); ok {
		t.Error("2024-01 reported inside the span")
	}
	if d, ok := c.DayOf(time.Date(2022, 1, 1, 0, 0, 0, 0, time.UTC)); !ok || d != 122 {
		t.Errorf("DayOf(2022-01-01) = %d, %v; want 122, true", d, ok)
	}
}

func TestCalendarErrors(t *testing.T) {
	s := time.Date(2023, 1, 1, 0, 0, 0, 0, time.UTC)
	if _, err := sim.NewCalendar(s, s.AddDate(0, 0, -1)); err == nil {
		t.Error("end before start accepted")
	}
	for _, bad := range []string{"2021", "2021-13", "21-09", ""} {
		if _, err := sim.ParseMonth(bad); err == nil {
			t.Errorf("ParseMonth(%q) accepted", bad)
		}
	}
	m := sim.Month{Year: 2021, Month: time.November}
	if got := m.Add(3).String(); got != "2022-02" {
		t.Errorf("2021-11 + 3 = %s, want 2022-02", got)
	}
}
