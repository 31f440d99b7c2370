package main

import (
	"context"
	"errors"
)

// plotCmd is a placeholder until its implementation lands.
var plotCmd = &command{
	name:    "plot",
	summary: "(not yet available)",
	usage:   "insurgo plot: not yet available",
	run: func(ctx context.Context, args []string, e *env) error {
		return errors.New("plot: not yet available")
	},
}
