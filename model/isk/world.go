package isk

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
		return newWorld(c, r)
	}, nil
}

// World is one replicate of the ISK–Taliban world. It implements
// sim.Model.
type World struct {
	c   *compiled
	hs  *handles
	rec *sim.Recorder
	// cancelled reports the run's cancellation; Step checks it every 64
	// attacks, so that a day of a vast scenario does not outlast Ctrl-C.
	cancelled func() error

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
	rw         []float64 // scratch for the weights of cells (raid targets, attackers)
	aw         []float64 // scratch for the weights of targets abroad
	mw         []float64 // scratch for the scores of a cell's moves
	risks      []float64 // scratch for raidRisk, per force
	forceCells []int     // scratch for raidRisk: living cells per force
	regCells   [][]int   // scratch for place: living cells per region
	regCount   []int     // scratch for listRegionCells: their numbers
	regBuf     []int     // scratch for listRegionCells: the lists' array
	regMult    []float64 // scratch for raidTarget: each region's factor
}

// newWorld builds one replicate's world. It checks r's context every
// 256 cells it founds, so that a cancelled run stops while building.
func newWorld(c *compiled, r sim.Replicate) (*World, error) {
	w := &World{
		c:         c,
		rec:       r.Recorder,
		cancelled: r.Cancelled,
		hs:        newHandles(r.Recorder, &c.scopes),

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
	w.cells = make([]cell, 0, 2*c.initialCells) // room for the recruits' and splits' cells
	for ri, reg := range c.regions {
		// The region's own [[region]] cells, then those the start's prior
		// places there (isk.start_strength): same founding, two means.
		for _, part := range [2]struct {
			n    int
			mean float64
		}{{reg.cells, reg.fighters}, {reg.startCells, reg.startFighters}} {
			for range part.n {
				if len(w.cells)&255 == 255 {
					if err := r.Cancelled(); err != nil {
						return nil, err
					}
				}
				f := max(minInitialFighters, poisson(init, part.mean))
				w.newCell(ri, f, binomial(init, f, p.ISK.VolunteerShare), p.Intel.Initial)
			}
		}
	}
	for i := range w.cells {
		cl := &w.cells[i]
		cl.money = p.ISK.Income * float64(cl.fighters) * p.ISK.StockMonths * initialStockShare
		cl.explosives = p.ISK.Supply * float64(cl.fighters) * p.ISK.StockMonths * initialStockShare
	}
	// Plots under way at the start: begun up to 1/attacks.plot_growth
	// months before (uniform), the growth's own time scale.
	if g := c.plotGrowthDay; g > 0 {
		for i := range w.cells {
			w.cells[i].plotFrom = -int(init.Float64() / g)
		}
	}
	return w, nil
}

// Step advances the world by one day: the self-excitation decays; on a
// month's first day the monthly mechanisms run (newMonth); scripted and
// due leader events and commander replacements apply; then the day's
// attacks (a Poisson draw of the total realised rate, "attacks" stream),
// the GDI's raids in Afghanistan and Pakistan's in KP ("raids" stream);
// on a month's last day the month-end gauges are set (monthEnd).
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
		if n&63 == 0 && w.cancelled() != nil {
			return // the run is abandoned; the batch reports the cancellation
		}
		w.attack(d)
	}
	m := d.Month
	for i := range w.c.forces {
		f := &w.c.forces[i]
		for n := poissonInv(w.rRaid, f.perDay[m], f.p0[m]); n > 0; n-- {
			w.raid(d, f)
		}
	}
	if d.MonthEnd {
		w.monthEnd(d)
	}
}

// minInitialFighters is the fewest fighters an initial cell has (its
// strength is Poisson of the region's mean, at least this): a commander
// and two fighters, the smallest group that mounts the attack types of
// the typology. A modelling assumption, documented with
// isk.fighters_per_cell.
const minInitialFighters = 3

// initialStockShare is the share of a full stock (isk.stock_months of
// income and supply) each cell holds at the start: half, the mean of a
// stock drawn down and refilled evenly. A modelling assumption, not
// fitted.
const initialStockShare = 0.5
