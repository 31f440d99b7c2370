package sweeprun

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"

	"github.com/insurgo/insurgo/internal/atomicfile"
	"github.com/insurgo/insurgo/sim/sweep"
)

// PlanOptions configures Plan.
type PlanOptions struct {
	// Warn, if set, receives warnings: a parameter whose range or levels
	// exclude the base scenario's own value (the sweep then never runs
	// the scenario as calibrated).
	Warn   func(msg string)
	Dir    string // the sweep directory; created if missing
	Shards int    // number of shards, >= 1
	Engine string // the engine version recorded in the manifest
	// Force replans into a directory holding another plan, deleting its
	// shards and results.
	Force bool
}

// ErrPlan is wrapped by a plan the options make impossible, such as more
// shards than points.
var ErrPlan = errors.New("impossible plan")

// planFiles are the files and directories a sweep directory holds.
var planFiles = []string{"manifest.json", "design.csv", "sweep.toml", "shards", "results.parquet", "results.csv", "points.csv", "analysis", "slurm", "logs"}

// Plan checks c against its base scenario, builds the design and writes
// the sweep directory: sweep.toml, design.csv and manifest.json (last, so
// a directory with a manifest is a whole plan). Planning the same sweep
// with the same shards into its own directory again changes nothing.
func Plan(c *Config, load Loader, o PlanOptions) (*Manifest, error) {
	if o.Shards < 1 {
		return nil, fmt.Errorf("%w: shards must be >= 1, got %d", sweep.ErrDesign, o.Shards)
	}
	m, err := load(c.Base)
	if err != nil {
		return nil, err
	}
	cal, err := m.Calendar()
	if err != nil {
		return nil, err
	}
	var es Errors
	loc := newLocator(c.raw)
	for i, p := range c.Params {
		for _, u := range []float64{0, 1} {
			if err := m.CheckKey(p.Name, p.Value(u), p.Integer); err != nil {
				es.Add(c.Source, loc.nth("sweep.param", i), fmt.Sprintf("sweep.param[%d] %s", i+1, p.Name), ErrSweepFile, "%v", err)
				break
			}
		}
	}
	for i, w := range c.Outputs {
		err := m.CheckOutput(w)
		if err == nil {
			_, _, err = w.Bind(&cal)
		}
		if err != nil {
			es.Add(c.Source, loc.nth("sweep.output", i), fmt.Sprintf("sweep.output[%d] %s", i+1, w.Name), ErrSweepFile, "%v", err)
		}
	}
	if len(es) > 0 {
		return nil, es
	}
	if bv, ok := m.(BaseValuer); ok && o.Warn != nil {
		for _, p := range c.Params {
			v, ok := bv.BaseValue(p.Name)
			if !ok {
				continue
			}
			lo, hi := p.Min, p.Max
			if len(p.Levels) > 0 {
				lo, hi = slices.Min(p.Levels), slices.Max(p.Levels)
			}
			if v < lo || v > hi {
				o.Warn(fmt.Sprintf("%s: %s varies over [%g, %g], which excludes the base scenario's value %g", c.Source, p.Name, lo, hi, v))
			}
		}
	}
	d, err := sweep.New(c.Spec())
	if err != nil {
		return nil, err
	}
	block := 1
	switch c.Design {
	case sweep.Sobol:
		block = sweep.SobolBlock(len(c.Params))
	case sweep.Morris:
		block = len(c.Params) + 1
	}
	if blocks := d.Len() / block; o.Shards > blocks {
		unit := "points"
		if block > 1 {
			unit = fmt.Sprintf("blocks of %d points (a %s design cannot split a block)", block, c.Design)
		}
		return nil, fmt.Errorf("%w: %d shards for %d %s: want at most %d shards", ErrPlan, o.Shards, blocks, unit, blocks)
	}
	shards, err := sweep.Shards(d.Len(), o.Shards, block)
	if err != nil {
		return nil, err
	}
	man := &Manifest{Format: ManifestFormat, Engine: o.Engine, Name: c.Name, Description: c.Description,
		Base: c.Base, BaseHash: m.Hash(), Design: c.Design, Size: c.Size, MorrisLevels: d.MorrisLevels,
		Replicates: c.Replicates, Seed: c.Seed, Points: d.Len(), Shards: shards}
	if c.Design != sweep.Morris {
		man.MorrisLevels = 0
	}
	for _, p := range c.Params {
		man.Params = append(man.Params, paramInfo(p))
	}
	man.Outputs = append(man.Outputs, c.Outputs...)
	man.Hash = man.computeHash()

	if err := prepareDir(o.Dir, man, o.Force); err != nil {
		return nil, err
	}
	if err := atomicfile.WriteBytes(filepath.Join(o.Dir, "sweep.toml"), c.raw); err != nil {
		return nil, err
	}
	if err := writeDesign(filepath.Join(o.Dir, "design.csv"), man.ParamNames(), d.Points); err != nil {
		return nil, err
	}
	if err := atomicfile.WriteJSON(filepath.Join(o.Dir, "manifest.json"), man); err != nil {
		return nil, err
	}
	return man, nil
}

// prepareDir makes dir ready for the plan man.
func prepareDir(dir string, man *Manifest, force bool) error {
	ents, err := os.ReadDir(dir)
	switch {
	case errors.Is(err, os.ErrNotExist):
		return os.MkdirAll(dir, 0o755)
	case err != nil:
		return err
	case len(ents) == 0:
		return nil
	}
	old, err := ReadManifest(dir)
	if err == nil && old.Hash == man.Hash && len(old.Shards) == len(man.Shards) && old.Engine == man.Engine {
		return nil // the same plan: keep its shards
	}
	if !force {
		what := "files"
		if err == nil {
			what = fmt.Sprintf("another plan (hash %s, %d shards)", short(old.Hash), len(old.Shards))
		}
		return fmt.Errorf("%w: %s already holds %s; use another directory or -force to replace it", ErrSweepDir, dir, what)
	}
	for _, f := range planFiles {
		if err := os.RemoveAll(filepath.Join(dir, f)); err != nil {
			return err
		}
	}
	return nil
}

// writeDesign writes the design as CSV: point id, then the values.
func writeDesign(path string, names []string, points [][]float64) error {
	return atomicfile.Write(path, func(w io.Writer) error {
		cw := csv.NewWriter(w)
		rec := append([]string{colPoint}, names...)
		if err := cw.Write(rec); err != nil {
			return err
		}
		for i, p := range points {
			rec = rec[:0]
			rec = append(rec, strconv.Itoa(i))
			for _, v := range p {
				rec = append(rec, strconv.FormatFloat(v, 'g', -1, 64))
			}
			if err := cw.Write(rec); err != nil {
				return err
			}
		}
		cw.Flush()
		return cw.Error()
	})
}

// readDesign calls fn for each point in r of dir/design.csv, in order,
// reading the file as a stream.
func readDesign(dir string, names []string, r sweep.Range, fn func(id int, values []float64) error) error {
	path := filepath.Join(dir, "design.csv")
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("%w: %v", ErrSweepDir, err)
	}
	defer f.Close()
	cr := csv.NewReader(f)
	cr.ReuseRecord = true
	head, err := cr.Read()
	if err != nil {
		return fmt.Errorf("%w: %s: %v", ErrSweepDir, path, err)
	}
	if len(head) != len(names)+1 {
		return fmt.Errorf("%w: %s: %d columns, want %d", ErrSweepDir, path, len(head), len(names)+1)
	}
	vals := make([]float64, len(names))
	for id := 0; id < r.End(); id++ {
		rec, err := cr.Read()
		if err != nil {
			return fmt.Errorf("%w: %s: point %d: %v", ErrSweepDir, path, id, err)
		}
		if id < r.First {
			continue
		}
		if rec[0] != strconv.Itoa(id) {
			return fmt.Errorf("%w: %s: line %d holds point %q, want %d", ErrSweepDir, path, id+2, rec[0], id)
		}
		for j := range vals {
			if vals[j], err = strconv.ParseFloat(rec[j+1], 64); err != nil {
				return fmt.Errorf("%w: %s: line %d: %s: %v", ErrSweepDir, path, id+2, names[j], err)
			}
		}
		if err := fn(id, vals); err != nil {
			return err
		}
	}
	return nil
}
