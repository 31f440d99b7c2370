package main

import (
	"context"
	"errors"
)

// sweepCmd is a placeholder until its implementation lands.
var sweepCmd = &command{
	name:    "sweep",
	summary: "(not yet available)",
	usage:   "insurgo sweep: not yet available",
	run: func(ctx context.Context, args []string, e *env) error {
		return errors.New("sweep: not yet available")
	},
}
