package model

import (
	"fmt"
	"math"
	"slices"
	"sort"
	"time"

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

// unit checks 0 <= v <= 1.
func (c *checker) unit(table, item, key string, v float64) {
	if c.finite(table, item, key, v) && (v < 0 || v > 1) {
		c.add(table, item, key, "must be in [0, 1], got %g", v)
	}
}

// nonneg checks v >= 0.
func (c *checker) nonneg(table, item, key string, v float64) {
	if c.finite(table, item, key, v) && v < 0 {
		c.add(table, item, key, "must be >= 0, got %g", v)
	}
}

// pos checks v > 0.
func (c *checker) pos(table, item, key string, v float64) {
	if c.finite(table, item, key, v) && v <= 0 {
		c.add(table, item, key, "must be > 0, got %g", v)
	}
}

// atLeast checks v >= lo.
func (c *checker) atLeast(table, item, key string, v, lo float64) {
	if c.finite(table, item, key, v) && v < lo {
		c.add(table, item, key, "must be >= %g, got %g", lo, v)
	}
}

// atMost checks v <= hi, one of the upper bounds of bounds.go.
func (c *checker) atMost(table, item, key string, v, hi float64) {
	if !math.IsNaN(v) && v > hi {
		c.add(table, item, key, "must be <= %g (an upper bound on what scales work or memory), got %g", hi, v)
	}
}

// items checks the length of an array of tables against MaxItems.
func (c *checker) items(table string, n int) {
	if n > MaxItems {
		c.add(table, "", "", "%d elements: at most %d", n, MaxItems)
	}
}

// validateBounds checks the upper bounds of bounds.go.
func (p *Params) validateBounds(c *checker) {
	c.atMost("isk", "", "fighters_per_cell", p.ISK.FighterPerCell, MaxFightersPerCell)
	c.atMost("isk", "", "split_size", float64(p.ISK.SplitSize), MaxCellSize)
	c.atMost("isk", "", "new_cell_size", float64(p.ISK.NewCellSize), MaxCellSize)
	c.atMost("attacks", "", "rate", p.Attacks.Rate, MaxAttackRate)
	c.atMost("raids", "", "per_month", p.Raids.PerMonth, MaxRaidsPerMonth)
	c.atMost("pakistan", "", "per_month", p.Pakistan.PerMonth, MaxRaidsPerMonth)
	c.atMost("posture", "", "memory", p.Posture.Memory, MaxMemoryMonths)
	c.atMost("posture", "", "recovery", p.Posture.Recovery, MaxMemoryMonths)
	c.atMost("recruitment", "", "notoriety_memory", p.Recruitment.NotorietyMemory, MaxMemoryMonths)
	total := 0
	for _, r := range p.Regions {
		c.atMost("region", r.Name, "cells", float64(r.Cells), MaxCellsPerRegion)
		c.atMost("region", r.Name, "fighters_per_cell", r.FightersPerCell, MaxFightersPerCell)
		c.atMost("region", r.Name, "population", r.Population, MaxPopulation)
		if r.Cells > 0 && r.Cells <= MaxCellsPerRegion {
			total += r.Cells
		}
	}
	if total > MaxCells {
		c.add("region", "", "cells", "%d cells over all regions: at most %d", total, MaxCells)
	}
	for _, l := range p.Pools {
		c.atMost("pool", l.Name, "size", l.Size, MaxPoolSize)
		if l.Size <= MaxPoolSize && l.Size*l.Susceptibility > MaxPoolRecruits {
			c.add("pool", l.Name, "size", "size × susceptibility must be <= %d expected recruits a month, got %g", MaxPoolRecruits, l.Size*l.Susceptibility)
		}
	}
	for _, ph := range p.RaidPhases {
		c.atMost("raid_phase", ph.Name, "per_month", ph.PerMonth, MaxRaidsPerMonth)
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

// month checks an optional YYYY-MM.
func (c *checker) month(table, item, key, s string, required bool) {
	if s == "" {
		if required {
			c.add(table, item, key, "must be a month YYYY-MM, got nothing")
		}
		return
	}
	if _, err := sim.ParseMonth(s); err != nil {
		c.add(table, item, key, "must be a month YYYY-MM, got %q", s)
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

// Validate returns every problem with p, in a deterministic order. It
// never changes p.
func (p *Params) Validate() []Problem {
	c := &checker{}
	p.validateScalars(c)
	p.validateBounds(c)
	if len(c.ps) > 0 && len(p.Leaders) > MaxItems {
		return c.ps // the checks of pairs below would take too long
	}

	regionNames := make([]string, len(p.Regions))
	for i, r := range p.Regions {
		regionNames[i] = r.Name
	}
	regions := c.names("region", regionNames)
	if len(p.Regions) == 0 {
		c.add("region", "", "", "must list at least one region")
	}
	groupOf := map[string]string{}
	kinds := map[string]bool{}
	for _, r := range p.Regions {
		t := "region"
		groupOf[r.Name] = r.Group
		if r.Country == "" {
			c.add(t, r.Name, "country", "must be a lower-case country name, got nothing")
		} else if !lowerWord(r.Country) {
			c.add(t, r.Name, "country", "must be a lower-case country name such as afghanistan, got %q", r.Country)
		}
		if !slices.Contains(Groups, r.Group) {
			c.add(t, r.Name, "group", "must be one of %v, got %q", Groups, r.Group)
		}
		c.nonneg(t, r.Name, "population", r.Population)
		c.unit(t, r.Name, "state_presence", r.StatePresence)
		c.unit(t, r.Name, "grievance", r.Grievance)
		c.unit(t, r.Name, "terrain", r.Terrain)
		if r.Cells < 0 {
			c.add(t, r.Name, "cells", "must be >= 0, got %d", r.Cells)
		}
		c.nonneg(t, r.Name, "fighters_per_cell", r.FightersPerCell)
		if r.Cells > 0 && r.Group == "abroad" {
			c.add(t, r.Name, "cells", "must be 0 in an abroad region (cells live in Afghanistan and Pakistan), got %d", r.Cells)
		}
		for _, k := range sortedKeys(r.Targets) {
			c.nonneg(t, r.Name, "targets."+k, r.Targets[k])
			kinds[k] = true
		}
		for _, n := range r.Neighbors {
			switch {
			case !regions[n]:
				c.add(t, r.Name, "neighbors", "unknown region %q", n)
			case n == r.Name:
				c.add(t, r.Name, "neighbors", "a region cannot neighbour itself")
			}
		}
	}

	borderNames := make([]string, len(p.Borders))
	for i, b := range p.Borders {
		borderNames[i] = b.Name
	}
	c.names("border", borderNames)
	for _, b := range p.Borders {
		t := "border"
		c.unit(t, b.Name, "difficulty", b.Difficulty)
		c.unit(t, b.Name, "control", b.Control)
		c.unit(t, b.Name, "sharing", b.Sharing)
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
					c.add(t, b.Name, key, "unknown region %q", n)
				}
			}
			if l[0] == l[1] {
				c.add(t, b.Name, key, "a region cannot border itself")
			}
		}
	}

	typeNames := make([]string, len(p.AttackTypes))
	for i, a := range p.AttackTypes {
		typeNames[i] = a.Name
	}
	c.names("attack_type", typeNames)
	if len(p.AttackTypes) == 0 {
		c.add("attack_type", "", "", "must list at least one attack type")
	}
	for _, a := range p.AttackTypes {
		t := "attack_type"
		if a.Target == "" {
			c.add(t, a.Name, "target", "must name a target kind offered by regions, got nothing")
		} else if !kinds[a.Target] {
			c.add(t, a.Name, "target", "no region offers target kind %q (known: %v)", a.Target, sortedKeys(kinds))
		}
		c.nonneg(t, a.Name, "weight", a.Weight)
		c.nonneg(t, a.Name, "cost", a.Cost)
		c.nonneg(t, a.Name, "explosives", a.Explosives)
		c.unit(t, a.Name, "min_skill", a.MinSkill)
		c.unit(t, a.Name, "suicide", a.Suicide)
		c.pos(t, a.Name, "deaths", a.Deaths)
		c.atLeast(t, a.Name, "suicide_deaths", a.SuicideDeaths, 1)
		c.nonneg(t, a.Name, "wounded", a.Wounded)
		if a.MaxDeaths < 1 {
			c.add(t, a.Name, "max_deaths", "must be >= 1, got %d", a.MaxDeaths)
		}
		c.unit(t, a.Name, "claim", a.Claim)
	}

	rankNames := make([]string, len(p.Ranks))
	for i, r := range p.Ranks {
		rankNames[i] = r.Name
	}
	ranks := c.names("rank", rankNames)
	if !ranks["commander"] {
		c.add("rank", "", "", `must include a rank named "commander" (every cell's own commander)`)
	}
	for _, r := range p.Ranks {
		c.unit("rank", r.Name, "effect", r.Effect)
		c.nonneg("rank", r.Name, "succession_days", r.SuccessionDays)
	}

	leaderNames := make([]string, len(p.Leaders))
	for i, l := range p.Leaders {
		leaderNames[i] = l.Name
	}
	leaders := c.names("leader", leaderNames)
	for _, l := range p.Leaders {
		t := "leader"
		if !ranks[l.Rank] {
			c.add(t, l.Name, "rank", "unknown rank %q (known: %v)", l.Rank, rankNames)
		}
		if l.Parent != "" && !leaders[l.Parent] {
			c.add(t, l.Name, "parent", "unknown leader %q", l.Parent)
		}
		if l.Parent == l.Name && l.Name != "" {
			c.add(t, l.Name, "parent", "a leader cannot be their own superior")
		}
		if !regions[l.Region] {
			c.add(t, l.Name, "region", "unknown region %q", l.Region)
		}
		for _, g := range l.Groups {
			if !slices.Contains(Groups, g) {
				c.add(t, l.Name, "groups", "must be among %v, got %q", Groups, g)
			}
		}
		if l.Killed != "" {
			if _, err := time.Parse(time.DateOnly, l.Killed); err != nil {
				c.add(t, l.Name, "killed", "must be a date YYYY-MM-DD, got %q", l.Killed)
			}
		}
	}
	// Cycles in the hierarchy.
	parent := map[string]string{}
	for _, l := range p.Leaders {
		parent[l.Name] = l.Parent
	}
	for _, l := range p.Leaders {
		seen := map[string]bool{}
		for n := l.Name; n != ""; n = parent[n] {
			if seen[n] {
				c.add("leader", l.Name, "parent", "the chain of superiors loops back to %q", n)
				break
			}
			seen[n] = true
		}
	}

	langNames := make([]string, len(p.Languages))
	for i, l := range p.Languages {
		langNames[i] = l.Name
	}
	langs := c.names("language", langNames)
	for _, l := range p.Languages {
		c.nonneg("language", l.Name, "output", l.Output)
		c.month("language", l.Name, "from", l.From, false)
		c.unit("language", l.Name, "deplatformed", l.Deplatformed)
		c.month("language", l.Name, "deplatform_from", l.DeplatformFrom, false)
	}

	poolNames := make([]string, len(p.Pools))
	for i, l := range p.Pools {
		poolNames[i] = l.Name
	}
	c.names("pool", poolNames)
	for _, l := range p.Pools {
		t := "pool"
		if !regions[l.Region] {
			c.add(t, l.Name, "region", "unknown region %q", l.Region)
		}
		c.nonneg(t, l.Name, "size", l.Size)
		c.unit(t, l.Name, "susceptibility", l.Susceptibility)
		for _, n := range l.Languages {
			if !langs[n] {
				c.add(t, l.Name, "languages", "unknown language %q", n)
			}
		}
		c.month(t, l.Name, "from", l.From, false)
	}

	phaseNames := make([]string, len(p.RaidPhases))
	for i, ph := range p.RaidPhases {
		phaseNames[i] = ph.Name
	}
	c.names("raid_phase", phaseNames)
	for _, ph := range p.RaidPhases {
		c.month("raid_phase", ph.Name, "from", ph.From, true)
		c.nonneg("raid_phase", ph.Name, "per_month", ph.PerMonth)
		c.unit("raid_phase", ph.Name, "quality", ph.Quality)
		c.unit("raid_phase", ph.Name, "informants", ph.Informants)
	}
	froms := map[string]string{}
	for _, ph := range p.RaidPhases {
		if other, ok := froms[ph.From]; ok && ph.From != "" {
			c.add("raid_phase", ph.Name, "from", "starts in the same month %s as phase %q", ph.From, other)
		}
		froms[ph.From] = ph.Name
	}
	return c.ps
}

func (p *Params) validateScalars(c *checker) {
	po := p.Posture
	c.unit("posture", "", "choice", po.Choice)
	c.atLeast("posture", "", "memory", po.Memory, 1)
	c.atLeast("posture", "", "recovery", po.Recovery, 1)
	c.unit("posture", "", "threshold", po.Threshold)
	c.unit("posture", "", "release", po.Release)
	if po.Release > po.Threshold {
		c.add("posture", "", "release", "must be <= threshold (%g), got %g", po.Threshold, po.Release)
	}
	if c.finite("posture", "", "tempo", po.Tempo) && (po.Tempo <= 0 || po.Tempo > 1) {
		c.add("posture", "", "tempo", "must be in (0, 1], got %g", po.Tempo)
	}
	c.nonneg("posture", "", "depth", po.Depth)
	c.atLeast("posture", "", "suicide_boost", po.SuicideBoost, 1)
	c.atLeast("posture", "", "impact_boost", po.ImpactBoost, 1)
	c.nonneg("posture", "", "leader_weight", po.LeaderWeight)
	c.unit("posture", "", "hide", po.Hide)

	k := p.ISK
	c.pos("isk", "", "fighters_per_cell", k.FighterPerCell)
	c.unit("isk", "", "volunteer_share", k.VolunteerShare)
	c.nonneg("isk", "", "income", k.Income)
	c.nonneg("isk", "", "supply", k.Supply)
	c.pos("isk", "", "stock_months", k.StockMonths)
	c.unit("isk", "", "attrition", k.Attrition)
	if k.SplitSize < 2 {
		c.add("isk", "", "split_size", "must be >= 2, got %d", k.SplitSize)
	}
	if k.NewCellSize < 1 {
		c.add("isk", "", "new_cell_size", "must be >= 1, got %d", k.NewCellSize)
	}
	if c.finite("isk", "", "skill", k.Skill) && (k.Skill <= 0 || k.Skill > 1) {
		c.add("isk", "", "skill", "must be in (0, 1], got %g", k.Skill)
	}
	c.unit("isk", "", "skill_gain", k.SkillGain)

	a := p.Attacks
	c.nonneg("attacks", "", "rate", a.Rate)
	if c.finite("attacks", "", "exponent", a.Exponent) && (a.Exponent <= 0 || a.Exponent > 1) {
		c.add("attacks", "", "exponent", "must be in (0, 1], got %g", a.Exponent)
	}
	if c.finite("attacks", "", "excitation", a.Excitation) && (a.Excitation < 0 || a.Excitation >= 1) {
		c.add("attacks", "", "excitation", "must be in [0, 1) (a branching ratio >= 1 explodes), got %g", a.Excitation)
	}
	c.pos("attacks", "", "excitation_days", a.ExcitationDays)
	c.nonneg("attacks", "", "loss", a.Loss)
	c.unit("attacks", "", "exposure", a.Exposure)
	c.nonneg("attacks", "", "ceiling", a.Ceiling)
	c.nonneg("attacks", "", "theatre_ceiling", a.TheatreCeiling)
	c.nonneg("attacks", "", "opportunity_exponent", a.OpportunityExponent)
	c.nonneg("attacks", "", "plot_growth", a.PlotGrowth)
	c.nonneg("attacks", "", "crowd_exponent", a.CrowdExponent)

	r := p.Raids
	c.nonneg("raids", "", "per_month", r.PerMonth)
	c.unit("raids", "", "quality", r.Quality)
	c.nonneg("raids", "", "capacity_building", r.CapacityBuilding)
	c.nonneg("raids", "", "sharpness", r.Sharpness)
	c.nonneg("raids", "", "leader_priority", r.LeaderPriority)
	c.unit("raids", "", "kill_fraction", r.KillFraction)
	c.unit("raids", "", "seizure", r.Seizure)
	c.unit("raids", "", "commander_kill", r.CommanderKill)
	c.unit("raids", "", "senior_kill", r.SeniorKill)
	c.unit("raids", "", "capture_intel", r.CaptureIntel)

	pk := p.Pakistan
	c.nonneg("pakistan", "", "per_month", pk.PerMonth)
	c.unit("pakistan", "", "quality", pk.Quality)
	c.unit("pakistan", "", "kill_fraction", pk.KillFraction)

	in := p.Intel
	c.unit("intel", "", "initial", in.Initial)
	c.unit("intel", "", "informants", in.Informants)
	c.unit("intel", "", "decay", in.Decay)
	c.unit("intel", "", "move_loss", in.MoveLoss)

	re := p.Recruitment
	c.nonneg("recruitment", "", "notoriety_weight", re.NotorietyWeight)
	c.atLeast("recruitment", "", "notoriety_memory", re.NotorietyMemory, 1)
	c.pos("recruitment", "", "notoriety_ref", re.NotorietyRef)
	c.nonneg("recruitment", "", "grievance_weight", re.GrievanceWeight)
	c.nonneg("recruitment", "", "loss_weight", re.LossWeight)
	c.unit("recruitment", "", "volunteer_share", re.VolunteerShare)

	m := p.Media
	c.pos("media", "", "saturation", m.Saturation)
	c.month("media", "", "counter_from", m.CounterFrom, false)
	c.unit("media", "", "counter_strength", m.CounterStrength)
	c.unit("media", "", "ideologue_effect", m.IdeologueEffect)

	mv := p.Movement
	c.unit("movement", "", "rate", mv.Rate)
	c.nonneg("movement", "", "opportunity_weight", mv.OpportunityWeight)
	c.nonneg("movement", "", "recruit_weight", mv.RecruitWeight)
	c.nonneg("movement", "", "risk_weight", mv.RiskWeight)
	c.unit("movement", "", "internal_difficulty", mv.InternalDifficulty)
	c.pos("movement", "", "temperature", mv.Temperature)
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
