package model

import (
	"errors"
	"math"
	"math/rand/v2"

	"github.com/insurgo/insurgo/sim"
)

// ErrParams is wrapped by errors about invalid settings given to NewFactory.
var ErrParams = errors.New("model: invalid parameters")

// NewFactory returns a factory of independent worlds built from p on the
// calendar cal. It validates p first and returns an error wrapping
// ErrParams listing every problem. The factory keeps p's values as they
// are now; later changes to p do not reach it.
func NewFactory(p *Params, cal *sim.Calendar) (sim.Factory, error) {
	cp := *p // shallow copy: slices are read-only from here on
	c, err := compile(&cp, cal)
	if err != nil {
		return nil, err
	}
	return func(r sim.Replicate) (sim.Model, error) {
		return newWorld(c, r), nil
	}, nil
}

// World is one replicate of the ISK–Taliban world. It implements
// sim.Model.
type World struct {
	c   *compiled
	hs  *handles
	rec *sim.Recorder

	// Named random streams, one per mechanism.
	rAtt, rCas, rRaid, rLead, rRec, rMove, rAttr *rand.Rand

	cells  []cell
	nextID int

	leaderVacant    []bool
	leaderUntil     []int // day a vacant post is filled
	leadersIn       []int // named leaders in post, per region
	groupFactor     []float64
	ideologueFactor float64
	nextLeaderDay   int
	nextCmdDay      int

	// Posture per theatre (country index): the leadership weighs the
	// losses in each country and sets the tempo there.
	theatres  []theatre
	anySlowed bool    // some theatre is slowed
	pressure  float64 // pressure over all of ISK (deters recruits)
	notoriety float64

	month         int
	day           int
	raidLost      int64 // fighters lost to raids this month
	leadersLost   int   // named leaders killed this month
	fightersStart int64
	claimedMonth  int64
	attacksMonth  int64

	// Tempo ceilings (attacks.ceiling, attacks.theatre_ceiling); see
	// refresh.
	baseTotal float64   // sum over countries of ctyTotal: the realised daily rate
	regRaw    []float64 // per region: summed capacity of its cells
	regUsed   []float64 // per region: summed capacity × use
	regEff    []float64 // per region: regRaw after the region's ceiling
	regSat    []float64 // per region: regEff/regRaw
	ctyIn     []float64 // per country: sum of its regions' regEff
	ctyUsed   []float64 // per country: sum of its regions' regUsed × regSat
	ctySat    []float64 // per country: saturated ctyIn / ctyIn
	ctyTotal  []float64 // per country: ctyUsed × ctySat
	excTotal  float64   // current total excitation
	excG      float64   // decay since the anchor day: cell excitation = exc * excG

	pending    []int // recruits waiting to found a cell, per region
	pendingVol []int // volunteers among them
	weights    []float64
	gauge      []int64   // scratch for month-end gauges
	rw         []float64 // scratch for raid targeting weights
}

// theatre is the leadership's posture in one country.
type theatre struct {
	slowed        bool
	tempo         float64 // share of tempo kept this month
	pressure      float64 // smoothed monthly loss rate
	raidLost      int64   // fighters lost to raids there this month
	leadersLost   int     // named leaders killed there this month
	fightersStart int64   // fighters there at the start of the month
}

// cell is a group of fighters acting together in one region.
type cell struct {
	id         int
	region     int
	fighters   int
	volunteers int
	money      float64
	explosives float64
	skill      float64
	intel      float64 // the state's knowledge of it, 0..1
	cmdUntil   int     // day a killed commander is replaced; <= today: in post
	rate       float64 // daily attack capacity, before ceilings
	use        float64 // share of capacity its command and posture let it use
	exc        float64 // anchored self-excitation
	dead       bool
}

func newWorld(c *compiled, r sim.Replicate) *World {
	w := &World{
		c:   c,
		rec: r.Recorder,
		hs:  newHandles(r.Recorder, &c.scopes),

		rAtt:  r.Streams.Get("attacks"),
		rCas:  r.Streams.Get("casualties"),
		rRaid: r.Streams.Get("raids"),
		rLead: r.Streams.Get("leaders"),
		rRec:  r.Streams.Get("recruitment"),
		rMove: r.Streams.Get("movement"),
		rAttr: r.Streams.Get("attrition"),

		leaderVacant:    make([]bool, len(c.leaders)),
		leaderUntil:     make([]int, len(c.leaders)),
		leadersIn:       make([]int, len(c.regions)),
		groupFactor:     make([]float64, len(Groups)),
		ideologueFactor: 1,
		theatres:        make([]theatre, len(c.scopes.countries)),
		month:           -1,
		excG:            1,
		pending:         make([]int, len(c.regions)),
		pendingVol:      make([]int, len(c.regions)),
		weights:         make([]float64, len(c.types)),
		regRaw:          make([]float64, len(c.regions)),
		regEff:          make([]float64, len(c.regions)),
		regSat:          make([]float64, len(c.regions)),
		regUsed:         make([]float64, len(c.regions)),
		ctyIn:           make([]float64, len(c.scopes.countries)),
		ctyUsed:         make([]float64, len(c.scopes.countries)),
		ctySat:          make([]float64, len(c.scopes.countries)),
		ctyTotal:        make([]float64, len(c.scopes.countries)),
		nextCmdDay:      math.MaxInt,
	}
	for _, l := range c.leaders {
		w.leadersIn[l.region]++
	}
	for i := range w.theatres {
		w.theatres[i].tempo = 1
	}
	w.updateLeaders()
	w.nextLeaderDay = w.leaderHorizon(-1)

	init := r.Streams.Get("init")
	p := c.p
	for ri, reg := range c.regions {
		for range reg.cells {
			f := max(3, poisson(init, p.ISK.FighterPerCell))
			w.newCell(ri, f, binomial(init, f, p.ISK.VolunteerShare), p.Intel.Initial)
		}
	}
	for i := range w.cells {
		cl := &w.cells[i]
		cl.money = p.ISK.Income * float64(cl.fighters) * p.ISK.StockMonths / 2
		cl.explosives = p.ISK.Supply * float64(cl.fighters) * p.ISK.StockMonths / 2
	}
	return w
}

// newCell appends a cell and returns its index.
func (w *World) newCell(region, fighters, volunteers int, intel float64) int {
	w.cells = append(w.cells, cell{
		id: w.nextID, region: region, fighters: fighters, volunteers: min(volunteers, fighters),
		skill: w.c.p.ISK.Skill, intel: intel,
	})
	w.nextID++
	return len(w.cells) - 1
}

// Step advances the world by one day.
func (w *World) Step(d sim.Day) {
	w.day = d.Index
	if d.Index > 0 {
		w.excTotal *= w.c.excDecay
		w.excG *= w.c.excDecay
	}
	if d.Month != w.month {
		w.newMonth(d)
	}
	if d.Index >= w.nextLeaderDay {
		w.leaderEvents(d)
	}
	if d.Index >= w.nextCmdDay {
		w.commandersReturn(d)
	}
	for n := poisson(w.rAtt, w.baseTotal+w.excTotal); n > 0; n-- {
		w.attack(d)
	}
	m := d.Month
	c := w.c
	for n := poissonInv(w.rRaid, c.gdiDay[m], c.gdiP0[m]); n > 0; n-- {
		w.raid(d, true)
	}
	for n := poissonInv(w.rRaid, c.pkDay[m], c.pkP0[m]); n > 0; n-- {
		w.raid(d, false)
	}
	if d.MonthEnd {
		w.monthEnd(d)
	}
}

// cellRate returns a cell's daily attack capacity (what its fighters and
// skill could mount, before any ceiling) and the share of it that its
// command and posture let it use (commander and leaders in post, the
// theatre's tempo).
func (w *World) cellRate(cl *cell) (capacity, use float64) {
	if cl.dead || cl.fighters <= 0 || !w.canAttack(cl) {
		return 0, 0
	}
	reg := &w.c.regions[cl.region]
	capacity = w.c.ratePerDay * w.c.size(cl.fighters) * cl.skill
	use = w.groupFactor[reg.group] * w.theatres[reg.country].tempo
	if cl.cmdUntil > w.day {
		use *= 1 - w.c.ranks[w.c.commanderRank].Effect
	}
	return capacity, use
}

// Tempo bookkeeping. A cell's realised daily rate is
//
//	rate × use × regSat[region] × ctySat[country]
//
// where regSat = holling(regRaw)/regRaw saturates the summed capacity of
// the region's cells under attacks.ceiling, and ctySat does the same one
// level up for the summed (saturated) capacity of the country's regions
// under attacks.theatre_ceiling. The ceilings bound what the cells could
// do; command losses and the posture then take their share of it, so a
// chosen slowdown or a decapitation cuts the realised tempo in full.
// Every update is O(1): a cell's change moves its region's and country's
// sums only.

// refresh recomputes cell i's rate and use, its region's and country's
// sums and the total.
func (w *World) refresh(i int) {
	cl := &w.cells[i]
	oldRate, oldUsed := cl.rate, cl.rate*cl.use
	cl.rate, cl.use = w.cellRate(cl)
	w.addRaw(cl.region, cl.rate-oldRate, cl.rate*cl.use-oldUsed)
}

// addRaw changes region r's summed capacity by d and its summed used
// capacity by du, then updates the saturations and the total.
func (w *World) addRaw(r int, d, du float64) {
	c := w.c
	k := c.regions[r].country
	raw := clamp0(w.regRaw[r] + d)
	used := clamp0(w.regUsed[r] + du)
	eff := c.saturate(r, raw)
	sat := ratio(eff, raw)
	in := clamp0(w.ctyIn[k] + eff - w.regEff[r])
	usedIn := clamp0(w.ctyUsed[k] + used*sat - w.regUsed[r]*w.regSat[r])
	w.regRaw[r], w.regUsed[r], w.regEff[r], w.regSat[r] = raw, used, eff, sat
	w.ctyIn[k], w.ctyUsed[k] = in, usedIn
	w.ctySat[k] = ratio(c.saturateCountry(k, in), in)
	tot := usedIn * w.ctySat[k]
	w.baseTotal = clamp0(w.baseTotal + tot - w.ctyTotal[k])
	w.ctyTotal[k] = tot
}

// clamp0 returns x, or 0 when x is below rounding noise.
func clamp0(x float64) float64 {
	if x < 1e-12 {
		return 0
	}
	return x
}

// ratio is a/b, or 1 when b is 0 (nothing to saturate).
func ratio(a, b float64) float64 {
	if b <= 0 {
		return 1
	}
	return a / b
}

// refreshAll recomputes every rate and the sums exactly.
func (w *World) refreshAll() {
	c := w.c
	clear(w.regRaw)
	clear(w.regUsed)
	clear(w.ctyIn)
	clear(w.ctyUsed)
	for i := range w.cells {
		cl := &w.cells[i]
		cl.rate, cl.use = w.cellRate(cl)
		w.regRaw[cl.region] += cl.rate
		w.regUsed[cl.region] += cl.rate * cl.use
	}
	for r, raw := range w.regRaw {
		eff := c.saturate(r, raw)
		w.regEff[r] = eff
		w.regSat[r] = ratio(eff, raw)
		k := c.regions[r].country
		w.ctyIn[k] += eff
		w.ctyUsed[k] += w.regUsed[r] * w.regSat[r]
	}
	w.baseTotal = 0
	for k, in := range w.ctyIn {
		w.ctySat[k] = ratio(c.saturateCountry(k, in), in)
		w.ctyTotal[k] = w.ctyUsed[k] * w.ctySat[k]
		w.baseTotal += w.ctyTotal[k]
	}
}

// lose removes k fighters from cell i (k <= fighters), keeping volunteers
// at most fighters; a cell left empty dies.
func (w *World) lose(i, k int) {
	cl := &w.cells[i]
	k = min(k, cl.fighters)
	if k <= 0 {
		return
	}
	// Volunteers are lost in proportion.
	if cl.volunteers > 0 {
		cl.volunteers -= min(cl.volunteers, int(math.Round(float64(k)*float64(cl.volunteers)/float64(cl.fighters))))
	}
	cl.fighters -= k
	cl.volunteers = min(cl.volunteers, cl.fighters)
	reg := &w.c.regions[cl.region]
	sc := &w.c.scopes
	w.hs.add(iFightersLost, w.day2month(), int64(k), 0, sc.country[reg.country], sc.group[reg.group])
	if cl.fighters == 0 {
		w.kill(i)
	}
}

// kill marks cell i dead and removes its rate and excitation.
func (w *World) kill(i int) {
	cl := &w.cells[i]
	w.addRaw(cl.region, -cl.rate, -cl.rate*cl.use)
	w.excTotal = math.Max(0, w.excTotal-cl.exc*w.excG)
	cl.rate, cl.use, cl.exc, cl.dead = 0, 0, 0, true
}

func (w *World) day2month() int { return w.month }

// slowedAt reports whether the leadership has the cells of region r lying
// low (the theatre of r's country is slowed).
func (w *World) slowedAt(r int) bool { return w.theatres[w.c.regions[r].country].slowed }
