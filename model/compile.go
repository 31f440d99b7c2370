package model

import (
	"fmt"
	"math"
	"strings"
	"time"

	"github.com/insurgo/insurgo/sim"
)

// compiled is Params turned into indices and per-month tables, built once by
// NewFactory and shared read-only by every replicate.
type compiled struct {
	p      *Params
	cal    *sim.Calendar
	months int
	days   int

	regions []cregion
	// capCountry[k]: tempo ceiling of country k (attacks.theatre_ceiling
	// times its regions' summed opportunity), per day; 0 = none.
	capCountry []float64
	types      []ctype
	borders    []cborder
	ranks      []Rank
	leaders    []cleader
	pools      []cpool
	langs      []clang

	commanderRank int
	// chain[g]: leader indices over cells of group g, from the lowest up.
	chain [][]int
	// leaderOfGroup[g]: lowest named leader over cells of group g, -1 none.
	leaderOfGroup []int

	// Per month of the calendar.
	raidsPM     []float64 // GDI raids per month
	raidQuality []float64 // GDI raid quality
	informants  []float64 // monthly informant accrual (intel.informants plus the phase's)
	daysInMonth []float64
	// Daily raid means and their exp(-mean), per month (GDI, Pakistan).
	gdiDay, gdiP0, pkDay, pkP0 []float64
	counter                    []bool      // counter-messaging on
	langOut                    [][]float64 // [month][lang] output that gets through

	// Attack tempo: rate per day of a 10-fighter-equivalent unit, and
	// sizes[f] = f^exponent * 10^(1-exponent) for small f.
	ratePerDay float64
	sizes      []float64

	// The slowdown's signatures at the posture's choice: the boosts raised
	// to the power posture.choice, and posture.hide times it.
	suicideBoost, impactBoost, hide float64

	// Deaths: growth of a plot's potential per day of preparation.
	plotGrowthDay float64

	// Excitation: daily decay factor and the increment per attack.
	excDecay, excKick float64

	scopes scopeTable
}

type cregion struct {
	name      string
	country   int // index into scopes.countries
	group     int // index into Groups
	abroad    bool
	isAF      bool // afghanistan
	isPK      bool // pakistan
	presence  float64
	grievance float64
	terrain   float64
	cells     int
	fighters  float64   // mean initial fighters per cell
	targets   []float64 // by attack type: abundance of its target kind here (0 for abroad types)
	opp       float64   // opportunity score: sum over types of weight * abundance (incl. abroad neighbours), normalised to a maximum of 1
	oppCap    float64   // capacity factor: opp^attacks.opportunity_exponent
	crowd     float64   // deaths factor: population^attacks.crowd_exponent
	capDay    float64   // tempo ceiling: attacks.ceiling * unnormalised opportunity, per day (0 = no ceiling)
	recruit   float64   // recruit score: expected domestic recruits per month at full reach, normalised
	edges     []edge
	abroadNbr []int // abroad neighbours (indices of edges)
}

type edge struct {
	to     int
	border int // -1 for a border-free edge
	diff   float64
}

type ctype struct {
	AttackType
	kind string
}

type cborder struct {
	name    string
	diff    float64 // effective difficulty
	sharing float64
}

type cleader struct {
	name     string
	rank     int
	parent   int
	region   int
	groups   uint32 // bit per group
	killed   int    // day index of a scripted kill, -1 none
	ideolog  bool
	depth    int
	countryS int // scope of the country of its region
}

type cpool struct {
	name    string
	region  int
	size    float64
	susc    float64
	langs   []int
	from    int // month index the pool opens
	foreign bool
	entries []int // edges of the pool's region leading into a region cells can live in
}

type clang struct {
	name string
}

// beforeRun is the month index of a month not given (the zero Month):
// before every month of any run, so that "from" a month not given means
// from the start.
const beforeRun = -1 << 20

// monthIndex returns the calendar month index of m (beforeRun for the
// zero Month), not clamped: months past the end give an index >= months.
func monthIndex(cal *sim.Calendar, m sim.Month) int {
	if m.IsZero() {
		return beforeRun
	}
	return m.Index(cal.FirstMonth())
}

func compile(p *Params, cal *sim.Calendar) (*compiled, error) {
	if ps := p.Validate(); len(ps) > 0 {
		msgs := make([]string, len(ps))
		for i, pr := range ps {
			msgs[i] = pr.String()
		}
		return nil, fmt.Errorf("%w: %s", ErrParams, strings.Join(msgs, "; "))
	}
	if cal == nil || cal.Days() == 0 {
		return nil, fmt.Errorf("%w: empty calendar", ErrParams)
	}
	c := &compiled{p: p, cal: cal, months: cal.Months(), days: cal.Days()}
	c.scopes = newScopeTable(p)

	regionIdx := map[string]int{}
	for i, r := range p.Regions {
		regionIdx[r.Name] = i
	}
	groupIdx := map[string]int{}
	for i, g := range Groups {
		groupIdx[g] = i
	}
	for i, b := range p.Borders {
		eff := 1 - (1-b.Difficulty)*(1-b.Control)
		c.borders = append(c.borders, cborder{name: b.Name, diff: eff, sharing: b.Sharing})
		_ = i
	}
	for _, a := range p.AttackTypes {
		c.types = append(c.types, ctype{AttackType: a, kind: a.Target})
	}
	for _, r := range p.Regions {
		cr := cregion{
			name: r.Name, country: c.scopes.countryIdx[r.Country], group: groupIdx[r.Group],
			abroad: r.Group == "abroad", isAF: r.Country == "afghanistan", isPK: r.Country == "pakistan",
			presence: r.StatePresence, grievance: r.Grievance, terrain: r.Terrain, cells: r.Cells,
			fighters: p.ISK.FighterPerCell,
		}
		if r.FightersPerCell > 0 {
			cr.fighters = r.FightersPerCell
		}
		cr.targets = make([]float64, len(c.types))
		for t, ty := range c.types {
			cr.targets[t] = r.Targets[ty.kind]
		}
		c.regions = append(c.regions, cr)
	}
	addEdge := func(a, b, border int, diff float64) {
		for _, e := range c.regions[a].edges {
			if e.to == b {
				return // first declaration wins (a border link overrides below by order)
			}
		}
		c.regions[a].edges = append(c.regions[a].edges, edge{to: b, border: border, diff: diff})
	}
	// Border links first, so a pair declared both as neighbours and as a
	// border link counts as crossing the border.
	for bi, b := range p.Borders {
		for _, l := range b.Links {
			a, z := regionIdx[l[0]], regionIdx[l[1]]
			addEdge(a, z, bi, c.borders[bi].diff)
			addEdge(z, a, bi, c.borders[bi].diff)
		}
	}
	for i, r := range p.Regions {
		for _, n := range r.Neighbors {
			j := regionIdx[n]
			addEdge(i, j, -1, p.Movement.InternalDifficulty)
			addEdge(j, i, -1, p.Movement.InternalDifficulty)
		}
	}
	for i := range c.regions {
		r := &c.regions[i]
		for ei, e := range r.edges {
			if c.regions[e.to].abroad {
				r.abroadNbr = append(r.abroadNbr, ei)
			}
		}
	}
	// Opportunity of a region: what attacks it offers, weighted.
	for i := range c.regions {
		r := &c.regions[i]
		for t, ty := range c.types {
			if ty.Abroad {
				for _, ei := range r.abroadNbr {
					r.opp += ty.Weight * c.regions[r.edges[ei].to].targets[t]
				}
			} else {
				r.opp += ty.Weight * r.targets[t]
			}
		}
	}

	// Ranks and leaders.
	c.ranks = p.Ranks
	rankIdx := map[string]int{}
	for i, r := range p.Ranks {
		rankIdx[r.Name] = i
	}
	c.commanderRank = rankIdx["commander"]
	leaderIdx := map[string]int{}
	for i, l := range p.Leaders {
		leaderIdx[l.Name] = i
	}
	for _, l := range p.Leaders {
		cl := cleader{name: l.Name, rank: rankIdx[l.Rank], parent: -1, region: regionIdx[l.Region], killed: -1,
			ideolog: l.Rank == "ideologue"}
		if l.Parent != "" {
			cl.parent = leaderIdx[l.Parent]
		}
		for _, g := range l.Groups {
			cl.groups |= 1 << groupIdx[g]
		}
		if l.Killed != "" {
			t, _ := time.Parse(time.DateOnly, l.Killed)
			if d, ok := cal.DayOf(t); ok {
				cl.killed = d
			}
		}
		cl.countryS = c.scopes.country[c.regions[cl.region].country]
		c.leaders = append(c.leaders, cl)
	}
	for i := range c.leaders {
		d := 0
		for j := c.leaders[i].parent; j >= 0 && d <= len(c.leaders); j = c.leaders[j].parent {
			d++
		}
		c.leaders[i].depth = d
	}
	c.chain = make([][]int, len(Groups))
	c.leaderOfGroup = make([]int, len(Groups))
	for g := range Groups {
		best := -1
		for i, l := range c.leaders {
			if l.groups&(1<<g) != 0 && (best < 0 || l.depth > c.leaders[best].depth) {
				best = i
			}
		}
		c.leaderOfGroup[g] = best
		for j, n := best, 0; j >= 0 && n <= len(c.leaders); j, n = c.leaders[j].parent, n+1 {
			c.chain[g] = append(c.chain[g], j)
		}
	}

	// Languages and per-month output.
	langIdx := map[string]int{}
	for i, l := range p.Languages {
		langIdx[l.Name] = i
		c.langs = append(c.langs, clang{name: l.Name})
	}
	c.langOut = make([][]float64, c.months)
	for m := range c.months {
		out := make([]float64, len(p.Languages))
		for i, l := range p.Languages {
			if m < monthIndex(cal, l.From) {
				continue
			}
			o := l.Output
			if m >= monthIndex(cal, l.DeplatformFrom) {
				o *= 1 - l.Deplatformed
			}
			out[i] = o
		}
		c.langOut[m] = out
	}
	counterFrom := monthIndex(cal, p.Media.CounterFrom)
	c.counter = make([]bool, c.months)
	for m := range c.months {
		c.counter[m] = !p.Media.CounterFrom.IsZero() && m >= counterFrom
	}

	// Pools.
	for _, pl := range p.Pools {
		cp := cpool{name: pl.Name, region: regionIdx[pl.Region], size: pl.Size, susc: pl.Susceptibility,
			from: monthIndex(cal, pl.From)}
		for _, n := range pl.Languages {
			cp.langs = append(cp.langs, langIdx[n])
		}
		r := &c.regions[cp.region]
		cp.foreign = r.abroad
		if cp.foreign {
			for ei, e := range r.edges {
				if !c.regions[e.to].abroad {
					cp.entries = append(cp.entries, ei)
				}
			}
		}
		c.pools = append(c.pools, cp)
	}
	// Recruit score of a region: domestic pools' base inflow, normalised so
	// the largest is 1.
	var maxRec float64
	for _, cp := range c.pools {
		if !cp.foreign {
			c.regions[cp.region].recruit += cp.size * cp.susc
		}
	}
	for _, r := range c.regions {
		maxRec = math.Max(maxRec, r.recruit)
	}
	if maxRec > 0 {
		for i := range c.regions {
			c.regions[i].recruit /= maxRec
		}
	}
	var maxOpp float64
	c.capCountry = make([]float64, len(c.scopes.countries))
	for i := range c.regions {
		r := &c.regions[i]
		maxOpp = math.Max(maxOpp, r.opp)
		r.capDay = p.Attacks.Ceiling * r.opp / daysPerMonth
		c.capCountry[r.country] += p.Attacks.TheatreCeiling * r.opp / daysPerMonth
	}
	if maxOpp > 0 {
		for i := range c.regions {
			c.regions[i].opp /= maxOpp
		}
	}
	for i, r := range p.Regions {
		c.regions[i].crowd = math.Pow(r.Population, p.Attacks.CrowdExponent)
	}
	c.plotGrowthDay = p.Attacks.PlotGrowth / daysPerMonth
	for i := range c.regions {
		c.regions[i].oppCap = 1
		if e := p.Attacks.OpportunityExponent; e > 0 {
			c.regions[i].oppCap = math.Pow(c.regions[i].opp, e)
		}
	}

	// Raid schedule.
	c.raidsPM = make([]float64, c.months)
	c.raidQuality = make([]float64, c.months)
	c.informants = make([]float64, c.months)
	c.daysInMonth = make([]float64, c.months)
	for d := range c.days {
		c.daysInMonth[cal.Day(d).Month]++
	}
	for m := range c.months {
		rate, q, inf := p.Raids.PerMonth, p.Raids.Quality, 0.0
		best := -1 << 30
		for _, ph := range p.RaidPhases {
			f := monthIndex(cal, ph.From)
			if f <= m && f > best {
				best, rate, q, inf = f, ph.PerMonth, ph.Quality, ph.Informants
			}
		}
		c.raidsPM[m] = rate
		c.raidQuality[m] = q
		c.informants[m] = math.Min(1, p.Intel.Informants+inf)
	}

	for m := range c.months {
		g := c.raidsPM[m] / c.daysInMonth[m]
		k := p.Pakistan.PerMonth / c.daysInMonth[m]
		c.gdiDay = append(c.gdiDay, g)
		c.gdiP0 = append(c.gdiP0, math.Exp(-g))
		c.pkDay = append(c.pkDay, k)
		c.pkP0 = append(c.pkP0, math.Exp(-k))
	}

	c.ratePerDay = p.Attacks.Rate / daysPerMonth
	c.sizes = make([]float64, 256)
	for f := range c.sizes {
		c.sizes[f] = c.sizeSlow(f)
	}

	po := p.Posture
	c.suicideBoost = math.Pow(po.SuicideBoost, po.Choice)
	c.impactBoost = math.Pow(po.ImpactBoost, po.Choice)
	c.hide = po.Hide * po.Choice

	c.excDecay = math.Exp(-1 / p.Attacks.ExcitationDays)
	// A kick k on day d gives k*decay^s on day d+s, s >= 1: total k*decay/(1-decay).
	c.excKick = p.Attacks.Excitation * (1 - c.excDecay) / c.excDecay
	return c, nil
}

// daysPerMonth is the mean length of a month, converting monthly rates to
// daily ones.
const daysPerMonth = 30.4375
