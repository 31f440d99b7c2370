package calibrate

import (
	"io"

	"github.com/parquet-go/parquet-go"
)

// writeParquet writes t as posterior.parquet: the columns of
// posterior.csv (a parameter a particle's model lacks is NaN). Parquet
// orders the columns of a dynamic schema by name; readers select them by
// name.
func (t *table) writeParquet(w io.Writer, version string) error {
	dbl := func() parquet.Node { return parquet.Compressed(parquet.Leaf(parquet.DoubleType), &parquet.Snappy) }
	g := parquet.Group{
		"model":    parquet.String(),
		"weight":   dbl(),
		"distance": dbl(),
	}
	for _, n := range t.params {
		g[n] = dbl()
	}
	for _, n := range t.targets {
		g[targetColumn(n)] = dbl()
	}
	schema := parquet.NewSchema("posterior", g)
	col := func(n string) int {
		c, _ := schema.Lookup(n)
		return c.ColumnIndex
	}
	cModel, cW, cD := col("model"), col("weight"), col("distance")
	cP := make([]int, len(t.params))
	for i, n := range t.params {
		cP[i] = col(n)
	}
	cT := make([]int, len(t.targets))
	for i, n := range t.targets {
		cT[i] = col(targetColumn(n))
	}
	cfg, err := parquet.NewWriterConfig(parquet.CreatedBy("insurgo", version, "calibrate"))
	if err != nil {
		return err
	}
	pw := parquet.NewWriter(w, schema, cfg)
	ncol := len(schema.Columns())
	rows := make([]parquet.Row, 0, len(t.rows))
	for _, r := range t.rows {
		row := make(parquet.Row, ncol)
		row[cModel] = parquet.ByteArrayValue([]byte(r.model)).Level(0, 0, cModel)
		row[cW] = parquet.DoubleValue(r.weight).Level(0, 0, cW)
		row[cD] = parquet.DoubleValue(r.distance).Level(0, 0, cD)
		for i, c := range cP {
			row[c] = parquet.DoubleValue(r.theta[i]).Level(0, 0, c)
		}
		for i, c := range cT {
			row[c] = parquet.DoubleValue(r.stats[i]).Level(0, 0, c)
		}
		rows = append(rows, row)
	}
	if _, err := pw.WriteRows(rows); err != nil {
		return err
	}
	return pw.Close()
}
