package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"

	"github.com/insurgo/insurgo/internal/atomicfile"
	"github.com/insurgo/insurgo/scenarios"
)

var showCmd = &command{
	name:    "show",
	summary: "print a scenario resolved: extends merged, -set applied, as runnable TOML",
	usage: `
usage: insurgo show SCENARIO [-set KEY=VALUE ...]

Show prints SCENARIO (a shipped name or a .toml path) resolved into one
TOML file: every file it extends merged, every -set override applied, its
hash in a comment. Saved to a file, it runs as it is and gives the same
outputs: it is what run writes to resolved.toml.`,
}

func init() {
	showCmd.run = func(ctx context.Context, args []string, e *env) error {
		fs := newFlagSet(showCmd, e.Stdout)
		extendsAnywhereFlag(fs)
		var set setFlag
		fs.Var(&set, "set", setUsage)
		pos, err := parseArgs(fs, args)
		if err != nil {
			return err
		}
		if len(pos) != 1 {
			return usageError("show: name one scenario, got %d (see 'insurgo show -h')", len(pos))
		}
		scs, err := loadScenarios(e.Stderr, pos[0])
		if err != nil {
			return err
		}
		sc, err := applySets(scs[0], set)
		if err != nil {
			return err
		}
		b, err := sc.TOML()
		if err != nil {
			return err
		}
		_, err = e.Stdout.Write(b)
		return err
	}
}

// writeResolved writes sc as resolved TOML to path, atomically.
func writeResolved(path string, sc *scenarios.Scenario) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	b, err := sc.TOML()
	if err != nil {
		return err
	}
	return atomicfile.WriteBytes(path, b)
}

// resolvedName is the file name of a compared scenario's resolved TOML.
func resolvedName(name string) string {
	r := strings.NewReplacer("/", "-", "\\", "-", "#", "-", " ", "-")
	return filepath.Join("resolved", r.Replace(name)+".toml")
}
