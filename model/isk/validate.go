package isk

import (
	"fmt"
	"math"
	"slices"
	"sort"
	"time"

	"github.com/insurgo/insurgo/internal/textdist"
	"github.com/insurgo/insurgo/sim"
)

// Problem is one invalid setting. Table is the array-of-tables name or top
// table ("region", "raids"), Item the name of the array element ("" if not
// an array), Key the key within it (may be dotted), Msg what was expected
// and what was got.
type Problem struct {
	Table, Item, Key, Msg string
}

// String formats p as table.item.key: msg (item omitted when empty).
func (p Problem) String() string {
	s := p.Table
	if p.Item != "" {
		s += "." + p.Item
	}
	if p.Key != "" {
		s += "." + p.Key
	}
	return s + ": " + p.Msg
}

// Groups lists the region groups the model knows, in report order.
var Groups = []string{"east", "kabul", "north", "other", "kp", "abroad"}

// checker collects problems.
type checker struct{ ps []Problem }

func (c *checker) add(table, item, key, format string, args ...any) {
	c.ps = append(c.ps, Problem{table, item, key, fmt.Sprintf(format, args...)})
}

func (c *checker) finite(table, item, key string, v float64) bool {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		c.add(table, item, key, "must be a finite number, got %v", v)
		return false
	}
	return true
}

// items checks the length of an array of tables against MaxItems.
func (c *checker) items(table string, n int) {
	if n > MaxItems {
		c.add(table, "", "", "%d elements: at most %d", n, MaxItems)
	}
}

// names checks that every element has a unique non-empty name and returns
// the set of names.
func (c *checker) names(table string, names []string) map[string]bool {
	set := map[string]bool{}
	for i, n := range names {
		if n == "" {
			c.add(table, fmt.Sprintf("#%d", i+1), "name", "must be a non-empty name")
			continue
		}
		if set[n] {
			c.add(table, n, "name", "duplicate name %q", n)
		}
		set[n] = true
	}
	return set
}

// nameList returns the Name of every element of xs.
func nameList[T any](xs []T, name func(T) string) []string {
	out := make([]string, len(xs))
	for i, x := range xs {
		out[i] = name(x)
	}
	return out
}

// Validate returns every problem with p, in a deterministic order: the
// declared ranges of every setting (settings.go), the bounds on the whole
// (bounds.go), then what ties settings together, table by table. It never
// changes p.
func (p *Params) Validate() []Problem {
	c := &checker{}
	p.checkRanges(c)
	p.checkPosture(c)
	p.checkStart(c)
	p.checkTotals(c)
	if len(c.ps) > 0 && len(p.Leaders) > MaxItems {
		return c.ps // the checks of pairs below would take too long
	}
	regions := p.checkRegions(c)
	p.checkBorders(c, regions)
	p.checkAttackTypes(c)
	ranks := p.checkRanks(c)
	p.checkLeaders(c, ranks, regions)
	p.checkPools(c, regions)
	p.checkRaidPhases(c)
	return c.ps
}

// checkPosture checks what ties posture settings together.
func (p *Params) checkPosture(c *checker) {
	if po := p.Posture; po.Release > po.Threshold {
		c.add("posture", "", "release", "must be <= threshold (%g), got %g", po.Threshold, po.Release)
	}
}

// checkStart checks that the start shares leave a non-negative rest.
func (p *Params) checkStart(c *checker) {
	if k := p.ISK; k.StartCore+k.StartKP > 1 {
		c.add("isk", "", "start_kp", "start_core + start_kp must be <= 1, got %g + %g", k.StartCore, k.StartKP)
	}
}

// checkTotals checks the bounds of bounds.go on sums and counts.
func (p *Params) checkTotals(c *checker) {
	total := 0
	for _, r := range p.Regions {
		if r.Cells > 0 && r.Cells <= MaxCellsPerRegion {
			total += r.Cells
		}
	}
	if total > MaxCells {
		c.add("region", "", "cells", "%d cells over all regions: at most %d", total, MaxCells)
	}
	recruits := 0.0
	for _, l := range p.Pools {
		if l.Size > 0 && l.Size <= MaxPoolSize && l.Susceptibility > 0 && l.Susceptibility <= 1 {
			recruits += l.Size * l.Susceptibility
		}
	}
	if recruits > MaxPoolRecruits {
		c.add("pool", "", "size", "the sum over pools of size × susceptibility must be <= %d expected recruits a month, got %g", MaxPoolRecruits, recruits)
	}
	c.items("region", len(p.Regions))
	c.items("border", len(p.Borders))
	c.items("attack_type", len(p.AttackTypes))
	c.items("rank", len(p.Ranks))
	c.items("leader", len(p.Leaders))
	c.items("language", len(p.Languages))
	c.items("pool", len(p.Pools))
	c.items("raid_phase", len(p.RaidPhases))
}

// checkRegions checks names, countries, groups, targets and neighbours,
// and returns the set of region names.
func (p *Params) checkRegions(c *checker) map[string]bool {
	const t = "region"
	names := nameList(p.Regions, func(r Region) string { return r.Name })
	regions := c.names(t, names)
	if len(p.Regions) == 0 {
		c.add(t, "", "", "must list at least one region")
	}
	for _, r := range p.Regions {
		if r.Country == "" {
			c.add(t, r.Name, "country", "must be a lower-case country name, got nothing%s", typoHint(t, r.Name, names))
		} else if !lowerWord(r.Country) {
			c.add(t, r.Name, "country", "must be a lower-case country name such as afghanistan, got %q", r.Country)
		}
		if !slices.Contains(Groups, r.Group) {
			c.add(t, r.Name, "group", "must be one of %v, got %q%s", Groups, r.Group, nearest(r.Group, Groups))
		}
		if r.Cells > 0 && r.Group == "abroad" {
			c.add(t, r.Name, "cells", "must be 0 in an abroad region (cells live in Afghanistan and Pakistan), got %d", r.Cells)
		}
		for _, k := range sortedKeys(r.Targets) {
			if v := r.Targets[k]; c.finite(t, r.Name, "targets."+k, v) && v < 0 {
				c.add(t, r.Name, "targets."+k, "must be >= 0, got %g", v)
			}
		}
		for _, n := range r.Neighbors {
			switch {
			case !regions[n]:
				c.add(t, r.Name, "neighbors", "unknown region %q%s", n, nearest(n, mapKeys(regions)))
			case n == r.Name:
				c.add(t, r.Name, "neighbors", "a region cannot neighbour itself")
			}
		}
	}
	return regions
}

// checkBorders checks border names and links.
func (p *Params) checkBorders(c *checker, regions map[string]bool) {
	const t = "border"
	c.names(t, nameList(p.Borders, func(b Border) string { return b.Name }))
	for _, b := range p.Borders {
		if len(b.Links) == 0 {
			c.add(t, b.Name, "links", "must list at least one [region, region] pair")
		}
		for i, l := range b.Links {
			key := fmt.Sprintf("links[%d]", i)
			if len(l) != 2 {
				c.add(t, b.Name, key, "must be a pair [region, region], got %d names", len(l))
				continue
			}
			for _, n := range l {
				if !regions[n] {
					c.add(t, b.Name, key, "unknown region %q%s", n, nearest(n, mapKeys(regions)))
				}
			}
			if l[0] == l[1] {
				c.add(t, b.Name, key, "a region cannot border itself")
			}
		}
	}
}

// checkAttackTypes checks attack type names and their target kinds.
func (p *Params) checkAttackTypes(c *checker) {
	const t = "attack_type"
	kinds := map[string]bool{}
	for _, r := range p.Regions {
		for k := range r.Targets {
			kinds[k] = true
		}
	}
	names := nameList(p.AttackTypes, func(a AttackType) string { return a.Name })
	c.names(t, names)
	if len(p.AttackTypes) == 0 {
		c.add(t, "", "", "must list at least one attack type")
	}
	for _, a := range p.AttackTypes {
		if a.Target == "" {
			c.add(t, a.Name, "target", "must name a target kind offered by regions, got nothing%s", typoHint(t, a.Name, names))
		} else if !kinds[a.Target] {
			c.add(t, a.Name, "target", "no region offers target kind %q (known: %v)", a.Target, sortedKeys(kinds))
		}
	}
}

// checkRanks checks rank names and returns them as a set.
func (p *Params) checkRanks(c *checker) map[string]bool {
	ranks := c.names("rank", nameList(p.Ranks, func(r Rank) string { return r.Name }))
	if !ranks["commander"] {
		c.add("rank", "", "", `must include a rank named "commander" (every cell's own commander)`)
	}
	return ranks
}

// checkLeaders checks the leaders' ranks, superiors, regions, groups,
// kill dates and the hierarchy's cycles.
func (p *Params) checkLeaders(c *checker, ranks, regions map[string]bool) {
	const t = "leader"
	names := nameList(p.Leaders, func(l Leader) string { return l.Name })
	leaders := c.names(t, names)
	for _, l := range p.Leaders {
		if l.Rank == "" {
			c.add(t, l.Name, "rank", "must name a rank, got nothing%s", typoHint(t, l.Name, names))
		} else if !ranks[l.Rank] {
			c.add(t, l.Name, "rank", "unknown rank %q (known: %v)", l.Rank, nameList(p.Ranks, func(r Rank) string { return r.Name }))
		}
		if l.Parent != "" && !leaders[l.Parent] {
			c.add(t, l.Name, "parent", "unknown leader %q%s", l.Parent, nearest(l.Parent, mapKeys(leaders)))
		}
		if l.Parent == l.Name && l.Name != "" {
			c.add(t, l.Name, "parent", "a leader cannot be their own superior")
		}
		if !regions[l.Region] {
			c.add(t, l.Name, "region", "unknown region %q%s", l.Region, nearest(l.Region, mapKeys(regions)))
		}
		for _, g := range l.Groups {
			if !slices.Contains(Groups, g) {
				c.add(t, l.Name, "groups", "must be among %v, got %q%s", Groups, g, nearest(g, Groups))
			}
		}
		if l.Killed != "" {
			if _, err := time.Parse(time.DateOnly, l.Killed); err != nil {
				c.add(t, l.Name, "killed", "must be a date YYYY-MM-DD, got %q", l.Killed)
			}
		}
	}
	parent := map[string]string{}
	for _, l := range p.Leaders {
		parent[l.Name] = l.Parent
	}
	for _, l := range p.Leaders {
		seen := map[string]bool{}
		for n := l.Name; n != ""; n = parent[n] {
			if seen[n] {
				c.add(t, l.Name, "parent", "the chain of superiors loops back to %q", n)
				break
			}
			seen[n] = true
		}
	}
}

// checkPools checks language names, and pools' regions and languages.
func (p *Params) checkPools(c *checker, regions map[string]bool) {
	langs := c.names("language", nameList(p.Languages, func(l Language) string { return l.Name }))
	pools := nameList(p.Pools, func(l Pool) string { return l.Name })
	c.names("pool", pools)
	for _, l := range p.Pools {
		if l.Region == "" {
			c.add("pool", l.Name, "region", "must name a region, got nothing%s", typoHint("pool", l.Name, pools))
		} else if !regions[l.Region] {
			c.add("pool", l.Name, "region", "unknown region %q%s", l.Region, nearest(l.Region, mapKeys(regions)))
		}
		for _, n := range l.Languages {
			if !langs[n] {
				c.add("pool", l.Name, "languages", "unknown language %q%s", n, nearest(n, mapKeys(langs)))
			}
		}
	}
}

// checkRaidPhases checks that every phase starts in a month of its own.
func (p *Params) checkRaidPhases(c *checker) {
	const t = "raid_phase"
	names := nameList(p.RaidPhases, func(ph RaidPhase) string { return ph.Name })
	c.names(t, names)
	froms := map[sim.Month]string{}
	for _, ph := range p.RaidPhases {
		if ph.From.IsZero() {
			c.add(t, ph.Name, "from", "must be a month YYYY-MM, got nothing%s", typoHint(t, ph.Name, names))
			continue
		}
		if other, ok := froms[ph.From]; ok {
			c.add(t, ph.Name, "from", "starts in the same month %s as phase %q", ph.From, other)
		}
		froms[ph.From] = ph.Name
	}
}

// typoHint explains an element that lacks a key every element needs when
// its name is close to another element's: a file that extends another
// adds an element under a name it does not inherit, so a misspelt name
// becomes a new, incomplete element instead of a change to the one
// meant.
func typoHint(table, name string, names []string) string {
	others := slices.DeleteFunc(slices.Clone(names), func(n string) bool { return n == name })
	if k, ok := textdist.Nearest(name, others); ok && name != "" {
		return fmt.Sprintf(" ([[%s]] %q is a new element: did you mean %q?)", table, name, k)
	}
	return ""
}

// nearest returns a did-you-mean hint for an unknown name, or "".
func nearest(s string, known []string) string {
	if k, ok := textdist.Nearest(s, known); ok && s != "" {
		return fmt.Sprintf(" (did you mean %q?)", k)
	}
	return ""
}

func mapKeys(m map[string]bool) []string {
	return sortedKeys(m)
}

func lowerWord(s string) bool {
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r == '_' || r == '-') {
			return false
		}
	}
	return s != ""
}

func sortedKeys[V any](m map[string]V) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}
