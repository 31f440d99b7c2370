package calibrate

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/insurgo/insurgo/internal/textdist"
	"github.com/insurgo/insurgo/scenarios"
	"github.com/insurgo/insurgo/sim"
)

// Problem is a calibration file bound to its base scenarios: every key
// and target checked, ready to run.
type Problem struct {
	Config *Config
	// Bases[m] is model m's base scenario, Calendars[m] its span.
	Bases     []*scenarios.Scenario
	Calendars []sim.Calendar
	// Targets are the fitted targets, as model 0's scenario gives them
	// (every model carries them alike); never checks.
	Targets []scenarios.Target
	// ModelParams[m] lists the indices into Config.Params of model m's
	// parameters, in file order.
	ModelParams [][]int
}

// Bind loads the base scenarios of c and checks every parameter key (that
// it exists and that the model accepts the ends of its prior's support)
// and every target name against them. It returns every problem found.
func Bind(c *Config) (*Problem, error) {
	p := &Problem{Config: c}
	var es Errors
	add := func(line int, key, format string, args ...any) {
		es = append(es, &Error{File: c.Source, Line: line, Key: key, Msg: fmt.Sprintf(format, args...)})
	}
	var loadErrs []error
	for i, m := range c.Models {
		sc, err := scenarios.Load(m.Base)
		if err != nil {
			var se scenarios.Errors
			if errors.As(err, &se) && len(se) == 1 && errors.Is(se[0], scenarios.ErrNotFound) {
				add(c.modelLine[i], modelKey(c, i)+".extends", "%s", se[0].Msg)
				continue
			}
			loadErrs = append(loadErrs, fmt.Errorf("model %s: base scenario %s:\n%w", m.Name, m.Extends, err))
			continue
		}
		cal, err := sc.Calendar()
		if err != nil {
			loadErrs = append(loadErrs, fmt.Errorf("model %s: %w", m.Name, err))
			continue
		}
		p.Bases = append(p.Bases, sc)
		p.Calendars = append(p.Calendars, cal)
	}
	if len(es) > 0 || len(loadErrs) > 0 {
		if len(es) > 0 {
			loadErrs = append([]error{es}, loadErrs...)
		}
		return nil, errors.Join(loadErrs...)
	}

	// Targets: the subset named, or all of model 0's that are not
	// checks, carried alike by every model.
	tl := c.lineOf("targets")
	names := c.Targets
	if len(names) == 0 {
		for _, t := range p.Bases[0].Targets {
			if !t.IsCheck() {
				names = append(names, t.Name)
			}
		}
		if len(names) == 0 {
			add(0, "calibrate.targets", "the base scenario %s has no [[target]] of kind \"target\": nothing to calibrate against", c.Models[0].Extends)
		}
	}
	for _, n := range names {
		var ref *scenarios.Target
		for m, sc := range p.Bases {
			t := findTarget(sc, n)
			if t == nil {
				known := make([]string, len(sc.Targets))
				for i, t := range sc.Targets {
					known[i] = t.Name
				}
				add(tl, "calibrate.targets", "no target %q in %s%s", n, c.Models[m].Extends, textdist.Hint(n, known))
				break
			}
			if t.IsCheck() {
				add(tl, "calibrate.targets", "%q is a check in %s (kind = \"check\": a scenario input echoed back), not a target: checks never enter the distance", n, c.Models[m].Extends)
				break
			}
			if ref == nil {
				ref = t
				continue
			}
			if *t != *ref {
				add(tl, "calibrate.targets", "target %q differs between %s and %s: the competing models must be held against the same observations", n, c.Models[0].Extends, c.Models[m].Extends)
				break
			}
		}
		if ref != nil {
			p.Targets = append(p.Targets, *ref)
		}
	}

	// Parameters: each key must exist in the models it applies to and
	// accept both ends of its prior's support.
	p.ModelParams = make([][]int, len(c.Models))
	for i, ps := range c.Params {
		key := "calibrate.param." + ps.Key
		ln := c.paramLine[i]
		for m, sc := range p.Bases {
			if len(ps.Models) > 0 && !slices.Contains(ps.Models, c.Models[m].Name) {
				continue
			}
			p.ModelParams[m] = append(p.ModelParams[m], i)
			if msg := checkKey(sc, &p.Calendars[m], ps); msg != "" {
				if len(c.Models) > 1 {
					msg = "model " + c.Models[m].Name + ": " + msg
				}
				add(ln, key, "%s", msg)
				break
			}
		}
	}
	for m, ix := range p.ModelParams {
		if len(ix) == 0 && len(c.Params) > 0 {
			add(c.modelLine[m], modelKey(c, m), "no [[calibrate.param]] applies to this model")
		}
	}
	if len(es) > 0 {
		return nil, es
	}
	return p, nil
}

// checkKey applies ps.Key at the ends of its prior's support (the mean
// where unbounded) and returns what the scenario says about it, or "".
func checkKey(sc *scenarios.Scenario, cal *sim.Calendar, ps ParamSpec) string {
	lo, hi := ps.Prior.Support()
	if ps.Prior.Dist == Beta {
		lo, hi = 1e-9, 1-1e-9 // a beta never draws its ends
	}
	var vals []float64
	for _, v := range []float64{lo, hi} {
		if !math.IsInf(v, 0) {
			vals = append(vals, v)
		}
	}
	if len(vals) < 2 {
		vals = append(vals, ps.Prior.Mean)
		if ps.Prior.Dist == LogNormal {
			vals[len(vals)-1] = math.Exp(ps.Prior.Mean)
		}
	}
	for _, v := range vals {
		s, err := sc.With(overrides([]string{ps.Key}, []float64{v}, []bool{ps.Integer}))
		if err == nil {
			_, err = s.BoundedFactory(cal)
		}
		if err != nil {
			var se scenarios.Errors
			if errors.As(err, &se) {
				msgs := make([]string, len(se))
				for i, e := range se {
					msgs[i] = e.Msg
				}
				return fmt.Sprintf("at %v (an end of the prior %s): %s", v, ps.Prior, strings.Join(msgs, "; "))
			}
			return fmt.Sprintf("at %v (an end of the prior %s): %v", v, ps.Prior, err)
		}
	}
	return ""
}

// overrides returns the With argument of keys = values.
func overrides(keys []string, vals []float64, integer []bool) map[string]any {
	ov := make(map[string]any, len(keys))
	for i, k := range keys {
		if integer[i] {
			ov[k] = int64(math.Round(vals[i]))
		} else {
			ov[k] = vals[i]
		}
	}
	return ov
}

func findTarget(sc *scenarios.Scenario, name string) *scenarios.Target {
	for i := range sc.Targets {
		if sc.Targets[i].Name == name {
			return &sc.Targets[i]
		}
	}
	return nil
}

// modelKey names model m in errors.
func modelKey(c *Config, m int) string {
	if len(c.Models) == 1 {
		return "calibrate"
	}
	return "calibrate.model." + c.Models[m].Name
}

// lineOf returns the line of key k in [calibrate].
func (c *Config) lineOf(k string) int {
	return newLocator(string(c.Raw)).keyIn("calibrate", -1, k)
}
