package main

import (
	"context"
	"fmt"
	"runtime"
	"runtime/debug"
)

// Version is insurgo's version, written to manifest.json and sweep
// manifests.
const Version = "0.1.0"

var versionCmd = &command{
	name:    "version",
	summary: "print insurgo's version, module version, VCS revision and Go version",
	usage: `
usage: insurgo version

Version prints insurgo's version, then what the Go toolchain recorded in the
binary: the module version, the VCS revision and time it was built from
(with "modified" if the work tree had uncommitted changes) and the Go
version. Outputs record the same in manifest.json.`,
}

func init() {
	versionCmd.run = func(ctx context.Context, args []string, e *env) error {
		fs := newFlagSet(versionCmd, e.Stdout)
		pos, err := parseArgs(fs, args)
		if err != nil {
			return err
		}
		if len(pos) > 0 {
			return usageError("version: takes no arguments, got %q", pos)
		}
		fmt.Fprint(e.Stdout, versionText())
		return nil
	}
}

// buildInfo is what the binary's build information says of its source.
type buildInfo struct {
	Module   string // module version: "(devel)" for a build in the source tree
	Revision string // VCS revision, "" when not recorded
	Time     string // VCS commit time
	Modified bool   // the work tree had uncommitted changes
}

// readBuildInfo reads the build information the Go toolchain embedded.
func readBuildInfo() buildInfo {
	var b buildInfo
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return b
	}
	b.Module = info.Main.Version
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			b.Revision = s.Value
		case "vcs.time":
			b.Time = s.Value
		case "vcs.modified":
			b.Modified = s.Value == "true"
		}
	}
	return b
}

// buildRevision is the VCS revision for manifests: the commit, with
// "+modified" when the tree had changes, or "" when not recorded.
func buildRevision() string {
	b := readBuildInfo()
	if b.Revision == "" {
		return ""
	}
	if b.Modified {
		return b.Revision + "+modified"
	}
	return b.Revision
}

// versionText is what insurgo version prints.
func versionText() string {
	b := readBuildInfo()
	s := fmt.Sprintf("insurgo %s\n", Version)
	if b.Module != "" {
		s += fmt.Sprintf("module   github.com/insurgo/insurgo %s\n", b.Module)
	}
	switch {
	case b.Revision != "" && b.Modified:
		s += fmt.Sprintf("revision %s (%s, with uncommitted changes)\n", b.Revision, b.Time)
	case b.Revision != "":
		s += fmt.Sprintf("revision %s (%s)\n", b.Revision, b.Time)
	default:
		s += "revision not recorded (built without VCS information, e.g. go run or -buildvcs=false)\n"
	}
	s += fmt.Sprintf("go       %s %s/%s\n", runtime.Version(), runtime.GOOS, runtime.GOARCH)
	return s
}
