package civil

import (
	"math/rand/v2"
	"slices"

	"github.com/insurgo/insurgo/sim"
)

// What a cell holds, in the low bits of its byte in World.kind. A
// citizen's state is the kind of its cell: jailed citizens stay on the
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

// Flags in the high bits of a cell's byte, fixed for the run: they say,
// without a look at the halo's tables (4 bytes a cell, far away in
// memory on a large world), whether a write must reach mirrors and
// whether a cell found around an agent is a copy to map to its home.
const (
	kindMask uint8 = 0x07
	hasCopy  uint8 = 0x40 // a home cell with copies in the halo's margin
	isCopy   uint8 = 0x80 // a copy in the margin
)

// Tables that turn a cell's byte into counts without a branch: the inner
// loops run over 112 cells per agent, and a branch per cell mispredicts.
// They have 256 entries, one for every byte, flags included, so that
// indexing them by a uint8 needs no bounds check.
var (
	isEmpty  = byKind(func(k uint8) int32 { return b2i(k == empty) })
	isActive = byKind(func(k uint8) int32 { return b2i(k == active) })
	// copsActives counts cops in the low 16 bits and actives in the high.
	copsActives = byKind(func(k uint8) uint32 { return uint32(b2i(k == cop)) | uint32(b2i(k == active))<<16 })
)

func byKind[T int32 | uint32](f func(k uint8) T) (t [256]T) {
	for b := range t {
		t[b] = f(uint8(b) & kindMask)
	}
	return t
}

func b2i(b bool) int32 {
	if b {
		return 1
	}
	return 0
}

// agent is what an agent's turn reads and writes about itself, kept
// together so that a turn, which comes in a random order, touches one
// cache line for it rather than one per field. Cops use pos only.
type agent struct {
	hardship float64 // H, citizens only
	risk     float64 // R, citizens only
	pos      int32   // home index of its cell
	jail     int32   // steps left in jail, citizens only
}

// World is one replicate of the model. It implements sim.Model. Agents
// 0 .. citizens-1 are citizens and the rest cops; everything is held in
// flat slices indexed by agent or by cell. Cells are the halo indices of
// a sim.Halo, so that looking around is a loop over fixed index
// differences; a cell's kind is written to its home and its mirrors.
type World struct {
	c   *compiled
	rec *sim.Recorder
	hs  [7]sim.Series // by metric, in the order of series

	order   *sim.Activation // stream "activation"
	rMove   *rand.Rand      // stream "movement": where agents move
	rArrest *rand.Rand      // stream "arrests": whom a cop arrests, and for how long

	halo *sim.Halo
	kind []uint8 // by halo index, mirrors included: kind | flags
	occ  []int32 // by home index: the agent there (stale where empty)

	citizens int
	agents   []agent

	empties, actives []int32 // scratch, one neighbourhood long: halo indices

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
		kind: slices.Clone(c.flags), occ: make([]int32, c.halo.Len()),
		empties: make([]int32, c.maxVis), actives: make([]int32, c.maxVis),
		lastBurst: -1,
	}
	for i, m := range series {
		w.hs[i] = r.Recorder.Series(m, Scope)
	}
	place := r.Streams.Get("placement")
	var copCells []int32
	w.agents = make([]agent, 0, int(float64(n)*(p.CitizenDensity+p.CopDensity)*1.05)+16)
	for i := range w.occ {
		w.occ[i] = -1
	}
	for tc := range n {
		cell := c.halo.Home(tc)
		u := place.Float64()
		switch {
		case u < p.CitizenDensity:
			w.occ[cell] = int32(len(w.agents))
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
		w.occ[cell] = int32(len(w.agents))
		w.agents = append(w.agents, agent{pos: cell})
	}
	w.order = sim.NewActivation(len(w.agents), r.Streams.Get("activation"))
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
	nc := int32(w.citizens)
	for _, a := range w.order.Next() {
		if a < nc {
			w.citizen(a, g)
		} else {
			w.cop(a)
		}
	}
	w.record(d, w.arrests-before)
}

// citizen is one citizen's turn.
func (w *World) citizen(i int32, g float64) {
	ag := &w.agents[i]
	if ag.jail > 0 {
		ag.jail--
		return
	}
	at := ag.pos
	cops, actives, ne := w.look(w.c.cvision, at)
	n := ratio(cops, actives+1, w.c.floor) // the citizen counts itself among the active
	k := quiet
	if ag.hardship*g-ag.risk*w.c.arrestP[n] > w.c.p.Threshold {
		k = active
	}
	switch was := w.kind[at] & kindMask; {
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
	w.move(i, at, ne)
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
		cell := w.home(w.actives[w.rArrest.IntN(int(na))])
		a := w.occ[cell]
		w.agents[a].jail = int32(w.rArrest.IntN(w.c.p.MaxJailTerm + 1))
		w.set(cell, jailed)
		w.nActive--
		w.nJailed++
		w.arrests++
	}
	w.move(i, at, ne)
}

// move moves agent i from cell at to a random one of the ne empty cells
// found by the last look. The cell it leaves keeps a stale entry in
// w.occ, which is read only where a citizen is.
func (w *World) move(i, at int32, ne int32) {
	if ne == 0 || !w.c.p.Movement {
		return
	}
	to := w.home(w.empties[w.rMove.IntN(int(ne))])
	w.set(to, w.kind[at]&kindMask)
	w.set(at, empty)
	w.occ[to] = i
	w.agents[i].pos = to
}

// home returns the home index of the cell at halo index c.
func (w *World) home(c int32) int32 {
	if w.kind[c]&isCopy != 0 {
		return w.halo.Canon(c)
	}
	return c
}

// set sets the kind of the cell at home index at, in the halo's margin
// too.
func (w *World) set(at int32, k uint8) {
	f := w.kind[at] & hasCopy
	w.kind[at] = k | f
	if f != 0 {
		for _, m := range w.halo.Mirrors(at) {
			w.kind[m] = k | isCopy
		}
	}
}

// look counts the cops and active citizens in the cells of the given
// runs around cell at and lists the empty ones in w.empties, in the
// order of the runs.
func (w *World) look(vision []sim.Run, at int32) (cops, actives, ne int32) {
	var acc uint32
	emp := w.empties
	for _, r := range vision {
		base := at + r.Start
		for j, k := range w.kind[base : base+r.Len] {
			emp[ne] = base + int32(j)
			ne += isEmpty[k]
			acc += copsActives[k]
		}
	}
	return int32(acc & 0xffff), int32(acc >> 16), ne
}

// lookActive lists the active citizens' cells in the given runs around
// cell at in w.actives, and the empty ones in w.empties.
func (w *World) lookActive(vision []sim.Run, at int32) (na, ne int32) {
	emp, act := w.empties, w.actives
	for _, r := range vision {
		base := at + r.Start
		for j, k := range w.kind[base : base+r.Len] {
			c := base + int32(j)
			emp[ne] = c
			ne += isEmpty[k]
			act[na] = c
			na += isActive[k]
		}
	}
	return na, ne
}
