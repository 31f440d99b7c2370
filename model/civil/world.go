package civil

import (
	"math/rand/v2"

	"github.com/insurgo/insurgo/sim"
)

// What a cell holds. A citizen's state is the kind of its cell: jailed
// citizens stay on the grid, as in Mesa 3.3.1, where they keep their cell
// but are neither active nor quiet.
const (
	empty  uint8 = iota
	quiet        // a free citizen, not active
	active       // an active citizen
	jailed       // a citizen in jail
	cop
	kinds
)

// Tables that turn a cell's kind into counts without a branch: the inner
// loops run over 112 cells per agent, and a branch per cell mispredicts.
// They have 256 entries so that indexing them by a uint8 needs no bounds
// check.
var (
	isEmpty  = [256]int32{empty: 1}
	isActive = [256]int32{active: 1}
	// copsActives counts cops in the low 16 bits and actives in the high.
	copsActives = [256]uint32{cop: 1, active: 1 << 16}
)

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
	kind []uint8 // by halo index, mirrors included
	occ  []int32 // by home index: the agent there, or -1

	citizens int
	pos      []int32   // by agent: its cell
	hardship []float64 // by citizen
	risk     []float64 // by citizen
	jail     []int32   // by citizen: steps left in jail

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
		kind: make([]uint8, c.halo.Len()), occ: make([]int32, c.halo.Len()),
		empties: make([]int32, c.maxVis), actives: make([]int32, c.maxVis),
		lastBurst: -1,
	}
	for i, m := range series {
		w.hs[i] = r.Recorder.Series(m, Scope)
	}
	place := r.Streams.Get("placement")
	var copCells []int32
	guess := int(float64(n)*p.CitizenDensity*1.05) + 16
	w.pos = make([]int32, 0, guess)
	w.hardship = make([]float64, 0, guess)
	w.risk = make([]float64, 0, guess)
	for i := range w.occ {
		w.occ[i] = -1
	}
	for tc := range n {
		cell := c.halo.Home(tc)
		u := place.Float64()
		switch {
		case u < p.CitizenDensity:
			w.occ[cell] = int32(len(w.pos))
			w.set(cell, quiet)
			w.pos = append(w.pos, cell)
			w.hardship = append(w.hardship, place.Float64())
			w.risk = append(w.risk, place.Float64())
		case u < p.CitizenDensity+p.CopDensity:
			w.set(cell, cop)
			copCells = append(copCells, cell)
		}
	}
	w.citizens = len(w.pos)
	w.jail = make([]int32, w.citizens)
	for _, cell := range copCells {
		w.occ[cell] = int32(len(w.pos))
		w.pos = append(w.pos, cell)
	}
	w.order = sim.NewActivation(len(w.pos), r.Streams.Get("activation"))
	return w
}

// Citizens returns the number of citizens.
func (w *World) Citizens() int { return w.citizens }

// Cops returns the number of cops.
func (w *World) Cops() int { return len(w.pos) - w.citizens }

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
	if w.jail[i] > 0 {
		w.jail[i]--
		return
	}
	at := w.pos[i]
	cops, actives, ne := w.look(w.c.cvision, at)
	n := ratio(cops, actives+1, w.c.floor) // the citizen counts itself among the active
	k := quiet
	if w.hardship[i]*g-w.risk[i]*w.c.arrestP[n] > w.c.p.Threshold {
		k = active
	}
	switch was := w.kind[at]; {
	case was == jailed:
		w.nJailed--
		if k == active {
			w.nActive++
		}
	case was == quiet && k == active:
		w.nActive++
	case was == active && k == quiet:
		w.nActive--
	}
	if w.kind[at] != k {
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
	at := w.pos[i]
	na, ne := w.lookActive(w.c.pvision, at)
	if na > 0 {
		cell := w.halo.Canon(w.actives[w.rArrest.IntN(int(na))])
		a := w.occ[cell]
		w.jail[a] = int32(w.rArrest.IntN(w.c.p.MaxJailTerm + 1))
		w.set(cell, jailed)
		w.nActive--
		w.nJailed++
		w.arrests++
	}
	w.move(i, at, ne)
}

// move moves agent i from cell at to a random one of the ne empty cells
// found by the last look.
func (w *World) move(i, at int32, ne int32) {
	if ne == 0 || !w.c.p.Movement {
		return
	}
	to := w.halo.Canon(w.empties[w.rMove.IntN(int(ne))])
	w.set(to, w.kind[at])
	w.set(at, empty)
	w.occ[to], w.occ[at] = i, -1
	w.pos[i] = to
}

// set sets the kind of the cell at home index at, in the halo's margin
// too.
func (w *World) set(at int32, k uint8) {
	w.kind[at] = k
	for _, m := range w.halo.Mirrors(at) {
		w.kind[m] = k
	}
}

// look counts the cops and active citizens among the cells at the given
// differences from cell at and lists the empty ones in w.empties.
func (w *World) look(vision []int32, at int32) (cops, actives, ne int32) {
	var acc uint32
	kind, emp := w.kind, w.empties[:len(vision)]
	for _, d := range vision {
		c := at + d
		k := kind[c]
		emp[ne] = c
		ne += isEmpty[k]
		acc += copsActives[k]
	}
	return int32(acc & 0xffff), int32(acc >> 16), ne
}

// lookActive lists the active citizens' cells among the cells at the
// given differences from cell at in w.actives, and the empty ones in
// w.empties.
func (w *World) lookActive(vision []int32, at int32) (na, ne int32) {
	kind, emp, act := w.kind, w.empties[:len(vision)], w.actives[:len(vision)]
	for _, d := range vision {
		c := at + d
		k := kind[c]
		emp[ne] = c
		ne += isEmpty[k]
		act[na] = c
		na += isActive[k]
	}
	return na, ne
}
