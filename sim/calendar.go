package sim

import (
	"errors"
	"fmt"
	"strconv"
	"time"
)

// ErrCalendar is wrapped by errors about dates and months.
var ErrCalendar = errors.New("sim: bad calendar")

// Month is a calendar month, such as 2021-09.
type Month struct {
	Year  int
	Month time.Month
}

// MonthOf returns the month that contains t.
func MonthOf(t time.Time) Month { return Month{t.Year(), t.Month()} }

// ParseMonth parses a month written as YYYY-MM.
func ParseMonth(s string) (Month, error) {
	t, err := time.Parse("2006-01", s)
	if err != nil {
		return Month{}, fmt.Errorf("%w: month %q: want YYYY-MM", ErrCalendar, s)
	}
	return MonthOf(t), nil
}

// String formats m as YYYY-MM.
func (m Month) String() string { return fmt.Sprintf("%04d-%02d", m.Year, int(m.Month)) }

// IsZero reports whether m is the zero Month, which stands for a month not
// given (an optional key left out).
func (m Month) IsZero() bool { return m == Month{} }

// MarshalText formats m as YYYY-MM, and the zero Month as the empty text.
// With UnmarshalText it makes Month a TOML string and a JSON string.
func (m Month) MarshalText() ([]byte, error) {
	if m.IsZero() {
		return nil, nil
	}
	return []byte(m.String()), nil
}

// UnmarshalText parses YYYY-MM; the empty text is the zero Month. Its
// error is a *MonthError.
func (m *Month) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*m = Month{}
		return nil
	}
	t, err := time.Parse("2006-01", string(b))
	if err != nil {
		return &MonthError{Text: string(b)}
	}
	*m = MonthOf(t)
	return nil
}

// MonthError is the error of a month that is not written YYYY-MM. It
// wraps ErrCalendar, and says what was expected without naming a
// package, so a file's error message can carry it as it is.
type MonthError struct{ Text string }

// Error says what was expected and what was given.
func (e *MonthError) Error() string {
	return fmt.Sprintf("want a month YYYY-MM such as \"2021-09\", got %q", e.Text)
}

// Unwrap returns ErrCalendar.
func (e *MonthError) Unwrap() error { return ErrCalendar }

// Index returns the number of months from a to m (0 when equal).
func (m Month) Index(a Month) int {
	return (m.Year-a.Year)*12 + int(m.Month) - int(a.Month)
}

// Add returns the month n months after m.
func (m Month) Add(n int) Month {
	i := m.Year*12 + int(m.Month) - 1 + n
	return Month{i / 12, time.Month(i%12 + 1)}
}

// Day is one tick of the calendar, as a model's Step sees it. On a step
// clock (NewStepClock) a tick is a step: Index counts steps, Date is zero
// and Month is the recording period.
type Day struct {
	Index    int       // days (or steps) since the calendar's start, from 0
	Date     time.Time // the date, at midnight UTC; zero on a step clock
	Month    int       // months (or recording periods) since the start, from 0
	MonthEnd bool      // the last simulated tick of its month (or period)
}

// Calendar is a run's span: every day from Start to End inclusive, or, on a
// step clock, steps 1 to Steps() recorded in periods of Every() steps.
// Recorders, aggregates and windows count in its months, which on a step
// clock are recording periods.
type Calendar struct {
	Start, End time.Time
	days       []Day
	every      int // steps per recording period; 0 for a date calendar
}

// NewCalendar returns the calendar from start to end inclusive. Times are
// truncated to their UTC date. It is an error for end to precede start.
func NewCalendar(start, end time.Time) (Calendar, error) {
	s := date(start)
	e := date(end)
	if e.Before(s) {
		return Calendar{}, fmt.Errorf("%w: end %s before start %s", ErrCalendar, e.Format(time.DateOnly), s.Format(time.DateOnly))
	}
	c := Calendar{Start: s, End: e}
	m0 := MonthOf(s)
	for d := s; !d.After(e); d = d.AddDate(0, 0, 1) {
		c.days = append(c.days, Day{Index: len(c.days), Date: d, Month: MonthOf(d).Index(m0)})
	}
	for i := range c.days {
		c.days[i].MonthEnd = i == len(c.days)-1 || c.days[i+1].Month != c.days[i].Month
	}
	return c, nil
}

func date(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}

// Days returns the number of days in the calendar.
func (c Calendar) Days() int { return len(c.days) }

// Day returns day i (0 <= i < Days()).
func (c Calendar) Day(i int) Day { return c.days[i] }

// Months returns the number of calendar months the span touches.
func (c Calendar) Months() int {
	if len(c.days) == 0 {
		return 0
	}
	return c.days[len(c.days)-1].Month + 1
}

// FirstMonth returns the month of Start.
func (c Calendar) FirstMonth() Month { return MonthOf(c.Start) }

// Month returns the calendar month with index i.
func (c Calendar) Month(i int) Month { return c.FirstMonth().Add(i) }

// MonthIndex returns the index of m, and whether m lies within the span.
// No month lies within a step clock.
func (c Calendar) MonthIndex(m Month) (int, bool) {
	if c.every > 0 {
		return 0, false
	}
	i := m.Index(c.FirstMonth())
	return i, i >= 0 && i < c.Months()
}

// DayOf returns the index of the given date, and whether it lies within
// the span.
func (c Calendar) DayOf(t time.Time) (int, bool) {
	i := int(date(t).Sub(c.Start).Hours()/24 + 0.5)
	return i, i >= 0 && i < len(c.days)
}

// MonthLabels returns every month of the span as YYYY-MM; on a step clock,
// every recording period as the number of its last step.
func (c Calendar) MonthLabels() []string {
	out := make([]string, c.Months())
	for i := range out {
		if c.every > 0 {
			out[i] = strconv.Itoa(min((i+1)*c.every, len(c.days)))
			continue
		}
		out[i] = c.Month(i).String()
	}
	return out
}
