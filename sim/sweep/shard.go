package sweep

import "fmt"

// Range is a contiguous run of design points, First .. First+Count-1.
type Range struct {
	First, Count int
}

// End returns the index one past the range's last point.
func (r Range) End() int { return r.First + r.Count }

// Shards splits n points into k contiguous ranges whose sizes differ by
// at most one block, never splitting a block of block points (use
// SobolBlock for Saltelli designs so each base sample stays whole, 1
// otherwise). Ranges may be empty when k exceeds the number of blocks.
func Shards(n, k, block int) ([]Range, error) {
	if k < 1 {
		return nil, fmt.Errorf("%w: shards must be >= 1, got %d", ErrDesign, k)
	}
	if block < 1 || n%block != 0 {
		return nil, fmt.Errorf("%w: %d points are not whole blocks of %d", ErrDesign, n, block)
	}
	blocks := n / block
	out := make([]Range, k)
	for i := range out {
		lo := blocks * i / k
		hi := blocks * (i + 1) / k
		out[i] = Range{First: lo * block, Count: (hi - lo) * block}
	}
	return out, nil
}
