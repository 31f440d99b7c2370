package isk

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
	// regionCountry[r] is regions[r].country, compact for the attacker's
	// pick, which reads it for every cell.
	regionCountry []int
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
	informants  []float64 // monthly informant accrual (intel.informants plus the phase's)
	daysInMonth []float64
	counter     []bool      // counter-messaging on
	langOut     [][]float64 // [month][lang] output that gets through

	// The state forces that raid cells, in the order their raids are
	// drawn each day: the GDI, then Pakistan's forces.
	forces []raidForce

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

	// initialCells is the number of cells a world starts with: the
	// regions' own and those the start's prior places.
	initialCells int

	// Fighters lost: per non-suicide attack (attacks.loss), and to
	// attrition in a month by a cell of f fighters, for f below
	// len(attrition) (isk.attrition × f).
	attackLoss fixedPoisson
	attrition  []fixedPoisson

	scopes scopeTable
}

type cregion struct {
	name      string
	country   int // index into scopes.countries
	group     int // index into Groups
	abroad    bool
	presence  float64
	grievance float64
	terrain   float64
	// searchable is the share of a search's efficiency the terrain leaves:
	// 1 - terrain × terrainShelter. It scales informants' intelligence,
	// raid hits and the raid risk cells weigh when they move.
	searchable float64
	cells      int
	fighters   float64 // mean initial fighters per cell
	// Cells placed by isk.start_strength, with their mean strength, on
	// top of cells.
	startCells    int
	startFighters float64
	targets       []float64 // by attack type: abundance of its target kind here (0 for abroad types)
	opp           float64   // opportunity score: sum over types of weight * abundance (incl. abroad neighbours), normalised to a maximum of 1
	oppCap        float64   // capacity factor: opp^attacks.opportunity_exponent
	crowd         float64   // deaths factor: population^attacks.crowd_exponent
	capDay        float64   // tempo ceiling: attacks.ceiling * unnormalised opportunity, per day (0 = no ceiling)
	recruit       float64   // recruit score: expected domestic recruits per month at full reach, normalised
	edges         []edge
	abroadNbr     []int // abroad neighbours (indices of edges)
	// typeBase[t]: attack type t's choice weight for a cell here before
	// the cell's means and the posture (see typeWeights): the type's
	// weight times the abundance of its targets here or, for a type
	// struck abroad, summed over the abroad neighbours.
	typeBase []float64
	// force is the index into forces of the force raiding here (the first
	// whose country is the region's), -1 if none.
	force int
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

// compile checks p and turns it into the compiled form over cal, one
// part at a time in the manner of regexp/syntax's compiler: each method
// of compiler builds one part from the parts before it.
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
	k := &compiler{p: p, cal: cal, c: &compiled{p: p, cal: cal, months: cal.Months(), days: cal.Days()}}
	k.c.scopes = newScopeTable(p)
	k.index()
	k.borders()
	k.attackTypes()
	k.regions()
	k.edges()
	k.opportunity()
	k.typeBases()
	k.leaders()
	k.chains()
	k.media()
	k.pools()
	k.recruitScores()
	k.ceilings()
	k.raidSchedule()
	k.regionForces()
	k.tempo()
	k.losses()
	k.posture()
	return k.c, nil
}

// compiler holds what compile needs while it builds a compiled: the
// settings, the calendar, and the index of every name.
type compiler struct {
	p   *Params
	cal *sim.Calendar
	c   *compiled

	regionIdx, groupIdx, rankIdx, leaderIdx, langIdx map[string]int
}

// index numbers the regions, groups, ranks, leaders and languages.
func (k *compiler) index() {
	k.regionIdx = indexOf(k.p.Regions, func(r Region) string { return r.Name })
	k.groupIdx = indexOf(Groups, func(g string) string { return g })
	k.rankIdx = indexOf(k.p.Ranks, func(r Rank) string { return r.Name })
	k.leaderIdx = indexOf(k.p.Leaders, func(l Leader) string { return l.Name })
	k.langIdx = indexOf(k.p.Languages, func(l Language) string { return l.Name })
}

func indexOf[T any](xs []T, name func(T) string) map[string]int {
	m := make(map[string]int, len(xs))
	for i, x := range xs {
		m[name(x)] = i
	}
	return m
}

// borders compiles each border's effective difficulty: its own and the
// policy control together, 1-(1-difficulty)(1-control).
func (k *compiler) borders() {
	for _, b := range k.p.Borders {
		eff := 1 - (1-b.Difficulty)*(1-b.Control)
		k.c.borders = append(k.c.borders, cborder{name: b.Name, diff: eff, sharing: b.Sharing})
	}
}

// attackTypes compiles the attack types.
func (k *compiler) attackTypes() {
	for _, a := range k.p.AttackTypes {
		k.c.types = append(k.c.types, ctype{AttackType: a, kind: a.Target})
	}
}

// regions compiles each region: its indices, its settings, its initial
// cell strength and its targets by attack type.
func (k *compiler) regions() {
	c, p := k.c, k.p
	for _, r := range p.Regions {
		cr := cregion{
			name: r.Name, country: c.scopes.countryIdx[r.Country], group: k.groupIdx[r.Group],
			abroad:   r.Group == "abroad",
			presence: r.StatePresence, grievance: r.Grievance, terrain: r.Terrain, cells: r.Cells,
			searchable: 1 - r.Terrain*terrainShelter,
			fighters:   p.ISK.FighterPerCell,
		}
		if r.FightersPerCell > 0 {
			cr.fighters = r.FightersPerCell
		}
		cr.targets = make([]float64, len(c.types))
		for t, ty := range c.types {
			cr.targets[t] = r.Targets[ty.kind]
		}
		c.regions = append(c.regions, cr)
		c.regionCountry = append(c.regionCountry, cr.country)
	}
}

// edges joins the regions: border links first, so that a pair declared
// both as neighbours and as a border link counts as crossing the border,
// then border-free neighbours; each region also lists its edges abroad.
func (k *compiler) edges() {
	c, p := k.c, k.p
	addEdge := func(a, b, border int, diff float64) {
		for _, e := range c.regions[a].edges {
			if e.to == b {
				return // the first declaration wins
			}
		}
		c.regions[a].edges = append(c.regions[a].edges, edge{to: b, border: border, diff: diff})
	}
	for bi, b := range p.Borders {
		for _, l := range b.Links {
			a, z := k.regionIdx[l[0]], k.regionIdx[l[1]]
			addEdge(a, z, bi, c.borders[bi].diff)
			addEdge(z, a, bi, c.borders[bi].diff)
		}
	}
	for i, r := range p.Regions {
		for _, n := range r.Neighbors {
			j := k.regionIdx[n]
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
}

// opportunity scores what attacks each region offers: the sum over
// attack types of weight × target abundance, abroad neighbours included
// for cross-border types (normalised in ceilings).
func (k *compiler) opportunity() {
	c := k.c
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
}

// typeBases fills each region's typeBase, the part of the attack types'
// choice weights that does not change during a run, summed in the order
// typeWeights used to sum it (so the weights are the same to the bit).
func (k *compiler) typeBases() {
	c := k.c
	for i := range c.regions {
		r := &c.regions[i]
		r.typeBase = make([]float64, len(c.types))
		for t, ty := range c.types {
			wt := 0.0
			if ty.Abroad {
				for _, ei := range r.abroadNbr {
					wt += c.regions[r.edges[ei].to].targets[t]
				}
			} else {
				wt = r.targets[t]
			}
			r.typeBase[t] = wt * ty.Weight
		}
	}
}

// leaders compiles the ranks and the named leaders: their superiors,
// groups, scripted deaths and depth in the hierarchy.
func (k *compiler) leaders() {
	c, p := k.c, k.p
	c.ranks = p.Ranks
	c.commanderRank = k.rankIdx["commander"]
	for _, l := range p.Leaders {
		cl := cleader{name: l.Name, rank: k.rankIdx[l.Rank], parent: -1, region: k.regionIdx[l.Region], killed: -1,
			ideolog: l.Rank == "ideologue"}
		if l.Parent != "" {
			cl.parent = k.leaderIdx[l.Parent]
		}
		for _, g := range l.Groups {
			cl.groups |= 1 << k.groupIdx[g]
		}
		if l.Killed != "" {
			t, _ := time.Parse(time.DateOnly, l.Killed) // checked by Validate
			if d, ok := k.cal.DayOf(t); ok {
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
}

// chains finds, for each group, its lowest named leader and the chain of
// superiors above.
func (k *compiler) chains() {
	c := k.c
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
}

// media compiles each language's output that gets through, month by
// month, and the months of counter-messaging.
func (k *compiler) media() {
	c, p, cal := k.c, k.p, k.cal
	for _, l := range p.Languages {
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
}

// pools compiles the recruit pools; a foreign pool sends its recruits in
// by the edges of its region that lead where cells can live.
func (k *compiler) pools() {
	c, p := k.c, k.p
	for _, pl := range p.Pools {
		cp := cpool{name: pl.Name, region: k.regionIdx[pl.Region], size: pl.Size, susc: pl.Susceptibility,
			from: monthIndex(k.cal, pl.From)}
		for _, n := range pl.Languages {
			cp.langs = append(cp.langs, k.langIdx[n])
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
}

// recruitScores gives each region its domestic pools' base inflow,
// normalised so that the largest is 1 (a term of movement's score).
func (k *compiler) recruitScores() {
	c := k.c
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
}

// ceilings compiles the tempo ceilings of regions and countries from the
// opportunity, then normalises opportunity to 1 in the richest region,
// and the factors opportunity and population bring to capacity and
// deaths.
func (k *compiler) ceilings() {
	c, p := k.c, k.p
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
	if p.ISK.StartStrength > 0 {
		c.placeStart()
	}
	for i := range c.regions {
		c.initialCells += c.regions[i].cells + c.regions[i].startCells
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
}

// raidSchedule compiles the raiding forces month by month: the GDI's
// count, quality and informant accrual from the phase in force ([raids]
// before the first), Pakistan's from [pakistan], and both forces' daily
// means.
func (k *compiler) raidSchedule() {
	c, p, cal := k.c, k.p, k.cal
	c.daysInMonth = make([]float64, c.months)
	for d := range c.days {
		c.daysInMonth[cal.Day(d).Month]++
	}
	gdi := k.force("gdi", "afghanistan", p.Raids.KillFraction, p.Raids.CapacityBuilding)
	pk := k.force("pakistan", "pakistan", p.Pakistan.KillFraction, 1)
	c.informants = make([]float64, c.months)
	for m := range c.months {
		rate, q, inf := p.Raids.PerMonth, p.Raids.Quality, 0.0
		best := math.MinInt // no phase yet
		for _, ph := range p.RaidPhases {
			f := monthIndex(cal, ph.From)
			if f <= m && f > best {
				best, rate, q, inf = f, ph.PerMonth, ph.Quality, ph.Informants
			}
		}
		gdi.perMonth[m], gdi.quality[m] = rate, q
		pk.perMonth[m], pk.quality[m] = p.Pakistan.PerMonth, p.Pakistan.Quality
		c.informants[m] = math.Min(1, p.Intel.Informants+inf)
	}
	c.forces = []raidForce{gdi, pk}
	for i := range c.forces {
		f := &c.forces[i]
		for m := range c.months {
			f.perDay[m] = f.perMonth[m] / c.daysInMonth[m]
			f.p0[m] = math.Exp(-f.perDay[m])
		}
	}
}

// force returns a raiding force of the given kind in country, with its
// monthly tables to fill.
func (k *compiler) force(kind, country string, killFraction, capacityBuilding float64) raidForce {
	f := raidForce{kind: kind, country: -1, countryScope: -1, killFraction: killFraction, capacityBuilding: capacityBuilding}
	if ci, ok := k.c.scopes.countryIdx[country]; ok {
		f.country, f.countryScope = ci, k.c.scopes.country[ci]
	}
	n := k.c.months
	f.perMonth, f.quality, f.perDay, f.p0 = make([]float64, n), make([]float64, n), make([]float64, n), make([]float64, n)
	return f
}

// tempo compiles the daily attack rate, the table of cell sizes' returns,
// and the self-excitation's daily decay and kick.
func (k *compiler) tempo() {
	c, p := k.c, k.p
	c.ratePerDay = p.Attacks.Rate / daysPerMonth
	c.sizes = make([]float64, sizeTable)
	for f := range c.sizes {
		c.sizes[f] = c.sizeSlow(f)
	}
	c.excDecay = math.Exp(-1 / p.Attacks.ExcitationDays)
	// A kick k on day d gives k*decay^s on day d+s, s >= 1: total k*decay/(1-decay).
	c.excKick = p.Attacks.Excitation * (1 - c.excDecay) / c.excDecay
}

// sizeTable is the number of cell sizes whose returns are tabulated;
// larger cells compute theirs (see compiled.size).
const sizeTable = 256

// posture compiles the slowdown's signatures at the posture's choice:
// the boosts raised to the power posture.choice, posture.hide times it.
func (k *compiler) posture() {
	po := k.p.Posture
	k.c.suicideBoost = math.Pow(po.SuicideBoost, po.Choice)
	k.c.impactBoost = math.Pow(po.ImpactBoost, po.Choice)
	k.c.hide = po.Hide * po.Choice
}

// raidForce is a state force that raids ISK cells, as data: the GDI in
// Afghanistan and Pakistan's forces in KP are two of them.
type raidForce struct {
	kind         string // the raid events' type: "gdi" or "pakistan"
	country      int    // index into scopes.countries of where it raids; -1 if the map has none
	countryScope int    // scope of that country; -1 if none
	// By month: raids per month, their quality, and the daily mean with
	// its exp(-mean).
	perMonth, quality, perDay, p0 []float64
	killFraction                  float64 // share of a hit cell's fighters killed or captured
	capacityBuilding              float64 // multiplies the odds of a hit; 1 = none
}

// regionForces finds the force that raids each region.
func (k *compiler) regionForces() {
	c := k.c
	for i := range c.regions {
		r := &c.regions[i]
		r.force = -1
		for fi := range c.forces {
			if c.forces[fi].country == r.country {
				r.force = fi
				break
			}
		}
	}
}

// losses compiles the fixed Poisson distributions of fighters lost to
// attacks and to attrition (see attrition: the mean is computed the same
// way, so the draws are the same).
func (k *compiler) losses() {
	c, p := k.c, k.p
	c.attackLoss = newFixedPoisson(p.Attacks.Loss)
	c.attrition = make([]fixedPoisson, attritionTable)
	for f := range c.attrition {
		c.attrition[f] = newFixedPoisson(float64(f) * p.ISK.Attrition)
	}
}

// attritionTable bounds the cell strengths whose attrition distribution
// is compiled; stronger cells (rare: cells split at isk.split_size)
// compute theirs.
const attritionTable = 256

// terrainShelter is the share of a search's efficiency the roughest
// terrain (terrain = 1: mountains without roads) removes; open ground
// (terrain = 0) removes none. A modelling assumption, not fitted: it
// halves informants' reach and raid hits in the hardest places, and the
// scenarios set terrain relative to it.
const terrainShelter = 0.5

// daysPerMonth is the mean length of a month, converting monthly rates to
// daily ones.
const daysPerMonth = 30.4375

// placeStart sets every region's initial cells and their mean strength
// from isk.start_strength and the start shares (see ISK.StartStrength),
// from the regions' opportunity (computed, not yet normalised).
func (c *compiled) placeStart() {
	k := c.p.ISK
	part := func(r *cregion) (share float64, id int) {
		switch Groups[r.group] {
		case "east":
			return k.StartCore * k.StartEast, 0
		case "kabul":
			return k.StartCore * (1 - k.StartEast), 1
		case "kp":
			return k.StartKP, 2
		case "north", "other":
			if !r.abroad {
				return 1 - k.StartCore - k.StartKP, 3
			}
		}
		return 0, -1
	}
	var sum [4]float64
	for i := range c.regions {
		if _, id := part(&c.regions[i]); id >= 0 {
			sum[id] += c.regions[i].opp
		}
	}
	for i := range c.regions {
		r := &c.regions[i]
		share, id := part(r)
		if id < 0 || sum[id] <= 0 {
			continue
		}
		f := k.StartStrength * share * r.opp / sum[id]
		if f < float64(k.NewCellSize) {
			continue
		}
		r.startCells = max(1, int(math.Round(f/k.FighterPerCell)))
		r.startFighters = f / float64(r.startCells)
	}
}
