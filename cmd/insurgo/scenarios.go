package main

import (
	"context"
	"fmt"
	"text/tabwriter"

	"github.com/insurgo/insurgo/scenarios"
)

var scenariosCmd = &command{
	name:    "scenarios",
	summary: "list the shipped scenarios",
	usage: `
usage: insurgo scenarios

Scenarios lists the scenarios shipped inside insurgo, with a line on the
question each answers. Pass a name to 'insurgo run' or 'insurgo compare';
copy one (they are in the source tree's scenarios/ folder) to start your own,
or write a file that says extends = "historical" and changes only its levers.`,
}

func init() {
	scenariosCmd.run = func(ctx context.Context, args []string, e *env) error {
		fs := newFlagSet(scenariosCmd, e.Stdout)
		pos, err := parseArgs(fs, args)
		if err != nil {
			return err
		}
		if len(pos) > 0 {
			return usageError("scenarios: takes no arguments, got %q", pos)
		}
		tw := tabwriter.NewWriter(e.Stdout, 0, 0, 2, ' ', 0)
		for _, s := range scenarios.Shipped() {
			def := ""
			if s.Name == "historical" {
				def = " (default)"
			}
			fmt.Fprintf(tw, "%s%s\t%s\n", s.Name, def, s.Description)
		}
		return tw.Flush()
	}
}
