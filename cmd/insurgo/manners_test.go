package main

import (
	"context"
	"strings"
	"testing"
)

// A misspelt command or flag gets one line on stderr, naming the nearest
// command or flag and where to look, exit 2, and no help text.
func TestMisspeltOneLineDidYouMean(t *testing.T) {
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"rn"}, `did you mean "run"?`},
		{[]string{"compre", "a", "b"}, `did you mean "compare"?`},
		{[]string{"help", "sweeep"}, `did you mean "sweep"?`},
		{[]string{"run", "-replicats", "3"}, "did you mean -replicates?"},
		{[]string{"compare", "historical", "slowdown", "-metrc", "attacks"}, "did you mean -metric?"},
		{[]string{"validate", "-forse", "x.toml"}, "see 'insurgo validate -h'"},
	} {
		code, stdout, stderr := insurgo(t, context.Background(), c.args...)
		if code != exitUsage {
			t.Errorf("%v: exit %d, want 2", c.args, code)
		}
		if stdout != "" {
			t.Errorf("%v: printed to stdout:\n%s", c.args, stdout)
		}
		if n := strings.Count(stderr, "\n"); n != 1 || !strings.Contains(stderr, c.want) || !strings.Contains(stderr, "see 'insurgo ") {
			t.Errorf("%v: want one line with %q and a pointer to the help, got %d lines:\n%s", c.args, c.want, n, stderr)
		}
	}
}

// Help that was asked for goes to stdout, for every command, whichever
// way it is asked.
func TestHelpToStdout(t *testing.T) {
	for _, c := range commands {
		for _, args := range [][]string{{c.name, "-h"}, {"help", c.name}} {
			code, stdout, stderr := insurgo(t, context.Background(), args...)
			if code != exitOK || stderr != "" || !strings.Contains(stdout, "usage: insurgo "+c.name) {
				t.Errorf("%v: exit %d, stderr %q, stdout:\n%.200s", args, code, stderr, stdout)
			}
		}
	}
	if code, stdout, stderr := insurgo(t, context.Background(), "-h"); code != exitOK || stderr != "" || !strings.Contains(stdout, "Commands:") {
		t.Errorf("-h: exit %d, stderr %q", code, stderr)
	}
}
