package model

import (
	"errors"

	"github.com/insurgo/insurgo/sim"
)

// ErrParams is wrapped by errors about invalid settings given to NewFactory.
var ErrParams = errors.New("model: invalid parameters")

// NewFactory returns a factory of independent worlds built from p on the
// calendar cal. p must be valid (see Params.Validate).
func NewFactory(p *Params, cal *sim.Calendar) (sim.Factory, error) {
	return nil, errors.New("model: mechanics not implemented yet")
}
