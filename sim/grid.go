package sim

import (
	"errors"
	"fmt"
)

// ErrGrid is wrapped by errors about grids and neighbourhoods.
var ErrGrid = errors.New("sim: bad grid")

// Torus is a W × H grid of cells whose edges wrap around. Cells are
// numbered row by row: cell c is at x = c % W, y = c / W.
type Torus struct {
	W, H int
}

// NewTorus returns the W × H torus; both sides must be positive.
func NewTorus(w, h int) (Torus, error) {
	if w <= 0 || h <= 0 {
		return Torus{}, fmt.Errorf("%w: torus %d × %d: sides must be > 0", ErrGrid, w, h)
	}
	return Torus{W: w, H: h}, nil
}

// Cells returns the number of cells, W × H.
func (t Torus) Cells() int { return t.W * t.H }

// Cell returns the cell at (x, y), wrapping both coordinates.
func (t Torus) Cell(x, y int) int {
	x %= t.W
	if x < 0 {
		x += t.W
	}
	y %= t.H
	if y < 0 {
		y += t.H
	}
	return y*t.W + x
}

// Shape is the shape of a neighbourhood.
type Shape int

// Neighbourhood shapes of radius r.
const (
	VonNeumann Shape = iota // |dx| + |dy| <= r: a diamond of 2r(r+1) cells
	Moore                   // max(|dx|, |dy|) <= r: a square of (2r+1)² - 1 cells
)

// String names the shape as scenario files write it.
func (s Shape) String() string {
	switch s {
	case VonNeumann:
		return "von_neumann"
	case Moore:
		return "moore"
	}
	return fmt.Sprintf("Shape(%d)", int(s))
}

// Size returns the number of cells in the neighbourhood of shape s and
// radius r, the centre left out, without listing them: 2r(r+1) for von
// Neumann's, (2r+1)² - 1 for Moore's.
func (s Shape) Size(r int) int {
	if s == VonNeumann {
		return 2 * r * (r + 1)
	}
	return (2*r+1)*(2*r+1) - 1
}

// ShapeNamed returns the shape String names ("von_neumann" or "moore"),
// and false for any other name.
func ShapeNamed(name string) (Shape, bool) {
	for _, s := range []Shape{VonNeumann, Moore} {
		if s.String() == name {
			return s, true
		}
	}
	return 0, false
}

// Offset is a displacement on a grid.
type Offset struct{ DX, DY int }

// Offsets returns the offsets of the neighbourhood of the given shape and
// radius, the centre excluded, ordered by DY then DX.
func Offsets(s Shape, r int) []Offset {
	var out []Offset
	for dy := -r; dy <= r; dy++ {
		for dx := -r; dx <= r; dx++ {
			if dx == 0 && dy == 0 {
				continue
			}
			if s == VonNeumann && abs(dx)+abs(dy) > r {
				continue
			}
			out = append(out, Offset{dx, dy})
		}
	}
	return out
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// Neighbourhood is a neighbourhood precomputed for one torus: the offsets
// of its cells, and their index differences for the cells far enough from
// every edge that no offset wraps, so that listing the neighbours of most
// cells costs one addition each.
type Neighbourhood struct {
	t      Torus
	r      int
	offs   []Offset
	deltas []int32
}

// NewNeighbourhood precomputes the neighbourhood of shape s and radius r on
// t. The radius must be >= 1 and leave the neighbourhood smaller than the
// torus (2r+1 <= W and H), so that no cell is its own neighbour and none
// is counted twice.
func (t Torus) NewNeighbourhood(s Shape, r int) (*Neighbourhood, error) {
	if s != VonNeumann && s != Moore {
		return nil, fmt.Errorf("%w: unknown neighbourhood shape %d", ErrGrid, int(s))
	}
	if r < 1 || 2*r+1 > t.W || 2*r+1 > t.H {
		return nil, fmt.Errorf("%w: radius %d on a %d × %d torus: want 1 <= radius and 2 × radius + 1 <= both sides", ErrGrid, r, t.W, t.H)
	}
	if t.Cells() > 1<<31-1 {
		return nil, fmt.Errorf("%w: torus %d × %d has more than 2^31 - 1 cells", ErrGrid, t.W, t.H)
	}
	n := &Neighbourhood{t: t, r: r, offs: Offsets(s, r)}
	n.deltas = make([]int32, len(n.offs))
	for i, o := range n.offs {
		n.deltas[i] = int32(o.DY*t.W + o.DX)
	}
	return n, nil
}

// Len returns the number of cells in the neighbourhood.
func (n *Neighbourhood) Len() int { return len(n.offs) }

// Offsets returns the neighbourhood's offsets; the slice is shared.
func (n *Neighbourhood) Offsets() []Offset { return n.offs }

// Deltas returns, for each offset in the order of Offsets, the difference
// between a neighbour's cell number and the centre's, valid for cells
// where Inside is true; the slice is shared. A model's inner loop can add
// them to the centre itself instead of calling Of.
func (n *Neighbourhood) Deltas() []int32 { return n.deltas }

// Inside reports whether no offset of the neighbourhood wraps around an
// edge from cell c, so that its neighbours are c + Deltas()[i].
func (n *Neighbourhood) Inside(c int) bool {
	x, y := c%n.t.W, c/n.t.W
	return x >= n.r && x < n.t.W-n.r && y >= n.r && y < n.t.H-n.r
}

// Of writes the cells around cell c into buf, which must hold at least
// Len() cells, and returns buf[:Len()], in the order of Offsets. It does
// not allocate.
func (n *Neighbourhood) Of(c int, buf []int32) []int32 {
	buf = buf[:len(n.offs)]
	w, h, r := n.t.W, n.t.H, n.r
	x, y := c%w, c/w
	if x >= r && x < w-r && y >= r && y < h-r {
		c32 := int32(c)
		for i, d := range n.deltas {
			buf[i] = c32 + d
		}
		return buf
	}
	for i, o := range n.offs {
		nx, ny := x+o.DX, y+o.DY
		if nx < 0 {
			nx += w
		} else if nx >= w {
			nx -= w
		}
		if ny < 0 {
			ny += h
		} else if ny >= h {
			ny -= h
		}
		buf[i] = int32(ny*w + nx)
	}
	return buf
}
