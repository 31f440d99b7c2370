package sim_test

import (
	"slices"
	"testing"

	"github.com/insurgo/insurgo/sim"
)

func TestStepClock(t *testing.T) {
	c, err := sim.NewStepClock(10, 4)
	if err != nil {
		t.Fatal(err)
	}
	if !c.Stepped() || c.Every() != 4 || c.Days() != 10 || c.Months() != 3 {
		t.Fatalf("stepped %v every %d days %d months %d, want true 4 10 3", c.Stepped(), c.Every(), c.Days(), c.Months())
	}
	var ends []int
	for i := range c.Days() {
		d := c.Day(i)
		if d.Index != i || d.Month != i/4 || !d.Date.IsZero() {
			t.Fatalf("step %d: %+v", i, d)
		}
		if d.MonthEnd {
			ends = append(ends, i)
		}
	}
	if want := []int{3, 7, 9}; !slices.Equal(ends, want) {
		t.Errorf("period ends %v, want %v", ends, want)
	}
	if got, want := c.MonthLabels(), []string{"4", "8", "10"}; !slices.Equal(got, want) {
		t.Errorf("labels %v, want %v (the last step of each period)", got, want)
	}
	if _, ok := c.MonthIndex(c.FirstMonth()); ok {
		t.Error("a month lies within a step clock")
	}
	for _, bad := range [][2]int{{0, 1}, {-1, 1}, {5, 0}, {5, 6}} {
		if _, err := sim.NewStepClock(bad[0], bad[1]); err == nil {
			t.Errorf("NewStepClock(%d, %d) gave no error", bad[0], bad[1])
		}
	}
	d := mustCalendar(t, "2021-08-15", "2021-09-30")
	if d.Stepped() || d.Every() != 0 {
		t.Error("a calendar of dates claims to be a step clock")
	}
}
