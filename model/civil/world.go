package civil

import (
	"math/rand/v2"
	"slices"

	"github.com/insurgo/insurgo/sim"
)

// What a cell holds, in the low three bits of its nibble of World.kind.
// A citizen's state is the kind of its cell: jailed citizens stay on the
// grid, as in Mesa 3.3.1, where they keep their cell but are neither
// active nor quiet.
const (
	empty  uint8 = iota
	quiet        // a free citizen, not active
	active       // an active citizen
	jailed       // a citizen in jail
	cop
	kinds
)

// edge is the nibble's high bit, fixed for the run: it marks the cells
// that take part in the halo's mirroring, the home cells with copies in
// the margin and the copies. It says, from the byte a turn reads anyway
// and without a look at the halo's tables (4 bytes a cell, far away in
// memory on a large world), whether a write must reach mirrors and
// whether a cell found around an agent may be a copy to map to its home.
const (
	kindMask uint8 = 0x7
	edge     uint8 = 0x8
)

// agent is what an agent's turn reads and writes about itself, kept
// together so that a turn touches one cache line for it rather than one
// per field.
type agent struct {
	hardship float64 // H, citizens only
	risk     float64 // R, citizens only
	pos      int32   // home index of its cell
	jail     int32   // 0 when free; in jail, 1 + the steps left; copMark for a cop
}

// copMark is the jail field of a cop.
const copMark = -1

// World is one replicate of the model. It implements sim.Model.
// Everything is held in flat slices indexed by agent or by cell. Each step
// the slice of agents itself is shuffled into the step's random order of
// activation (sim.Shuffle), so that the turns then read the agents one
// after the other in memory; no agent refers to another by index, so
// nothing else has to follow. Cells are the halo indices of a sim.Halo,
// so that looking around is a loop over fixed index differences; a cell's
// kind is written to its home and its mirrors.
type World struct {
	c   *compiled
	rec *sim.Recorder
	hs  [7]sim.Series // by metric, in the order of series

	rOrder  *rand.Rand // stream "activation": the order of the turns
	rMove   *rand.Rand // stream "movement": where agents move
	rArrest *rand.Rand // stream "arrests": whom a cop arrests, and for how long

	halo *sim.Halo
	kind []uint8 // by halo index, mirrors included: cell i's kind | edge is nibble i&1 of byte i>>1
	// term holds, by home index, the jail term a cop has just given the
	// citizen there, 1 + steps: the citizen takes it on its next turn.
	// Cops thus find whom they arrest by cell alone, and no table from
	// cells to agents has to follow every agent's place in each step's
	// order (on a large world, a write far away in memory per agent-step).
	term []int32

	citizens int
	agents   []agent // in this step's order of activation

	emask, amask []uint64 // scratch, a vision's chunks long: the last look's empty and active cells

	nActive, nJailed int32
	arrests          int64

	inBurst               bool
	burstStart, lastBurst int
	peak                  int32
}

// series lists the metrics in the order of World.hs.
var series = [7]string{MActive, MQuiet, MJailed, MArrests, MOutbursts, MCitizens, MCops}

const (
	hActive = iota
	hQuiet
	hJailed
	hArrests
	hOutbursts
	hCitizens
	hCops
)

// newWorld places the agents as Mesa does: each cell in turn holds a
// citizen with probability citizen_density, else a cop with probability
// cop_density, else nothing; each citizen draws its hardship then its risk
// aversion. Every citizen starts quiet.
func newWorld(c *compiled, r sim.Replicate) *World {
	p := &c.p
	n := c.torus.Cells()
	w := &World{c: c, rec: r.Recorder, halo: c.halo,
		rMove: r.Streams.Get("movement"), rArrest: r.Streams.Get("arrests"),
		kind: slices.Clone(c.edges), term: make([]int32, c.halo.Len()),
		emask: make([]uint64, c.maxVis), amask: make([]uint64, c.maxVis),
		lastBurst: -1,
	}
	for i, m := range series {
		w.hs[i] = r.Recorder.Series(m, Scope)
	}
	place := r.Streams.Get("placement")
	var copCells []int32
	w.agents = make([]agent, 0, int(float64(n)*(p.CitizenDensity+p.CopDensity)*1.05)+16)
	for tc := range n {
		cell := c.halo.Home(tc)
		u := place.Float64()
		switch {
		case u < p.CitizenDensity:
			w.set(cell, quiet)
			h := place.Float64()
			w.agents = append(w.agents, agent{hardship: h, risk: place.Float64(), pos: cell})
		case u < p.CitizenDensity+p.CopDensity:
			w.set(cell, cop)
			copCells = append(copCells, cell)
		}
	}
	w.citizens = len(w.agents)
	for _, cell := range copCells {
		w.agents = append(w.agents, agent{pos: cell, jail: copMark})
	}
	w.rOrder = r.Streams.Get("activation")
	return w
}

// Citizens returns the number of citizens.
func (w *World) Citizens() int { return w.citizens }

// Cops returns the number of cops.
func (w *World) Cops() int { return len(w.agents) - w.citizens }

// Counts returns the active, quiet and jailed citizens now.
func (w *World) Counts() (active, quiet, jailed int) {
	return int(w.nActive), w.citizens - int(w.nActive) - int(w.nJailed), int(w.nJailed)
}

// Arrests returns the arrests made since the start of the run.
func (w *World) Arrests() int64 { return w.arrests }

// Step runs one step: every agent acts once in a fresh random order, then
// the counts are recorded.
func (w *World) Step(d sim.Day) {
	g := 1 - w.c.legit[d.Index] // grievance is hardship × (1 - legitimacy)
	before := w.arrests
	sim.Shuffle(w.rOrder, w.agents)
	for i := range int32(len(w.agents)) {
		if w.agents[i].jail == copMark {
			w.cop(i)
		} else {
			w.citizen(i, g)
		}
	}
	w.record(d, w.arrests-before)
}

// citizen is one citizen's turn.
func (w *World) citizen(i int32, g float64) {
	ag := &w.agents[i]
	at := ag.pos
	if ag.jail == 0 && w.get(at) == jailed {
		ag.jail = w.term[at] // arrested since its last turn
	}
	if ag.jail > 1 {
		ag.jail--
		return
	}
	ag.jail = 0 // free, or out of jail this turn
	k, ne := quiet, int32(0)
	if grievance := ag.hardship * g; grievance <= w.c.p.Threshold {
		// G - R·P <= G <= T whatever the cops and actives around (R·P >=
		// 0, and rounding keeps the order): quiet, with no need to count
		// them. Only the empty cells are needed, to move.
		ne = w.lookEmpty(w.c.cvision, at)
	} else {
		var cops, actives int32
		cops, actives, ne = w.look(w.c.cvision, at)
		n := ratio(cops, actives+1, w.c.floor) // the citizen counts itself among the active
		if grievance-ag.risk*w.c.arrestP[n] > w.c.p.Threshold {
			k = active
		}
	}
	switch was := w.get(at); {
	case was == k:
	case was == jailed:
		w.nJailed--
		if k == active {
			w.nActive++
		}
		w.set(at, k)
	case k == active:
		w.nActive++
		w.set(at, k)
	default:
		w.nActive--
		w.set(at, k)
	}
	w.move(w.c.cvision, i, at, ne)
}

// ratio returns cops/actives (actives >= 1) as a whole number: floored,
// or rounded as Python's round does (half to even), as Mesa does.
func ratio(cops, actives int32, floor bool) int32 {
	n := cops / actives
	if !floor {
		if rem := 2 * (cops % actives); rem > actives || (rem == actives && n&1 == 1) {
			n++
		}
	}
	return n
}

// cop is one cop's turn: arrest a random active citizen in vision, then
// move.
func (w *World) cop(i int32) {
	at := w.agents[i].pos
	na, ne := w.lookActive(w.c.pvision, at)
	if na > 0 {
		cell := w.home(pick(w.c.pvision, w.amask, at, w.rArrest.IntN(int(na))))
		w.term[cell] = 1 + int32(w.rArrest.IntN(w.c.p.MaxJailTerm+1))
		w.set(cell, jailed)
		w.nActive--
		w.nJailed++
		w.arrests++
	}
	w.move(w.c.pvision, i, at, ne)
}

// move moves agent i from cell at to a random one of the ne empty cells
// found by the last look, over vision v.
func (w *World) move(v []chunk, i, at int32, ne int32) {
	if ne == 0 || !w.c.p.Movement {
		return
	}
	to := w.home(pick(v, w.emask, at, w.rMove.IntN(int(ne))))
	w.set(to, w.get(at))
	w.set(at, empty)
	w.agents[i].pos = to
}

// home returns the home index of the cell at halo index c.
func (w *World) home(c int32) int32 {
	if w.nibble(c)&edge != 0 {
		return w.halo.Canon(c)
	}
	return c
}

// nibble returns the nibble of the cell at halo index i: kind | edge.
func (w *World) nibble(i int32) uint8 {
	return w.kind[i>>1] >> (4 * (i & 1)) & 0xf
}

// get returns the kind of the cell at halo index i.
func (w *World) get(i int32) uint8 { return w.nibble(i) & kindMask }

// put sets the kind of the cell at halo index i, and of it only; its
// edge flag stays.
func (w *World) put(i int32, k uint8) {
	sh := 4 * (i & 1)
	b := &w.kind[i>>1]
	*b = *b&^(kindMask<<sh) | k<<sh
}

// set sets the kind of the cell at home index at, in the halo's margin
// too.
func (w *World) set(at int32, k uint8) {
	w.put(at, k)
	if w.nibble(at)&edge != 0 {
		for _, m := range w.halo.Mirrors(at) {
			w.put(m, k)
		}
	}
}
