package report

import (
	"fmt"
	"io"
	"slices"

	"github.com/parquet-go/parquet-go"

	"github.com/insurgo/insurgo/sim"
)

// ParquetRows is the batch size of the Parquet writers: rows are written
// in fixed batches, so a file's bytes depend on its rows alone.
const parquetBatch = 4096

// ParquetTable writes rows of a fixed schema to a Parquet file, in
// fixed batches (Snappy-compressed columns). Use ReplicatesParquet and
// EventsParquet.
type ParquetTable struct {
	w     *parquet.Writer
	batch []parquet.Row
	n     int
	ncol  int
	col   map[string]int // column index by name
}

func newParquetTable(w io.Writer, name string, g parquet.Group, createdBy string) (*ParquetTable, error) {
	schema := parquet.NewSchema(name, g)
	cfg, err := parquet.NewWriterConfig(schema, parquet.CreatedBy("insurgo", createdBy, name))
	if err != nil {
		return nil, fmt.Errorf("report: parquet writer: %w", err)
	}
	t := &ParquetTable{w: parquet.NewWriter(w, cfg), batch: make([]parquet.Row, parquetBatch), col: map[string]int{}}
	t.ncol = len(schema.Columns())
	for n := range g {
		c, ok := schema.Lookup(n)
		if !ok {
			return nil, fmt.Errorf("report: column %s missing from its own schema", n)
		}
		t.col[n] = c.ColumnIndex
	}
	return t, nil
}

// row returns the next row to fill, all columns null.
func (t *ParquetTable) row() parquet.Row {
	r := slices.Grow(t.batch[t.n][:0], t.ncol)[:t.ncol]
	for i := range r {
		r[i] = parquet.NullValue().Level(0, 0, i)
	}
	return r
}

// put sets a required column of r.
func (t *ParquetTable) put(r parquet.Row, name string, v parquet.Value) {
	c := t.col[name]
	r[c] = v.Level(0, 0, c)
}

// putOpt sets an optional column of r.
func (t *ParquetTable) putOpt(r parquet.Row, name string, v parquet.Value) {
	c := t.col[name]
	r[c] = v.Level(0, 1, c)
}

func (t *ParquetTable) add(r parquet.Row) error {
	t.batch[t.n] = r
	t.n++
	if t.n == len(t.batch) {
		return t.flush()
	}
	return nil
}

func (t *ParquetTable) flush() error {
	if t.n == 0 {
		return nil
	}
	_, err := t.w.WriteRows(t.batch[:t.n])
	t.n = 0
	return err
}

// Close writes the buffered rows and the footer.
func (t *ParquetTable) Close() error {
	if err := t.flush(); err != nil {
		return err
	}
	return t.w.Close()
}

func str() parquet.Node    { return parquet.Compressed(parquet.String(), &parquet.Snappy) }
func i64() parquet.Node    { return parquet.Compressed(parquet.Leaf(parquet.Int64Type), &parquet.Snappy) }
func optI64() parquet.Node { return parquet.Optional(i64()) }

// ReplicatesParquet is replicates.parquet: the rows of replicates.csv
// (replicate, month, metric, scope, value; zeros left out), typed.
type ReplicatesParquet struct{ t *ParquetTable }

// NewReplicatesParquet starts replicates.parquet on w; engine is
// insurgo's version, recorded in the file.
func NewReplicatesParquet(w io.Writer, engine string) (*ReplicatesParquet, error) {
	t, err := newParquetTable(w, "replicates", parquet.Group{
		"replicate": i64(), "month": str(), "metric": str(), "scope": str(), "value": i64(),
	}, engine)
	return &ReplicatesParquet{t}, err
}

// Write adds one replicate's non-zero monthly values.
func (p *ReplicatesParquet) Write(rep int, r *sim.Recorder, months []string) error {
	for _, k := range r.Keys() {
		for m, v := range r.Values(k.Metric, k.Scope) {
			if v == 0 {
				continue
			}
			row := p.t.row()
			p.t.put(row, "replicate", parquet.Int64Value(int64(rep)))
			p.t.put(row, "month", parquet.ByteArrayValue([]byte(months[m])))
			p.t.put(row, "metric", parquet.ByteArrayValue([]byte(k.Metric)))
			p.t.put(row, "scope", parquet.ByteArrayValue([]byte(k.Scope)))
			p.t.put(row, "value", parquet.Int64Value(v))
			if err := p.t.add(row); err != nil {
				return err
			}
		}
	}
	return nil
}

// Close finishes the file.
func (p *ReplicatesParquet) Close() error { return p.t.Close() }

// EventsParquet is events.parquet: the rows of events.csv, the fields as
// optional integer columns (null where an event has no such field).
type EventsParquet struct {
	t      *ParquetTable
	fields []string
}

// NewEventsParquet starts events.parquet on w for events with the given
// fields.
func NewEventsParquet(w io.Writer, fields []string, engine string) (*EventsParquet, error) {
	g := parquet.Group{"replicate": i64(), "date": str(), "kind": str(), "type": str(), "region": str()}
	for _, f := range fields {
		if _, dup := g[f]; dup {
			return nil, fmt.Errorf("report: event field %q repeats a column", f)
		}
		g[f] = optI64()
	}
	t, err := newParquetTable(w, "events", g, engine)
	return &EventsParquet{t: t, fields: fields}, err
}

// Write adds one replicate's events.
func (p *EventsParquet) Write(rep int, r *sim.Recorder, cal *sim.Calendar) error {
	for _, e := range r.Events() {
		row := p.t.row()
		p.t.put(row, "replicate", parquet.Int64Value(int64(rep)))
		p.t.put(row, "date", parquet.ByteArrayValue([]byte(EventDate(cal, e.Day))))
		p.t.put(row, "kind", parquet.ByteArrayValue([]byte(e.Kind)))
		p.t.put(row, "type", parquet.ByteArrayValue([]byte(e.Type)))
		p.t.put(row, "region", parquet.ByteArrayValue([]byte(e.Region)))
		for _, f := range e.Fields {
			if !slices.Contains(p.fields, f.Name) {
				return fmt.Errorf("report: event %s has field %q, not among the model's event fields %v", e.Kind, f.Name, p.fields)
			}
			p.t.putOpt(row, f.Name, parquet.Int64Value(f.Value))
		}
		if err := p.t.add(row); err != nil {
			return err
		}
	}
	return nil
}

// Close finishes the file.
func (p *EventsParquet) Close() error { return p.t.Close() }
