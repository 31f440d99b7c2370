package report

import (
	"encoding/csv"
	"fmt"
	"io"
	"slices"
	"strconv"

	"github.com/insurgo/insurgo/sim"
)

// MonthlyHeader is the header of monthly.csv.
var MonthlyHeader = []string{"month", "metric", "scope", "p05", "p25", "p50", "p75", "p95", "mean"}

// WriteMonthlyCSV writes s's series as tidy rows, one per month × metric ×
// scope, ordered by metric, scope, then month.
func WriteMonthlyCSV(w io.Writer, s *Summary) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(MonthlyHeader); err != nil {
		return err
	}
	for _, se := range s.Series {
		for m, month := range s.Months {
			row := []string{month, se.Metric, se.Scope,
				num(se.P05[m]), num(se.P25[m]), num(se.P50[m]), num(se.P75[m]), num(se.P95[m]), num(se.Mean[m])}
			if err := cw.Write(row); err != nil {
				return err
			}
		}
	}
	cw.Flush()
	return cw.Error()
}

// num formats x in the shortest form that reads back exactly.
func num(x float64) string { return strconv.FormatFloat(x, 'g', -1, 64) }

// ReplicatesHeader is the header of replicates.csv.
var ReplicatesHeader = []string{"replicate", "month", "metric", "scope", "value"}

// WriteReplicateRows writes one replicate's non-zero monthly values as
// rows of replicates.csv (zeros are left out to keep the file small; a
// missing row means 0).
func WriteReplicateRows(cw *csv.Writer, rep int, r *sim.Recorder, months []string) error {
	repS := strconv.Itoa(rep)
	for _, k := range r.Keys() {
		for m, v := range r.Values(k.Metric, k.Scope) {
			if v == 0 {
				continue
			}
			if err := cw.Write([]string{repS, months[m], k.Metric, k.Scope, strconv.FormatInt(v, 10)}); err != nil {
				return err
			}
		}
	}
	return nil
}

// EventsHeader is the header of events.csv for a model whose events have
// the given fields: replicate, date, kind, type, region, then one column
// per field.
func EventsHeader(fields []string) []string {
	return append([]string{"replicate", "date", "kind", "type", "region"}, fields...)
}

// EventDate returns the date column of an event on day (or step) index
// day of cal: the date, YYYY-MM-DD, or on a step clock the step, from 1.
func EventDate(cal *sim.Calendar, day int) string {
	if cal.Stepped() {
		return strconv.Itoa(day + 1)
	}
	return cal.Day(day).Date.Format("2006-01-02")
}

// WriteEventRows writes one replicate's events as rows of events.csv,
// one column per field of fields (empty where the event has no such
// field). A field not in fields is an error: a column would be missing.
func WriteEventRows(cw *csv.Writer, rep int, r *sim.Recorder, cal *sim.Calendar, fields []string) error {
	repS := strconv.Itoa(rep)
	row := make([]string, 5+len(fields))
	for _, e := range r.Events() {
		clear(row)
		row[0], row[1], row[2], row[3], row[4] = repS, EventDate(cal, e.Day), e.Kind, e.Type, e.Region
		for _, f := range e.Fields {
			c := slices.Index(fields, f.Name)
			if c < 0 {
				return fmt.Errorf("report: event %s has field %q, not among the model's event fields %v", e.Kind, f.Name, fields)
			}
			row[5+c] = strconv.FormatInt(f.Value, 10)
		}
		if err := cw.Write(row); err != nil {
			return err
		}
	}
	return nil
}
