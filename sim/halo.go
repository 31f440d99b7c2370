package sim

import "fmt"

// Halo lays a torus out with a margin of R cells on every side that
// mirrors the cells across the opposite edges, so that the neighbours
// within R of every cell lie at fixed index differences (Halo.Deltas):
// a model's inner loop over a neighbourhood is then one addition and one
// load per cell, with no test for wrapping. The price is on writes: a
// model that keeps per-cell state in a slice of Len() entries writes each
// change to the cell's index and to its Mirrors.
//
// Indices here are halo indices; a cell's home index is Home(c), and the
// copies of it in the margin map back to that home through Canon.
type Halo struct {
	t      Torus
	r, pw  int
	canon  []int32 // by halo index: the home index of the cell it shows
	mstart []int32 // by halo index: mirrors of a home index are mlist[mstart[i]:mstart[i+1]]
	mlist  []int32
}

// NewHalo returns t laid out with a margin of r cells. The radius must be
// >= 1 and 2r+1 must not exceed either side.
func (t Torus) NewHalo(r int) (*Halo, error) {
	if r < 1 || 2*r+1 > t.W || 2*r+1 > t.H {
		return nil, fmt.Errorf("%w: halo of %d on a %d × %d torus: want 1 <= radius and 2 × radius + 1 <= both sides", ErrGrid, r, t.W, t.H)
	}
	pw, ph := t.W+2*r, t.H+2*r
	if int64(pw)*int64(ph) > 1<<31-1 {
		return nil, fmt.Errorf("%w: torus %d × %d with a halo of %d has more than 2^31 - 1 cells", ErrGrid, t.W, t.H, r)
	}
	h := &Halo{t: t, r: r, pw: pw, canon: make([]int32, pw*ph)}
	counts := make([]int32, pw*ph+1)
	for py := range ph {
		for px := range pw {
			x := (px - r + t.W) % t.W
			y := (py - r + t.H) % t.H
			home := int32((y+r)*pw + x + r)
			i := py*pw + px
			h.canon[i] = home
			if int32(i) != home {
				counts[home+1]++
			}
		}
	}
	h.mstart = counts
	for i := 1; i < len(h.mstart); i++ {
		h.mstart[i] += h.mstart[i-1]
	}
	h.mlist = make([]int32, h.mstart[len(h.mstart)-1])
	fill := make([]int32, pw*ph)
	for i, home := range h.canon {
		if int32(i) != home {
			h.mlist[h.mstart[home]+fill[home]] = int32(i)
			fill[home]++
		}
	}
	return h, nil
}

// Len returns the number of halo indices, (W + 2R) × (H + 2R).
func (h *Halo) Len() int { return len(h.canon) }

// Radius returns the margin R.
func (h *Halo) Radius() int { return h.r }

// Home returns the halo index of torus cell c (c = y·W + x).
func (h *Halo) Home(c int) int32 {
	return int32((c/h.t.W+h.r)*h.pw + c%h.t.W + h.r)
}

// Cell returns the torus cell (y·W + x) that halo index i shows.
func (h *Halo) Cell(i int32) int {
	home := int(h.canon[i])
	return (home/h.pw-h.r)*h.t.W + home%h.pw - h.r
}

// Canon returns the home index of the cell that halo index i shows: i
// itself for a home index, the cell's home for a copy in the margin.
func (h *Halo) Canon(i int32) int32 { return h.canon[i] }

// Mirrors returns the copies in the margin of the cell whose home index
// is home (none for cells more than R from every edge); the slice is
// shared.
func (h *Halo) Mirrors(home int32) []int32 { return h.mlist[h.mstart[home]:h.mstart[home+1]] }

// Deltas returns the index differences of a neighbourhood of shape s and
// radius r <= R, in the order of Offsets(s, r): the neighbours of the cell
// at home index i are at i + Deltas()[k], in the halo.
func (h *Halo) Deltas(s Shape, r int) ([]int32, error) {
	if r < 1 || r > h.r {
		return nil, fmt.Errorf("%w: neighbourhood radius %d beyond the halo's %d", ErrGrid, r, h.r)
	}
	offs := Offsets(s, r)
	d := make([]int32, len(offs))
	for i, o := range offs {
		d[i] = int32(o.DY*h.pw + o.DX)
	}
	return d, nil
}

// Run is a stretch of consecutive halo indices in a neighbourhood: the
// cells at Start, Start+1, ..., Start+Len-1 from the centre.
type Run struct {
	Start, Len int32
}

// Runs returns the neighbourhood of shape s and radius r <= R as runs of
// consecutive indices, in the order of Offsets(s, r) (the centre's row is
// two runs, either side of it). A loop over a run reads one contiguous
// stretch of a per-cell slice, with no index difference to load per cell.
func (h *Halo) Runs(s Shape, r int) ([]Run, error) {
	d, err := h.Deltas(s, r)
	if err != nil {
		return nil, err
	}
	var runs []Run
	for i, x := range d {
		if i > 0 && x == d[i-1]+1 {
			runs[len(runs)-1].Len++
			continue
		}
		runs = append(runs, Run{Start: x, Len: 1})
	}
	return runs, nil
}
