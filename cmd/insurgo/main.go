// Command insurgo runs the ISK–Taliban agent-based simulation: Monte Carlo
// batches of a scenario, comparisons between scenarios, sensitivity sweeps
// and their figures. Run "insurgo help" for the commands.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
	"time"

	"golang.org/x/term"

	"github.com/insurgo/insurgo/internal/textdist"
)

// command is one subcommand: a file of its own with its own flag set.
type command struct {
	name    string // as typed
	summary string // one line for "insurgo help"
	usage   string // the full help text, flags are appended
	run     func(ctx context.Context, args []string, env *env) error
}

// commands is the dispatch table, in the order "insurgo help" lists them.
var commands = []*command{
	runCmd,
	scenariosCmd,
	validateCmd,
	plotCmd,
	compareCmd,
	scoreCmd,
	synthCmd,
	sweepCmd,
	reportCmd,
	calibrateCmd,
	showCmd,
	versionCmd,
}

// env is what a command may touch of the outside world.
type env struct {
	Stdout, Stderr io.Writer
	// IsTerminal reports whether Stderr is a terminal (progress bars).
	IsTerminal bool
}

// Exit statuses.
const (
	exitOK          = 0
	exitFailure     = 1
	exitUsage       = 2
	exitInterrupted = 130
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	e := &env{Stdout: os.Stdout, Stderr: os.Stderr, IsTerminal: term.IsTerminal(int(os.Stderr.Fd()))}
	code := dispatch(ctx, os.Args[1:], e)
	stop()
	waitBackground(700 * time.Millisecond)
	os.Exit(code)
}

// dispatch runs the command named by args[0] and maps its error to an exit
// status: usage errors 2, failures 1, interruption 130.
func dispatch(ctx context.Context, args []string, e *env) int {
	if len(args) == 0 {
		printHelp(e.Stderr)
		return exitUsage
	}
	name := args[0]
	if name == "help" || name == "-h" || name == "-help" || name == "--help" {
		if len(args) > 1 {
			if c := lookup(args[1]); c != nil {
				return exitCode(ctx, c.run(ctx, []string{"-h"}, e), e)
			}
			fmt.Fprintf(e.Stderr, "insurgo: unknown command %q%s; see 'insurgo help'\n", args[1], commandHint(args[1]))
			return exitUsage
		}
		printHelp(e.Stdout)
		return exitOK
	}
	c := lookup(name)
	if c == nil {
		fmt.Fprintf(e.Stderr, "insurgo: unknown command %q%s; see 'insurgo help'\n", name, commandHint(name))
		return exitUsage
	}
	return exitCode(ctx, c.run(ctx, args[1:], e), e)
}

func lookup(name string) *command {
	for _, c := range commands {
		if c.name == name {
			return c
		}
	}
	return nil
}

// commandHint is " (did you mean NAME?)" for a name close to a command's,
// or "".
func commandHint(name string) string {
	names := make([]string, len(commands))
	for i, c := range commands {
		names[i] = c.name
	}
	if k, ok := textdist.Nearest(name, names); ok {
		return fmt.Sprintf(" (did you mean %q?)", k)
	}
	return ""
}

// exitCode maps a command's error to an exit status. An error after ctx
// was cancelled (Ctrl-C or SIGTERM: the cause names the signal, which is
// not context.Canceled) is an interruption.
func exitCode(ctx context.Context, err error, e *env) int {
	var ue *usageErr
	switch {
	case err == nil:
		return exitOK
	case errors.Is(err, errHelp):
		return exitOK
	case errors.Is(err, context.Canceled) || ctx.Err() != nil:
		fmt.Fprintln(e.Stderr, "insurgo: interrupted; no partial output was left")
		return exitInterrupted
	case errors.As(err, &ue):
		fmt.Fprintf(e.Stderr, "insurgo: %v\n", err)
		return exitUsage
	default:
		fmt.Fprintf(e.Stderr, "insurgo: %v\n", err)
		return exitFailure
	}
}

func printHelp(w io.Writer) {
	fmt.Fprint(w, `insurgo simulates the duel between Islamic State Khorasan and the Taliban's
intelligence service since August 2021, as Monte Carlo batches of an
agent-based model configured by TOML scenario files.

Usage:

	insurgo <command> [arguments]

Commands:

`)
	for _, c := range commands {
		fmt.Fprintf(w, "\t%-10s %s\n", c.name, c.summary)
	}
	fmt.Fprint(w, `
Run "insurgo help <command>" or "insurgo <command> -h" for a command's flags.
Exit status: 0 success, 1 failure, 2 usage or scenario error, 130 interrupted.
`)
}
