package sim

import "context"

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
	// Ctx is the run's context (nil: never cancelled). A factory that
	// builds a large world checks it while building, and returns its
	// error if it is done.
	Ctx context.Context
}

// Cancelled returns the cause of r.Ctx's cancellation, or nil: a cheap
// check for a factory to make every so often while building a model.
func (r Replicate) Cancelled() error {
	if r.Ctx == nil {
		return nil
	}
	select {
	case <-r.Ctx.Done():
		return context.Cause(r.Ctx)
	default:
		return nil
	}
}

// Factory builds the model of one replicate. It is called concurrently from
// several workers and must not share mutable state between the models it
// returns.
type Factory func(r Replicate) (Model, error)
