package civil

import (
	"encoding/binary"
	"math/bits"

	"github.com/insurgo/insurgo/sim"
)

// A vision is scanned up to fifteen cells at a time. Cells are held four
// bits each, two to a byte (World.kind), so that a large world's grid is
// half as big in the caches; each run of consecutive cells
// (sim.Halo.Runs) is cut into chunks of at most fifteen, and one 8-byte
// load from a chunk's first cell gives, by bit arithmetic on the whole
// word, a mask of which of its cells are empty, active or cops. A diamond
// of radius 7 is 15 chunks (one a row) instead of 112 cells, and the
// masks kept from a look list the empty cells (or the active ones) in the
// order of sim.Offsets, which is the order Mesa draws from.

// chunk is up to fifteen consecutive cells of a vision: those whose
// nibbles are set in mask (0x8 in each nibble that counts) in the word
// loaded from start cells after the centre.
type chunk struct {
	start int32
	mask  uint64
}

// chunkCells is the most cells in a chunk: a load from an odd cell drops
// the low nibble, leaving fifteen.
const chunkCells = 15

// chunkPad is how many bytes World.kind reaches past the byte of its last
// cell, so that a chunk's 8-byte load never runs off its end.
const chunkPad = 8

// chunks cuts runs into chunks of at most chunkCells cells.
func chunks(runs []sim.Run) []chunk {
	var out []chunk
	for _, r := range runs {
		for s := int32(0); s < r.Len; s += chunkCells {
			n := min(chunkCells, r.Len-s)
			out = append(out, chunk{start: r.Start + s, mask: highBits >> (64 - 4*n)})
		}
	}
	return out
}

const (
	lowBits  = 0x7777777777777777 // each nibble's kind, the edge flag dropped
	highBits = 0x8888888888888888
	sevens   = 0x7777777777777777
	ones     = 0x1111111111111111
)

// is returns the high bit of each nibble of x (each a kind, 0 .. 7) that
// equals k. Adding 7 to a nibble of at most 7 sets its high bit unless
// it is 0, and never carries into the next nibble, so the test is exact.
func is(x uint64, k uint8) uint64 {
	return ^((x ^ ones*uint64(k)) + sevens) & highBits
}

// load returns the kinds of the fifteen (or sixteen) cells from halo
// index i, a nibble each, cell i's lowest, their edge flags dropped.
func (w *World) load(i int32) uint64 {
	return binary.LittleEndian.Uint64(w.kind[i>>1:]) >> (4 * (i & 1)) & lowBits
}

// look counts the cops and active citizens in vision v around cell at,
// and the empty cells, whose masks it keeps in w.emask for pick.
func (w *World) look(v []chunk, at int32) (cops, actives, ne int32) {
	em := w.emask[:len(v)]
	for i, ch := range v {
		x := w.load(at + ch.start)
		e := is(x, empty) & ch.mask
		em[i] = e
		ne += int32(bits.OnesCount64(e))
		cops += int32(bits.OnesCount64(is(x, cop) & ch.mask))
		actives += int32(bits.OnesCount64(is(x, active) & ch.mask))
	}
	return cops, actives, ne
}

// lookEmpty counts the empty cells in vision v around cell at and keeps
// their masks in w.emask for pick, as look does.
func (w *World) lookEmpty(v []chunk, at int32) (ne int32) {
	em := w.emask[:len(v)]
	for i, ch := range v {
		e := is(w.load(at+ch.start), empty) & ch.mask
		em[i] = e
		ne += int32(bits.OnesCount64(e))
	}
	return ne
}

// lookActive counts the active citizens and the empty cells in vision v
// around cell at and keeps their masks in w.amask and w.emask for pick.
func (w *World) lookActive(v []chunk, at int32) (na, ne int32) {
	em, am := w.emask[:len(v)], w.amask[:len(v)]
	for i, ch := range v {
		x := w.load(at + ch.start)
		e, a := is(x, empty)&ch.mask, is(x, active)&ch.mask
		em[i], am[i] = e, a
		ne += int32(bits.OnesCount64(e))
		na += int32(bits.OnesCount64(a))
	}
	return na, ne
}

// pick returns the halo index of the j-th cell (from 0) marked in masks,
// the masks a look kept for vision v around cell at.
func pick(v []chunk, masks []uint64, at int32, j int) int32 {
	for i, m := range masks {
		c := bits.OnesCount64(m)
		if j >= c {
			j -= c
			continue
		}
		for ; j > 0; j-- {
			m &= m - 1
		}
		return at + v[i].start + int32(bits.TrailingZeros64(m)/4)
	}
	panic("civil: pick beyond the cells a look found")
}
