package civil

// bitset is a set of cell indices, one bit a cell.
type bitset []uint64

// newBitset returns an empty set of the indices 0 .. n-1.
func newBitset(n int) bitset { return make(bitset, (n+63)/64) }

// add puts i in the set.
func (s bitset) add(i int32) { s[i>>6] |= 1 << (i & 63) }

// has reports whether i is in the set.
func (s bitset) has(i int32) bool { return s[i>>6]&(1<<(i&63)) != 0 }
