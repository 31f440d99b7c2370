package sim

// Cost is what one replicate of a model is expected to take, so that a
// command can refuse a batch beyond its limits before it starts. It is an
// estimate from the settings alone, meant to be within a small factor.
type Cost struct {
	Seconds float64 // of one core of a machine like the development one
	Bytes   float64 // of memory: the replicate's world
}
