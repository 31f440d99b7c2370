package main

import (
	"fmt"
	"strings"

	"github.com/BurntSushi/toml"

	"github.com/insurgo/insurgo/scenarios"
)

// setFlag collects repeated -set KEY=VALUE flags, in the order given.
type setFlag []string

// String implements flag.Value.
func (s *setFlag) String() string { return strings.Join(*s, " ") }

// Set implements flag.Value: it checks the KEY=VALUE form.
func (s *setFlag) Set(v string) error {
	k, _, ok := strings.Cut(v, "=")
	if !ok || strings.TrimSpace(k) == "" {
		return fmt.Errorf("want KEY=VALUE, such as raids.per_month=4 or region.Nangarhar.grievance=0.6, got %q", v)
	}
	*s = append(*s, v)
	return nil
}

// setUsage is the help line of -set.
const setUsage = "override a scenario setting, KEY=VALUE with KEY a dotted path as sweeps take (attacks.rate=0.2, region.Nangarhar.grievance=0.6, start=2022-01-01); VALUE is read as TOML, else as a string; repeatable"

// overrides parses -set pairs into the map (*scenarios.Scenario).With
// takes: each VALUE is a TOML value (number, boolean, date, array,
// quoted string), and a bare word that is none of these is a string. A
// key given twice keeps its last value.
func (s setFlag) overrides() (map[string]any, error) {
	out := map[string]any{}
	for _, kv := range s {
		k, v, _ := strings.Cut(kv, "=")
		k, v = strings.TrimSpace(k), strings.TrimSpace(v)
		var doc map[string]any
		if _, err := toml.Decode("v = "+v, &doc); err == nil {
			out[k] = doc["v"]
		} else {
			out[k] = v
		}
	}
	return out, nil
}

// applySets returns sc with the -set overrides applied and validated as if
// the scenario's file had set them; errors name the key.
func applySets(sc *scenarios.Scenario, s setFlag) (*scenarios.Scenario, error) {
	if len(s) == 0 {
		return sc, nil
	}
	ov, err := s.overrides()
	if err != nil {
		return nil, asUsage(err)
	}
	out, err := sc.With(ov)
	if err != nil {
		return nil, asUsage(fmt.Errorf("-set on scenario %s: %w", sc.Name, err))
	}
	return out, nil
}
