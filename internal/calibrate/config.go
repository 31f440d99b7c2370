package calibrate

import (
	"bytes"
	"errors"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/BurntSushi/toml"

	"github.com/insurgo/insurgo/internal/fileerr"
	"github.com/insurgo/insurgo/internal/textdist"
)

// Config is a parsed calibration file.
type Config struct {
	Source      string // the file it came from, as named in errors
	Name        string
	Description string
	// Models are the competing base scenarios: one for a plain
	// calibration ([calibrate] extends), several for model choice
	// ([[calibrate.model]]).
	Models []ModelSpec
	// Params are the settings calibrated, in file order.
	Params []ParamSpec
	// Targets is the subset of the base scenario's [[target]]s fitted, by
	// name; empty means every target.
	Targets        []string
	Population     int
	MaxGenerations int
	Budget         int     // total simulations; 0 means none
	MinAcceptance  float64 // 0 means none
	FinalEpsilon   float64 // 0 means none
	Quantile       float64 // epsilon quantile; default 0.5
	Kernel         string  // "mvn" (default) or "olcm"
	BatchSize      int     // proposals per batch; 0 lets sim/abc choose
	Seed           uint64

	// Raw is the file as read; it is copied into the output directory
	// and its hash is recorded.
	Raw []byte
	// lines of each param and model, for errors found against scenarios.
	paramLine, modelLine []int
}

// ModelSpec is one competing model: a base scenario and its prior
// probability.
type ModelSpec struct {
	Name    string
	Extends string  // as written
	Base    string  // a shipped name, or the file path resolved against the calibration file
	Prior   float64 // prior probability (normalised over the models)
}

// ParamSpec is one calibrated setting.
type ParamSpec struct {
	Key     string // dotted scenario key, as sweeps take
	Prior   PriorSpec
	Integer bool
	// Models restricts the parameter to the named models; empty means
	// every model.
	Models []string
}

// Kernels are the perturbation kernels a file may name.
var Kernels = []string{"mvn", "olcm"}

// file is the TOML form of a calibration file.
type file struct {
	Calibrate calibrateTable `toml:"calibrate"`
}

// calibrateTable is the file's [calibrate] table.
type calibrateTable struct {
	Name           string     `toml:"name"`
	Description    string     `toml:"description"`
	Extends        string     `toml:"extends"`
	Population     int        `toml:"population"`
	MaxGenerations int        `toml:"max_generations"`
	Budget         int        `toml:"budget"`
	MinAcceptance  float64    `toml:"min_acceptance"`
	FinalEpsilon   float64    `toml:"final_epsilon"`
	Quantile       float64    `toml:"quantile"`
	Kernel         string     `toml:"kernel"`
	BatchSize      int        `toml:"batch_size"`
	Seed           int64      `toml:"seed"`
	Targets        []string   `toml:"targets"`
	Models         []modelDoc `toml:"model"`
	Params         []paramDoc `toml:"param"`
}

type modelDoc struct {
	Name    string   `toml:"name"`
	Extends string   `toml:"extends"`
	Prior   *float64 `toml:"prior"`
}

type paramDoc struct {
	Key     string    `toml:"key"`
	Prior   string    `toml:"prior"`
	Range   []float64 `toml:"range"`
	Mean    *float64  `toml:"mean"`
	SD      *float64  `toml:"sd"`
	Alpha   *float64  `toml:"alpha"`
	Beta    *float64  `toml:"beta"`
	Integer bool      `toml:"integer"`
	Models  []string  `toml:"models"`
}

// known keys per table, for "did you mean" hints.
var (
	topKeys       = []string{"calibrate"}
	calibrateKeys = []string{"name", "description", "extends", "population", "max_generations", "budget",
		"min_acceptance", "final_epsilon", "quantile", "kernel", "batch_size", "seed", "targets", "model", "param"}
	modelKeys = []string{"name", "extends", "prior"}
	paramKeys = []string{"key", "prior", "range", "mean", "sd", "alpha", "beta", "integer", "models"}
)

// Defaults of optional keys.
const (
	DefaultMaxGenerations = 10
	DefaultQuantile       = 0.5
	DefaultSeed           = 1
)

// ReadConfig reads and parses the calibration file at path.
func ReadConfig(path string) (*Config, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, Errors{{File: path, Msg: err.Error()}}
	}
	return ParseConfig(path, data)
}

// ParseConfig parses a calibration file read from name and returns every
// problem it finds as Errors. It checks the file alone; Bind checks its
// keys and targets against the base scenarios.
func ParseConfig(name string, data []byte) (*Config, error) {
	// A file that is not valid TOML may be any file: its syntax error is
	// reported without the text it quotes.
	var syntax map[string]any
	if _, err := toml.Decode(string(data), &syntax); err != nil {
		e := fileerr.FromTOML(name, err, nil)
		return nil, Errors{{File: name, Line: e.Line, Msg: "not valid TOML: " + fileerr.RedactSyntax(e.Msg)}}
	}
	var f file
	md, err := toml.NewDecoder(bytes.NewReader(data)).Decode(&f)
	if err != nil {
		var pe toml.ParseError
		if errors.As(err, &pe) {
			return nil, Errors{{File: name, Line: pe.Position.Line, Key: pe.LastKey, Msg: pe.Message}}
		}
		return nil, Errors{{File: name, Msg: err.Error()}}
	}
	ck := &configChecker{name: name, md: md, loc: newLocator(string(data)), s: f.Calibrate}
	ck.unknownKeys()
	if !md.IsDefined("calibrate") {
		ck.add(0, "calibrate", "missing [calibrate] table")
		return nil, ck.es
	}
	s := f.Calibrate
	c := &Config{Raw: data, Source: name, Name: s.Name, Description: s.Description,
		Population: s.Population, MaxGenerations: s.MaxGenerations, Budget: s.Budget,
		MinAcceptance: s.MinAcceptance, FinalEpsilon: s.FinalEpsilon, Quantile: s.Quantile,
		Kernel: s.Kernel, BatchSize: s.BatchSize, Seed: uint64(s.Seed), Targets: s.Targets}
	if c.Name == "" {
		c.Name = strings.TrimSuffix(filepath.Base(name), filepath.Ext(name))
	}
	ck.models(c)
	ck.runSettings(c)
	ck.params(c)
	if len(ck.es) > 0 {
		return nil, ck.es
	}
	return c, nil
}

// configChecker gathers the problems of one calibration file, each with
// its file, line and key.
type configChecker struct {
	name string
	md   toml.MetaData
	loc  *locator
	s    calibrateTable
	es   Errors
}

func (ck *configChecker) add(line int, key, format string, args ...any) {
	ck.es = append(ck.es, &Error{File: ck.name, Line: line, Key: key, Msg: fmt.Sprintf(format, args...)})
}

// line is the line of a key of [calibrate]; defined whether it is set.
func (ck *configChecker) line(k string) int     { return ck.loc.keyIn("calibrate", -1, k) }
func (ck *configChecker) defined(k string) bool { return ck.md.IsDefined("calibrate", k) }

// unknownKeys reports every key the file sets that no table knows, with
// the nearest known one as a hint.
func (ck *configChecker) unknownKeys() {
	for _, k := range ck.md.Undecoded() {
		var known []string
		switch {
		case len(k) == 1:
			known = topKeys
		case len(k) == 2:
			known = calibrateKeys
		case k[1] == "model":
			known = modelKeys
		case k[1] == "param":
			known = paramKeys
		}
		ck.add(ck.loc.key(k), k.String(), "unknown key%s", textdist.Hint(k[len(k)-1], known))
	}
}

// models checks extends or the [[calibrate.model]] elements and fills
// c.Models.
func (ck *configChecker) models(c *Config) {
	s, loc, name := ck.s, ck.loc, ck.name
	switch {
	case s.Extends != "" && len(s.Models) > 0:
		ck.add(ck.line("extends"), "calibrate.extends", "give either extends (one base scenario) or [[calibrate.model]] (model choice), not both")
	case s.Extends == "" && len(s.Models) == 0:
		ck.add(0, "calibrate.extends", "missing: the base scenario (a shipped name such as \"historical\", or a path), or [[calibrate.model]] elements for model choice")
	case s.Extends != "":
		c.Models = []ModelSpec{{Name: baseName(s.Extends), Extends: s.Extends, Base: resolve(name, s.Extends), Prior: 1}}
		c.modelLine = []int{ck.line("extends")}
	default:
		names := map[string]bool{}
		for i, m := range s.Models {
			ln := loc.nth("calibrate.model", i)
			key := fmt.Sprintf("calibrate.model[%d]", i+1)
			if m.Name != "" {
				key = "calibrate.model." + m.Name
			}
			bad := false
			switch {
			case m.Name == "":
				ck.add(ln, key, "missing name")
				bad = true
			case names[m.Name]:
				ck.add(ln, key, "duplicate name %q", m.Name)
				bad = true
			}
			names[m.Name] = true
			if m.Extends == "" {
				ck.add(ln, key+".extends", "missing: the model's base scenario")
				bad = true
			}
			p := 1.0 // equal weights unless given
			if m.Prior != nil {
				p = *m.Prior
				if !(p > 0) || math.IsInf(p, 0) {
					ck.add(loc.keyIn("calibrate.model", i, "prior"), key+".prior", "must be a finite number > 0 (a prior model weight), got %v", p)
					bad = true
				}
			}
			if !bad {
				c.Models = append(c.Models, ModelSpec{Name: m.Name, Extends: m.Extends, Base: resolve(name, m.Extends), Prior: p})
				c.modelLine = append(c.modelLine, ln)
			}
		}
		if len(s.Models) == 1 {
			ck.add(loc.nth("calibrate.model", 0), "calibrate.model", "one [[calibrate.model]] is no choice: use extends for a single base scenario")
		}
	}
}

// runSettings checks the population, stop rules, kernel, seed and
// targets, and fills their defaults in c.
func (ck *configChecker) runSettings(c *Config) {
	s := ck.s
	switch {
	case !ck.defined("population"):
		ck.add(0, "calibrate.population", "missing: particles per generation (for example 200)")
	case s.Population < 1:
		ck.add(ck.line("population"), "calibrate.population", "must be >= 1, got %d", s.Population)
	}
	if !ck.defined("max_generations") {
		c.MaxGenerations = DefaultMaxGenerations
	} else if s.MaxGenerations < 1 {
		ck.add(ck.line("max_generations"), "calibrate.max_generations", "must be >= 1, got %d", s.MaxGenerations)
	}
	if ck.defined("budget") && s.Budget < 0 {
		ck.add(ck.line("budget"), "calibrate.budget", "must be >= 0 (0 = no budget), got %d", s.Budget)
	} else if ck.defined("budget") && s.Budget > 0 && s.Population >= 1 && s.Budget < s.Population {
		ck.add(ck.line("budget"), "calibrate.budget", "%d simulations is below one generation (population %d): the first generation alone simulates at least population proposals", s.Budget, s.Population)
	}
	checkFrac := func(k string, v float64, lo string, closed bool) {
		if !ck.defined(k) {
			return
		}
		ok := !math.IsNaN(v) && v <= 1 && (v > 0 || closed && v == 0)
		if !ok {
			ck.add(ck.line(k), "calibrate."+k, "must be in %s1], got %v", lo, v)
		}
	}
	checkFrac("min_acceptance", s.MinAcceptance, "[0, ", true)
	if !ck.defined("quantile") {
		c.Quantile = DefaultQuantile
	} else if math.IsNaN(s.Quantile) || !(s.Quantile > 0 && s.Quantile < 1) {
		ck.add(ck.line("quantile"), "calibrate.quantile", "must be in (0, 1), got %v", s.Quantile)
	}
	if ck.defined("final_epsilon") && (math.IsNaN(s.FinalEpsilon) || s.FinalEpsilon < 0 || math.IsInf(s.FinalEpsilon, 0)) {
		ck.add(ck.line("final_epsilon"), "calibrate.final_epsilon", "must be a finite number >= 0 (0 = none), got %v", s.FinalEpsilon)
	}
	if !ck.defined("kernel") {
		c.Kernel = Kernels[0]
	} else if !slices.Contains(Kernels, s.Kernel) {
		ck.add(ck.line("kernel"), "calibrate.kernel", "want one of %v, got %q%s", Kernels, s.Kernel, textdist.Hint(s.Kernel, Kernels))
	}
	if ck.defined("batch_size") && s.BatchSize < 1 {
		ck.add(ck.line("batch_size"), "calibrate.batch_size", "must be >= 1, got %d", s.BatchSize)
	}
	if !ck.defined("seed") {
		c.Seed = DefaultSeed
	} else if s.Seed < 0 {
		ck.add(ck.line("seed"), "calibrate.seed", "must be >= 0, got %d", s.Seed)
	}
	seenT := map[string]bool{}
	for _, t := range s.Targets {
		if seenT[t] {
			ck.add(ck.line("targets"), "calibrate.targets", "target %q listed twice", t)
		}
		seenT[t] = true
	}
	if ck.defined("targets") && len(s.Targets) == 0 {
		ck.add(ck.line("targets"), "calibrate.targets", "empty: leave it out to fit every target")
	}
}

// params checks the [[calibrate.param]] elements and fills c.Params.
func (ck *configChecker) params(c *Config) {
	s, loc := ck.s, ck.loc
	if len(s.Params) == 0 {
		ck.add(0, "calibrate.param", "no [[calibrate.param]]: a calibration varies at least one setting")
	}
	keys := map[string]bool{}
	modelNames := make([]string, len(c.Models))
	for i, m := range c.Models {
		modelNames[i] = m.Name
	}
	for i, p := range s.Params {
		ln := loc.nth("calibrate.param", i)
		key := fmt.Sprintf("calibrate.param[%d]", i+1)
		if p.Key != "" {
			key = "calibrate.param." + p.Key
		}
		switch {
		case p.Key == "":
			ck.add(ln, key, "missing key: the dotted scenario key to calibrate, such as \"attacks.rate\"")
			continue
		case keys[p.Key]:
			ck.add(ln, key, "calibrated twice")
			continue
		}
		keys[p.Key] = true
		bad := false
		for _, m := range p.Models {
			if s.Extends != "" {
				ck.add(loc.keyIn("calibrate.param", i, "models"), key+".models", "only with [[calibrate.model]]")
				bad = true
				break
			}
			if !slices.Contains(modelNames, m) {
				ck.add(loc.keyIn("calibrate.param", i, "models"), key+".models", "no model %q%s", m, textdist.Hint(m, modelNames))
				bad = true
			}
		}
		ps, pk, err := priorSpec(p)
		if err != "" {
			ck.add(loc.keyIn("calibrate.param", i, pk), key+"."+pk, "%s", err)
			bad = true
		}
		if p.Integer && ps.Dist != "" && !bad {
			if lo, hi := ps.Support(); math.IsInf(lo, 0) || math.IsInf(hi, 0) {
				ck.add(ln, key+".integer", "an integer setting needs a bounded prior (uniform, log_uniform, trunc_normal)")
				bad = true
			}
		}
		if !bad {
			c.Params = append(c.Params, ParamSpec{Key: p.Key, Prior: ps, Integer: p.Integer, Models: p.Models})
			c.paramLine = append(c.paramLine, loc.keyIn("calibrate.param", i, "key"))
		}
	}
}

// resolve returns extends resolved against the calibration file: shipped
// names stay bare, paths become absolute.
func resolve(file, extends string) string {
	if !(strings.ContainsAny(extends, `/\`) || strings.HasSuffix(extends, ".toml")) {
		return extends
	}
	p := extends
	if !filepath.IsAbs(p) {
		p = filepath.Join(filepath.Dir(file), p)
	}
	if abs, err := filepath.Abs(p); err == nil {
		p = abs
	}
	return p
}

// baseName is a model's name from its extends: the file's base name
// without .toml.
func baseName(extends string) string {
	return strings.TrimSuffix(filepath.Base(extends), ".toml")
}
