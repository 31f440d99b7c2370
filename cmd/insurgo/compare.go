package main

import (
	"context"
	"errors"
)

// compareCmd is a placeholder until its implementation lands.
var compareCmd = &command{
	name:    "compare",
	summary: "(not yet available)",
	usage:   "insurgo compare: not yet available",
	run: func(ctx context.Context, args []string, e *env) error {
		return errors.New("compare: not yet available")
	},
}
