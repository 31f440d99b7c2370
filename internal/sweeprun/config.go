package sweeprun

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/BurntSushi/toml"

	"github.com/insurgo/insurgo/internal/fileerr"
	"github.com/insurgo/insurgo/scenarios"
	"github.com/insurgo/insurgo/sim"
	"github.com/insurgo/insurgo/sim/sweep"
)

// ErrSweepFile is wrapped by every problem in a sweep file.
var ErrSweepFile = errors.New("bad sweep file")

// Error is one problem in a sweep file: the file, the line where known
// (0 when not), the key concerned and what was expected. It wraps
// ErrSweepFile. It is the error type of every input file (package
// fileerr).
type Error = fileerr.Error

// Errors lists every problem found in a sweep file, in file order.
type Errors = fileerr.Errors

// MaxShown is the number of problems Errors.Error lists; the rest are
// counted on one more line.
const MaxShown = fileerr.MaxShown

// Config is a parsed sweep file.
type Config struct {
	Source      string // the file it came from, as named in errors
	Name        string
	Description string
	// Extends is the base scenario as written: a shipped name or a path,
	// relative to the sweep file's directory.
	Extends string
	// Base is Extends resolved: a shipped name, or an absolute path.
	Base         string
	Design       string // one of sweep.Kinds
	Size         int
	MorrisLevels int
	Replicates   int
	Seed         uint64
	Params       []sweep.Param
	Outputs      []sim.Window

	raw []byte // the file as read
}

// Spec returns the design specification of c.
func (c *Config) Spec() sweep.Spec {
	return sweep.Spec{Kind: c.Design, Params: c.Params, Size: c.Size, MorrisLevels: c.MorrisLevels, Seed: c.Seed}
}

// file is the TOML form of a sweep file.
type file struct {
	Sweep sweepDoc `toml:"sweep"`
}

// sweepDoc is the [sweep] table as written.
type sweepDoc struct {
	Name         string       `toml:"name"`
	Description  string       `toml:"description"`
	Extends      string       `toml:"extends"`
	Design       string       `toml:"design"`
	Size         int          `toml:"size"`
	MorrisLevels int          `toml:"morris_levels"`
	Replicates   int          `toml:"replicates"`
	Seed         int64        `toml:"seed"`
	Params       []paramDoc   `toml:"param"`
	Outputs      []sim.Window `toml:"output"`
}

type paramDoc struct {
	Key     string    `toml:"key"`
	Range   []float64 `toml:"range"`
	Levels  []float64 `toml:"levels"`
	Dist    string    `toml:"dist"`
	Mode    *float64  `toml:"mode"`
	Mean    *float64  `toml:"mean"`
	SD      *float64  `toml:"sd"`
	Integer bool      `toml:"integer"`
}

// Bounds on a sweep file, checked when it is read: each scales the work or
// the memory of a sweep, so a typo is an error rather than a crash hours
// later.
const (
	// MaxReplicates bounds sweep.replicates (replicates per point).
	MaxReplicates = 100_000
	// MaxRuns bounds points × replicates, the rows of results.parquet.
	MaxRuns = 100_000_000
	// MaxParams bounds the [[sweep.param]] tables.
	MaxParams = 64
	// MaxOutputs bounds the [[sweep.output]] tables.
	MaxOutputs = 256
	// MaxNameLen bounds the length of sweep.name.
	MaxNameLen = 64
)

// nameRE is the character set of a sweep name. The name is written into
// Slurm job names and generated scripts, so it is refused, not quoted,
// when it holds anything else.
var nameRE = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._-]*$`)

// ValidName reports whether s may name a sweep: 1 to MaxNameLen letters,
// digits, '.', '_' or '-', starting with a letter or digit.
func ValidName(s string) bool { return len(s) <= MaxNameLen && nameRE.MatchString(s) }

// defaultName derives a valid sweep name from a file name, replacing
// every other character by '-'.
func defaultName(file string) string {
	b := []byte(strings.TrimSuffix(filepath.Base(file), filepath.Ext(file)))
	for i, c := range b {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_' || c == '.') {
			b[i] = '-'
		}
	}
	s := strings.TrimLeft(string(b), "-._")
	if len(s) > MaxNameLen {
		s = s[:MaxNameLen]
	}
	if s == "" {
		s = "sweep"
	}
	return s
}

// reserved are column names of the results table.
var reserved = map[string]bool{"point": true, "replicate": true}

// ReadConfig reads and parses the sweep file at path.
func ReadConfig(path string) (*Config, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, Errors{{File: path, Msg: err.Error(), Err: ErrSweepFile}}
	}
	return ParseConfig(path, data)
}

// ParseConfig parses a sweep file read from name. It returns every
// problem it finds as Errors. It checks the file alone; parameter keys and
// outputs are checked against the base scenario by Plan.
func ParseConfig(name string, data []byte) (*Config, error) {
	// A file that is not valid TOML may be any file: its syntax error is
	// reported without the text it quotes.
	var syntax map[string]any
	if _, err := toml.Decode(string(data), &syntax); err != nil {
		e := fileerr.FromTOML(name, err, ErrSweepFile)
		e.Key, e.Msg = "", "not valid TOML: "+fileerr.RedactSyntax(e.Msg)
		return nil, Errors{e}
	}
	var f file
	md, err := toml.NewDecoder(bytes.NewReader(data)).Decode(&f)
	if err != nil {
		return nil, Errors{fileerr.FromTOML(name, err, ErrSweepFile)}
	}
	k := &configParser{name: name, md: md, loc: newLocator(data), names: map[string]bool{}}
	for _, key := range md.Undecoded() {
		k.add(k.loc.key(key), key.String(), "unknown key")
	}
	if !md.IsDefined("sweep") {
		k.add(0, "sweep", "missing [sweep] table")
		return nil, k.es
	}
	s := &f.Sweep
	k.c = &Config{raw: data, Source: name, Name: s.Name, Description: s.Description, Extends: s.Extends,
		Design: s.Design, Size: s.Size, MorrisLevels: s.MorrisLevels, Replicates: s.Replicates, Seed: uint64(s.Seed)}
	k.header(s)
	k.bounds(s)
	k.params(s.Params)
	k.outputs(s.Outputs)
	if len(k.es) == 0 {
		k.totals()
	}
	if len(k.es) > 0 {
		return nil, k.es
	}
	return k.c, nil
}

// configParser holds what ParseConfig needs while it checks a sweep
// file's parts one by one.
type configParser struct {
	name  string
	md    toml.MetaData
	loc   locator
	es    Errors
	c     *Config
	names map[string]bool // the parameter keys, columns of the results table
}

func (k *configParser) add(line int, key, format string, args ...any) {
	k.es.Add(k.name, line, key, ErrSweepFile, format, args...)
}

// line returns the line of a key of the [sweep] table.
func (k *configParser) line(key string) int { return k.loc.key(toml.Key{"sweep", key}) }

// header checks the [sweep] table's own keys: name, extends, design,
// size, morris_levels, replicates and seed.
func (k *configParser) header(s *sweepDoc) {
	switch {
	case !k.md.IsDefined("sweep", "name"):
		k.c.Name = defaultName(k.name)
	case !ValidName(s.Name):
		k.add(k.line("name"), "sweep.name", "want 1 to %d letters, digits, '.', '_' or '-' (starting with a letter or digit): the name goes into Slurm job names and scripts", MaxNameLen)
	}
	switch {
	case s.Extends == "":
		k.add(0, "sweep.extends", "missing: the base scenario (a shipped name such as \"historical\", or a path)")
	case strings.ContainsAny(s.Extends, `/\`) || strings.HasSuffix(s.Extends, ".toml"):
		p := s.Extends
		if !filepath.IsAbs(p) {
			p = filepath.Join(filepath.Dir(k.name), p)
		}
		if abs, err := filepath.Abs(p); err == nil {
			p = abs
		}
		if !scenarios.ExtendsAnywhere && !scenarios.Within(filepath.Dir(k.name), p) {
			k.add(k.line("extends"), "sweep.extends", "%q is outside the sweep file's directory: extends names a shipped scenario or a file under that directory (-extends-anywhere allows any path)", s.Extends)
		}
		k.c.Base = p
	default:
		k.c.Base = s.Extends
	}
	if !k.md.IsDefined("sweep", "design") {
		k.add(0, "sweep.design", "missing: one of %v", sweep.Kinds)
	} else if !slices.Contains(sweep.Kinds, s.Design) {
		k.add(k.line("design"), "sweep.design", "want one of %v, got %q", sweep.Kinds, s.Design)
	}
	if !k.md.IsDefined("sweep", "size") {
		k.add(0, "sweep.size", "missing (grid: values per parameter; lhs: points; sobol: base samples; morris: trajectories)")
	} else if s.Size < 1 {
		k.add(k.line("size"), "sweep.size", "must be >= 1, got %d", s.Size)
	}
	if k.md.IsDefined("sweep", "morris_levels") && s.Design != sweep.Morris {
		k.add(k.line("morris_levels"), "sweep.morris_levels", "only for design = \"morris\"")
	}
	if !k.md.IsDefined("sweep", "replicates") {
		k.c.Replicates = 1
	} else if s.Replicates < 1 || s.Replicates > MaxReplicates {
		k.add(k.line("replicates"), "sweep.replicates", "must be 1 to %d, got %d", MaxReplicates, s.Replicates)
	}
	if !k.md.IsDefined("sweep", "seed") {
		k.c.Seed = 1
	} else if s.Seed < 0 {
		k.add(k.line("seed"), "sweep.seed", "must be >= 0, got %d", s.Seed)
	}
}

// bounds checks that there are parameters, and at most MaxParams of them
// and MaxOutputs outputs (the rest are dropped, having been reported).
func (k *configParser) bounds(s *sweepDoc) {
	if len(s.Params) == 0 {
		k.add(0, "sweep.param", "no [[sweep.param]]: a sweep varies at least one parameter")
	}
	if len(s.Params) > MaxParams {
		k.add(k.loc.nth("sweep.param", MaxParams), "sweep.param", "%d parameters: at most %d", len(s.Params), MaxParams)
		s.Params = s.Params[:MaxParams]
	}
	if len(s.Outputs) > MaxOutputs {
		k.add(k.loc.nth("sweep.output", MaxOutputs), "sweep.output", "%d outputs: at most %d", len(s.Outputs), MaxOutputs)
		s.Outputs = s.Outputs[:MaxOutputs]
	}
}

// params checks each [[sweep.param]] and keeps the valid ones.
func (k *configParser) params(ps []paramDoc) {
	for i, p := range ps {
		ln := k.loc.nth("sweep.param", i)
		key := fmt.Sprintf("sweep.param[%d]", i+1)
		if p.Key != "" {
			key += " " + p.Key
		}
		q := sweep.Param{Name: p.Key, Levels: p.Levels, Dist: p.Dist, Integer: p.Integer}
		switch {
		case p.Key == "":
			k.add(ln, key, "missing key: the dotted scenario key to vary, such as \"raids.per_month\"")
			continue
		case k.names[p.Key]:
			k.add(ln, key, "varied twice")
			continue
		case reserved[p.Key]:
			k.add(ln, key, "%q is a column of the results table; it cannot be a parameter", p.Key)
			continue
		}
		k.names[p.Key] = true
		switch {
		case len(p.Levels) > 0 && len(p.Range) > 0:
			k.add(ln, key, "range and levels are exclusive")
			continue
		case len(p.Levels) > 0:
			// Equally likely discrete values.
		case len(p.Range) == 2:
			q.Min, q.Max = p.Range[0], p.Range[1]
		default:
			k.add(ln, key, "want range = [min, max] or levels = [v1, v2, ...], got range of %d values", len(p.Range))
			continue
		}
		if p.Mode != nil {
			if p.Dist != sweep.Triangular {
				k.add(ln, key, "mode is only for dist = \"triangular\"")
				continue
			}
			q.Mode = *p.Mode
		} else if p.Dist == sweep.Triangular {
			k.add(ln, key, "dist = \"triangular\" needs mode")
			continue
		}
		if p.Mean != nil || p.SD != nil {
			if p.Dist != sweep.Normal {
				k.add(ln, key, "mean and sd are only for dist = \"normal\"")
				continue
			}
		}
		if p.Dist == sweep.Normal {
			if p.Mean == nil || p.SD == nil {
				k.add(ln, key, "dist = \"normal\" needs mean and sd (truncated to range)")
				continue
			}
			q.Mean, q.SD = *p.Mean, *p.SD
		}
		if err := q.Validate(); err != nil {
			k.add(ln, key, "%s", strings.TrimPrefix(err.Error(), sweep.ErrParam.Error()+": "+p.Key+": "))
			continue
		}
		k.c.Params = append(k.c.Params, q)
	}
}

// outputs checks each [[sweep.output]] and keeps the valid ones.
func (k *configParser) outputs(ws []sim.Window) {
	if len(ws) == 0 {
		k.add(0, "sweep.output", "no [[sweep.output]]: a sweep keeps at least one output statistic")
	}
	outs := map[string]bool{}
	for i, o := range ws {
		ln := k.loc.nth("sweep.output", i)
		key := fmt.Sprintf("sweep.output[%d]", i+1)
		if o.Name != "" {
			key += " " + o.Name
		}
		w := o
		bad := false
		switch {
		case o.Name == "":
			k.add(ln, key, "missing name")
			bad = true
		case outs[o.Name] || k.names[o.Name] || reserved[o.Name]:
			k.add(ln, key, "name %q is already a column (output, parameter, point or replicate)", o.Name)
			bad = true
		}
		outs[o.Name] = true
		if o.Metric == "" {
			k.add(ln, key, "missing metric")
			bad = true
		}
		if w.Scope == "" {
			w.Scope = "total"
		}
		for _, p := range w.Problems(nil) {
			k.add(ln, key, "%s: %s", p.Key, p.Msg)
			bad = true
		}
		if !bad {
			k.c.Outputs = append(k.c.Outputs, w)
		}
	}
}

// totals checks the design's point count and the runs it makes.
func (k *configParser) totals() {
	if n, err := k.c.Spec().PointCount(); err != nil {
		k.add(k.line("size"), "sweep", "%s", strings.TrimPrefix(err.Error(), sweep.ErrDesign.Error()+": "))
	} else if int64(n)*int64(k.c.Replicates) > MaxRuns {
		k.add(k.line("replicates"), "sweep.replicates", "%d points × %d replicates = %d runs: at most %d per sweep", n, k.c.Replicates, int64(n)*int64(k.c.Replicates), MaxRuns)
	}
}

// locator finds the lines of tables and keys in a sweep file, for error
// messages.
type locator struct{ ix *fileerr.Index }

func newLocator(data []byte) locator { return locator{fileerr.NewIndex(string(data))} }

// nth returns the line of the n-th (0-based) element of the array of
// tables named by the dotted table, such as "sweep.param".
func (l locator) nth(table string, n int) int {
	_, p := l.ix.Find(append(strings.Split(table, "."), "#"+strconv.Itoa(n+1)))
	return p.Line
}

// key returns the line of a key: for sweep.x, the line of x within the
// [sweep] table; for a key inside an array of tables, such as
// sweep.param.x, the line of x in the first element that sets it, or
// else the array's first header. 0 when not found.
func (l locator) key(k toml.Key) int {
	n, p := l.ix.Find(k)
	if n == len(k) || len(k) != 3 {
		return p.Line
	}
	for i := 1; ; i++ {
		m, q := l.ix.Find([]string{k[0], k[1], "#" + strconv.Itoa(i), k[2]})
		switch {
		case m == 4:
			return q.Line
		case m < 3:
			return p.Line
		}
	}
}
