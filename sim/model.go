package sim

// Model is one replicate's world. The runner calls Step once per day of the
// calendar, in order. Step must draw randomness only from the replicate's
// Streams and record only into the replicate's Recorder.
type Model interface {
	Step(d Day)
}

// Replicate is what a Factory gets to build one replicate's model.
type Replicate struct {
	Index    int       // replicate index within the batch's seed
	Streams  *Streams  // this replicate's random streams
	Recorder *Recorder // where the model records; reset for this replicate
	Calendar *Calendar // the run's calendar
}

// Factory builds the model of one replicate. It is called concurrently from
// several workers and must not share mutable state between the models it
// returns.
type Factory func(r Replicate) (Model, error)
