package isk

import "math"

// cell is a group of fighters acting together in one region. The fields
// the daily walks over all cells read (the attacker's pick, the raid
// target's) come first, so that they share a cache line.
type cell struct {
	region     int
	dead       bool
	rate       float64 // daily attack capacity, before ceilings
	use        float64 // share of capacity its command and posture let it use
	exc        float64 // anchored self-excitation
	intel      float64 // the state's knowledge of it, 0..1
	id         int
	fighters   int
	volunteers int
	money      float64
	explosives float64
	skill      float64
	cmdUntil   int // day a killed commander is replaced; <= today: in post
	plotFrom   int // day its current plot started (last attack, raid hit or founding)
}

// newCell appends a cell and returns its index.
func (w *World) newCell(region, fighters, volunteers int, intel float64) int {
	w.cells = append(w.cells, cell{
		id: w.nextID, region: region, fighters: fighters, volunteers: min(volunteers, fighters),
		skill: w.c.p.ISK.Skill, intel: intel, plotFrom: w.day,
	})
	w.nextID++
	return len(w.cells) - 1
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
	w.excTotal = max(0, w.excTotal-cl.exc*w.excG)
	cl.rate, cl.use, cl.exc, cl.dead = 0, 0, 0, true
}

// day2month is the month index of the current day (set by newMonth).
func (w *World) day2month() int { return w.month }

// dropDeadCells removes the dead cells, keeping the survivors in order,
// and re-anchors the self-excitation (attacks.excitation): each cell's
// anchored excitation absorbs the decay since the last anchor, and the
// total is summed afresh, which also clears accumulated rounding.
func (w *World) dropDeadCells() {
	live := w.cells[:0]
	for _, cl := range w.cells {
		if !cl.dead {
			cl.exc *= w.excG
			live = append(live, cl)
		}
	}
	clear(w.cells[len(live):])
	w.cells = live
	w.excG = 1
	w.excTotal = 0
	for i := range w.cells {
		w.excTotal += w.cells[i].exc
	}
}
