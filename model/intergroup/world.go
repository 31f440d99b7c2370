package intergroup

import (
	"math/rand/v2"

	"github.com/insurgo/insurgo/sim"
)

// Kinds of agent. A slot of World.agents whose agent has died is dead
// until a birth reuses it.
const (
	dead   uint8 = iota
	blue         // a citizen of the blue group
	green        // a citizen of the green group
	keeper       // a peacekeeper
)

// agent is one citizen or peacekeeper.
type agent struct {
	hardship float64 // H, citizens only
	risk     float64 // R, citizens only
	pos      int32   // home halo index of its cell; -1 in jail
	last     int32   // in jail: the cell it was taken from
	jail     int32   // in jail: steps left before release
	age      int32   // steps lived, citizens only
	born     int32   // the step it was born in, -1 for those placed at the start
	kind     uint8
	active   bool // it killed at its last turn and has not been jailed since
}

// group returns the index of a citizen's group: 0 blue, 1 green.
func (a *agent) group() int { return int(a.kind - blue) }

// World is one replicate of the model. It implements sim.Model. Cells are
// the halo indices of a sim.Halo, so that looking around an agent is a
// loop over fixed index differences; an agent's place is written to its
// cell's home index and the home's mirrors.
type World struct {
	c   *compiled
	rec *sim.Recorder
	hs  handles

	order    *sim.Activation // over the slots of agents; remade when agents grows
	orderLen int             // the slots order covers
	rOrder   *rand.Rand      // stream "activation"
	rMove    *rand.Rand      // stream "movement": where agents move, and where the released go
	rKill    *rand.Rand      // stream "kills": whom an active citizen kills
	rArrest  *rand.Rand      // stream "arrests": whom a peacekeeper jails, and for how long
	rBirth   *rand.Rand      // stream "births": who gives birth, and where the child goes
	halo     *sim.Halo
	occ      []int32 // by halo index, mirrors included: the agent there + 1; 0 if empty
	agents   []agent // slots, in no particular order; dead ones are reused
	free     []int32 // dead slots a birth may reuse
	freed    []int32 // slots freed this step, free from the next
	scratch  []int32 // the cells or agents a look found
	step     int32   // the step running, from 0
	onGrid   int     // agents on the grid
	keepers  int     // peacekeepers on the grid
	pop      [2]int  // living citizens of each group (0 blue, 1 green), jailed ones included
	start    [2]int  // citizens of each group at the start
	extinct  bool    // a group has died out

	// This step's killings (of each group's members), births, deaths of
	// age and arrests, recorded and cleared at its end, and the sums since
	// the start of the run, which account for pop: pop = start + births -
	// killed - deaths.
	killed, births, deaths, arrests [2]int64
	tKilled, tBirths, tDeaths       [2]int64
}

// newWorld places the agents: each cell in turn holds a citizen with
// probability citizen_density, else a peacekeeper with probability
// cop_density, else nothing. A citizen is blue with probability
// blue_share, then draws its hardship, its risk aversion and its age.
// On a large world it stops with the run's cancellation.
func newWorld(c *compiled, r sim.Replicate) (*World, error) {
	p := &c.p
	w := &World{c: c, rec: r.Recorder, halo: c.halo,
		rOrder: r.Streams.Get("activation"), rMove: r.Streams.Get("movement"),
		rKill: r.Streams.Get("kills"), rArrest: r.Streams.Get("arrests"),
		rBirth: r.Streams.Get("births"),
		occ:    make([]int32, c.halo.Len()),
	}
	w.hs = newHandles(r.Recorder)
	place := r.Streams.Get("placement")
	for tc := range c.torus.Cells() {
		if tc%65536 == 0 {
			if err := r.Cancelled(); err != nil {
				return nil, err
			}
		}
		cell := c.halo.Home(tc)
		u := place.Float64()
		switch {
		case u < p.CitizenDensity:
			k := green
			if place.Float64() < p.BlueShare {
				k = blue
			}
			h := place.Float64()
			a := agent{hardship: h, risk: place.Float64(), age: int32(place.IntN(p.Lifespan)), born: -1, kind: k}
			w.pop[a.group()]++
			w.add(a, cell)
		case u < p.CitizenDensity+p.CopDensity:
			w.add(agent{born: -1, kind: keeper}, cell)
			w.keepers++
		}
	}
	w.start = w.pop
	w.order, w.orderLen = sim.NewActivation(len(w.agents), w.rOrder), len(w.agents)
	return w, nil
}

// Populations returns the living citizens of each group, blue then green,
// jailed ones included.
func (w *World) Populations() (blues, greens int) { return w.pop[0], w.pop[1] }

// Peacekeepers returns the peacekeepers on the grid.
func (w *World) Peacekeepers() int { return w.keepers }

// Step runs one step: the peacekeepers leave if this is the step they
// are withdrawn at, every agent alive at the start of the step acts once
// in a fresh random order, then the counts are recorded.
func (w *World) Step(d sim.Day) {
	w.step = int32(d.Index)
	if w.c.p.WithdrawAt > 0 && d.Index+1 == w.c.p.WithdrawAt {
		w.withdraw()
	}
	for _, i := range w.order.Next() {
		switch a := &w.agents[i]; {
		case a.kind == dead || a.born == w.step:
			// died earlier in the step, or born in it: acts from the next
		case a.kind == keeper:
			w.peacekeeper(i)
		default:
			w.citizen(i)
		}
	}
	w.free = append(w.free, w.freed...)
	w.freed = w.freed[:0]
	if len(w.agents) != w.orderLen {
		w.order, w.orderLen = sim.NewActivation(len(w.agents), w.rOrder), len(w.agents)
	}
	w.record(d)
}

// citizen is one citizen's turn: it ages (and dies at its lifespan); in
// jail it counts its term down, or at its end goes back to the grid;
// free, it moves, decides whether to be active, kills if so, and may give
// birth.
func (w *World) citizen(i int32) {
	a := &w.agents[i]
	g := a.group()
	a.age++
	if int(a.age) >= w.c.p.Lifespan {
		w.deaths[g]++
		w.remove(i)
		return
	}
	if a.pos < 0 {
		if a.jail > 0 {
			a.jail--
			return
		}
		w.release(i)
		return
	}
	w.move(i, w.c.cvision)
	other := green
	if a.kind == green {
		other = blue
	}
	var cops, actives int32
	enemies := w.scratch[:0]
	for _, d := range w.c.cvision {
		v := w.occ[a.pos+d]
		if v == 0 {
			continue
		}
		b := &w.agents[v-1]
		if b.kind == keeper {
			cops++
			continue
		}
		if b.active {
			actives++
		}
		if b.kind == other {
			enemies = append(enemies, v-1)
		}
	}
	w.scratch = enemies
	// G - R·P > T needs G > T (R·P >= 0), and someone to kill.
	a.active = false
	if grievance := a.hardship * (1 - w.c.legit[g]); len(enemies) > 0 && grievance > w.c.p.Threshold {
		n := cops / (actives + 1) // the citizen counts itself among the active
		a.active = grievance-a.risk*w.c.arrestP[n] > w.c.p.Threshold
	}
	if a.active {
		victim := enemies[w.rKill.IntN(len(enemies))]
		w.killed[1-g]++
		w.remove(victim)
	}
	if w.rBirth.Float64() < w.c.p.BirthRate {
		w.birth(i)
	}
}

// peacekeeper is one peacekeeper's turn: it moves, then jails a random
// active citizen in its vision, of either group.
func (w *World) peacekeeper(i int32) {
	w.move(i, w.c.pvision)
	at := w.agents[i].pos
	targets := w.scratch[:0]
	for _, d := range w.c.pvision {
		if v := w.occ[at+d]; v != 0 && w.agents[v-1].active {
			targets = append(targets, v-1)
		}
	}
	w.scratch = targets
	if len(targets) > 0 {
		j := targets[w.rArrest.IntN(len(targets))]
		b := &w.agents[j]
		b.last = b.pos
		w.clear(b.pos)
		b.pos = -1
		b.active = false
		b.jail = int32(w.rArrest.IntN(w.c.p.MaxJailTerm + 1))
		w.arrests[b.group()]++
	}
}

// empties returns the home indices of the empty cells in vision v around
// the cell at home index at, in the order of v, in w.scratch.
func (w *World) empties(v []int32, at int32) []int32 {
	out := w.scratch[:0]
	for _, d := range v {
		if c := at + d; w.occ[c] == 0 {
			out = append(out, w.halo.Canon(c))
		}
	}
	w.scratch = out
	return out
}

// move moves agent i to a random empty cell in vision v, if there is one.
func (w *World) move(i int32, v []int32) {
	at := w.agents[i].pos
	es := w.empties(v, at)
	if len(es) == 0 {
		return
	}
	to := es[w.rMove.IntN(len(es))]
	w.clear(at)
	w.put(i, to)
}

// birth gives citizen i a child on a random empty cell in its vision, if
// there is one: a copy of it (group, hardship, risk aversion), aged 0,
// quiet, acting from the next step.
func (w *World) birth(i int32) {
	es := w.empties(w.c.cvision, w.agents[i].pos)
	if len(es) == 0 {
		return
	}
	to := es[w.rBirth.IntN(len(es))]
	child := w.agents[i]
	child.age, child.born, child.active, child.jail = 0, w.step, false, 0
	g := child.group()
	w.births[g]++
	w.pop[g]++
	w.add(child, to)
}

// release puts citizen i, whose term is over, back on the grid: on a
// random empty cell in its vision around the cell it was taken from, or
// failing that on a random empty cell anywhere; if the grid is full it
// stays in jail until its next turn.
func (w *World) release(i int32) {
	a := &w.agents[i]
	es := w.empties(w.c.cvision, a.last)
	if len(es) > 0 {
		w.put(i, es[w.rMove.IntN(len(es))])
		return
	}
	if w.onGrid >= w.c.torus.Cells() {
		return
	}
	for {
		c := w.halo.Home(w.rMove.IntN(w.c.torus.Cells()))
		if w.occ[c] == 0 {
			w.put(i, c)
			return
		}
	}
}

// withdraw takes every peacekeeper off the grid for good.
func (w *World) withdraw() {
	for i := range int32(len(w.agents)) {
		if w.agents[i].kind == keeper {
			w.remove(i)
		}
	}
	w.keepers = 0
}

// add places a new agent on the cell at home index at, in a dead slot if
// there is one.
func (w *World) add(a agent, at int32) {
	var i int32
	if n := len(w.free); n > 0 {
		i = w.free[n-1]
		w.free = w.free[:n-1]
		w.agents[i] = a
	} else {
		i = int32(len(w.agents))
		w.agents = append(w.agents, a)
	}
	w.put(i, at)
}

// remove takes agent i out of the world (killed, dead of age or a
// withdrawn peacekeeper); its slot is free from the next step.
func (w *World) remove(i int32) {
	a := &w.agents[i]
	if a.kind == blue || a.kind == green {
		w.pop[a.group()]--
	}
	if a.pos >= 0 {
		w.clear(a.pos)
	}
	*a = agent{pos: -1, kind: dead}
	w.freed = append(w.freed, i)
}

// put places agent i on the empty cell at home index at.
func (w *World) put(i, at int32) {
	w.agents[i].pos = at
	w.setCell(at, i+1)
	w.onGrid++
}

// clear empties the cell at home index at.
func (w *World) clear(at int32) {
	w.setCell(at, 0)
	w.onGrid--
}

// setCell writes v to the cell at home index at and to its mirrors.
func (w *World) setCell(at, v int32) {
	w.occ[at] = v
	for _, m := range w.halo.Mirrors(at) {
		w.occ[m] = v
	}
}
