package sweeprun

import (
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"github.com/parquet-go/parquet-go"
)

// The results table has one row per point × replicate. Parquet orders the
// columns of a dynamic schema by name; readers select them by name.
const (
	colPoint     = "point"
	colReplicate = "replicate"
	rowGroupRows = 16384 // rows per Parquet row group: bounds writer memory
	writeBatch   = 256   // rows per WriteRows call, whatever the shard layout
)

// row is one point × replicate.
type row struct {
	Point     int64
	Replicate int64
	Params    []float64
	Outputs   []float64
}

// table is the schema of a sweep's results.
type table struct {
	params, outputs []string
	schema          *parquet.Schema
	ncol            int
	cPoint, cRep    int
	cParam, cOut    []int
}

func newTable(params, outputs []string) *table {
	g := parquet.Group{
		colPoint:     parquet.Leaf(parquet.Int64Type),
		colReplicate: parquet.Leaf(parquet.Int64Type),
	}
	for _, n := range params {
		g[n] = parquet.Compressed(parquet.Leaf(parquet.DoubleType), &parquet.Snappy)
	}
	for _, n := range outputs {
		g[n] = parquet.Compressed(parquet.Leaf(parquet.DoubleType), &parquet.Snappy)
	}
	t := &table{params: params, outputs: outputs, schema: parquet.NewSchema("sweep", g)}
	t.ncol = len(t.schema.Columns())
	idx := func(n string) int {
		c, ok := t.schema.Lookup(n)
		if !ok {
			panic("sweeprun: column " + n + " missing from its own schema")
		}
		return c.ColumnIndex
	}
	t.cPoint, t.cRep = idx(colPoint), idx(colReplicate)
	for _, n := range params {
		t.cParam = append(t.cParam, idx(n))
	}
	for _, n := range outputs {
		t.cOut = append(t.cOut, idx(n))
	}
	return t
}

func (t *table) toParquet(r *row, buf parquet.Row) parquet.Row {
	buf = slices.Grow(buf[:0], t.ncol)[:t.ncol]
	buf[t.cPoint] = parquet.Int64Value(r.Point).Level(0, 0, t.cPoint)
	buf[t.cRep] = parquet.Int64Value(r.Replicate).Level(0, 0, t.cRep)
	for i, c := range t.cParam {
		buf[c] = parquet.DoubleValue(r.Params[i]).Level(0, 0, c)
	}
	for i, c := range t.cOut {
		buf[c] = parquet.DoubleValue(r.Outputs[i]).Level(0, 0, c)
	}
	return buf
}

func (t *table) fromParquet(pr parquet.Row, r *row) error {
	if len(pr) != t.ncol {
		return fmt.Errorf("row of %d values, want %d", len(pr), t.ncol)
	}
	r.Params = slices.Grow(r.Params[:0], len(t.cParam))[:len(t.cParam)]
	r.Outputs = slices.Grow(r.Outputs[:0], len(t.cOut))[:len(t.cOut)]
	for _, v := range pr {
		c := v.Column()
		if c < 0 || c >= t.ncol {
			return fmt.Errorf("value of column %d outside the schema", c)
		}
	}
	r.Point = pr[t.cPoint].Int64()
	r.Replicate = pr[t.cRep].Int64()
	for i, c := range t.cParam {
		r.Params[i] = pr[c].Double()
	}
	for i, c := range t.cOut {
		r.Outputs[i] = pr[c].Double()
	}
	return nil
}

// rowWriter writes rows to a Parquet file in fixed batches, so the bytes
// depend only on the rows, not on how the caller grouped them.
type rowWriter struct {
	t     *table
	w     *parquet.Writer
	batch []parquet.Row
	n     int
	rows  int64
}

func (t *table) newWriter(w io.Writer, engine string, meta [][2]string) (*rowWriter, error) {
	opts := []parquet.WriterOption{
		t.schema,
		parquet.MaxRowsPerRowGroup(rowGroupRows),
		parquet.CreatedBy("insurgo", engine, "sweep"),
	}
	for _, kv := range meta {
		opts = append(opts, parquet.KeyValueMetadata(kv[0], kv[1]))
	}
	cfg, err := parquet.NewWriterConfig(opts...)
	if err != nil {
		return nil, fmt.Errorf("sweeprun: parquet writer: %w", err)
	}
	rw := &rowWriter{t: t, w: parquet.NewWriter(w, cfg), batch: make([]parquet.Row, writeBatch)}
	return rw, nil
}

// Write buffers r, writing a batch when one is full.
func (rw *rowWriter) Write(r *row) error {
	rw.batch[rw.n] = rw.t.toParquet(r, rw.batch[rw.n])
	rw.n++
	rw.rows++
	if rw.n == len(rw.batch) {
		return rw.flush()
	}
	return nil
}

func (rw *rowWriter) flush() error {
	if rw.n == 0 {
		return nil
	}
	_, err := rw.w.WriteRows(rw.batch[:rw.n])
	rw.n = 0
	return err
}

// Close writes the buffered rows and the file footer.
func (rw *rowWriter) Close() error {
	if err := rw.flush(); err != nil {
		return err
	}
	return rw.w.Close()
}

// rowFile is an open results file.
type rowFile struct {
	f    *os.File
	pf   *parquet.File
	t    *table
	r    *parquet.Reader
	buf  []parquet.Row
	i, n int
}

// errNotResults marks a file whose columns are not the sweep's.
var errNotResults = errors.New("columns differ from the sweep's")

func openRows(path string, t *table) (*rowFile, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	st, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, err
	}
	pf, err := parquet.OpenFile(f, st.Size())
	if err != nil {
		f.Close()
		return nil, fmt.Errorf("%s: not a readable Parquet file: %w", path, err)
	}
	var got, want []string
	for _, c := range pf.Schema().Columns() {
		got = append(got, strings.Join(c, "."))
	}
	for _, c := range t.schema.Columns() {
		want = append(want, strings.Join(c, "."))
	}
	if !slices.Equal(got, want) {
		f.Close()
		return nil, fmt.Errorf("%s: %w: has %v, want %v", path, errNotResults, got, want)
	}
	return &rowFile{f: f, pf: pf, t: t, r: parquet.NewReader(pf), buf: make([]parquet.Row, writeBatch)}, nil
}

// meta returns the file's key/value metadata value for key.
func (rf *rowFile) meta(key string) string {
	v, _ := rf.pf.Lookup(key)
	return v
}

// NumRows returns the number of rows the footer declares.
func (rf *rowFile) NumRows() int64 { return rf.pf.NumRows() }

// Next reads the next row into r; it returns io.EOF after the last.
func (rf *rowFile) Next(r *row) error {
	if rf.i == rf.n {
		n, err := rf.r.ReadRows(rf.buf)
		if n == 0 {
			if err == nil {
				err = io.EOF
			}
			return err
		}
		rf.i, rf.n = 0, n
	}
	err := rf.t.fromParquet(rf.buf[rf.i], r)
	rf.i++
	return err
}

// Close closes the reader and the file.
func (rf *rowFile) Close() error {
	rf.r.Close()
	return rf.f.Close()
}
