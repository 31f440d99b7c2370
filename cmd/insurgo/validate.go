package main

import (
	"context"
	"fmt"

	"github.com/insurgo/insurgo/scenarios"
)

var validateCmd = &command{
	name:    "validate",
	summary: "check scenario files and print every error",
	usage: `
usage: insurgo validate FILE...

Validate loads each scenario file (or shipped name), resolving extends, and
prints every error found: the file, the line where known, the key and what
was expected. It exits 0 if all are valid and 2 otherwise.`,
}

func init() {
	validateCmd.run = func(ctx context.Context, args []string, e *env) error {
		fs := newFlagSet(validateCmd, e.Stdout)
		extendsAnywhereFlag(fs)
		pos, err := parseArgs(fs, args)
		if err != nil {
			return err
		}
		if len(pos) == 0 {
			return usageError("validate: name at least one scenario file")
		}
		bad := 0
		for _, p := range pos {
			sc, err := scenarios.Load(p)
			if err != nil {
				fmt.Fprintln(e.Stderr, err)
				bad++
				continue
			}
			printWarnings(e.Stderr, sc)
			span := sc.Start.Format("2006-01-02") + " to " + sc.End.Format("2006-01-02")
			if sc.Stepped() {
				span = fmt.Sprintf("model %s, %d steps", sc.Model, sc.Steps())
			}
			fmt.Fprintf(e.Stdout, "%s: ok (%s, %s, %d targets)\n", p, sc.Name, span, len(sc.Targets))
		}
		if bad > 0 {
			return usageError("validate: %d of %d scenario files have errors", bad, len(pos))
		}
		return nil
	}
}
