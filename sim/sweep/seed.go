package sweep

import "github.com/insurgo/insurgo/sim"

// PointSeed returns the master seed of design point `point` in a sweep
// seeded with seed. Replicate r of the point runs under (PointSeed, r), so
// a point's results depend only on the sweep seed, its id and the
// replicate, never on how the sweep is sharded.
func PointSeed(seed uint64, point int) uint64 {
	a, _ := sim.StreamSeed(seed, point, "sweep/point")
	return a
}
