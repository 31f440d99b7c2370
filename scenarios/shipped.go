package scenarios

import (
	"embed"
	"io/fs"
	"slices"
	"strings"
)

// embedded holds the shipped scenario files.
//
//go:embed *.toml
var embedded embed.FS

// shippedFS is where shipped scenarios are read from (tests swap it).
var shippedFS fs.FS = embedded

// Default is the name of the scenario run when none is given.
const Default = "historical"

// Info describes a shipped scenario.
type Info struct {
	Name        string // what Load takes, such as "historical"
	Description string
}

// shippedNames returns the names of the shipped scenarios, sorted.
func shippedNames() []string {
	ents, _ := fs.ReadDir(shippedFS, ".")
	var out []string
	for _, e := range ents {
		if n, ok := strings.CutSuffix(e.Name(), ".toml"); ok && !e.IsDir() {
			out = append(out, n)
		}
	}
	slices.Sort(out)
	return out
}

// Shipped lists the scenarios built into the binary, sorted by name. A
// shipped scenario that fails to load (a bug the package's tests catch)
// is listed with its first error as the description.
func Shipped() []Info {
	var out []Info
	for _, n := range shippedNames() {
		info := Info{Name: n}
		if s, err := Load(n); err != nil {
			info.Description = "invalid: " + strings.SplitN(err.Error(), "\n", 2)[0]
		} else {
			info.Description = s.Description
		}
		out = append(out, info)
	}
	return out
}
