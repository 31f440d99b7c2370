package fileerr_test

import (
	"bytes"
	"errors"
	"fmt"

	"github.com/BurntSushi/toml"

	"github.com/insurgo/insurgo/internal/fileerr"
)

// ErrBadFile is the sentinel a parser's problems wrap.
var ErrBadFile = errors.New("bad file")

// parse reads a small file the way scenarios and sweep files are read:
// decode, turn a decode error into Errors, index the text, then report
// every problem at its key's line.
func parse(name, text string) error {
	var f struct {
		Run struct {
			Replicates int     `toml:"replicates"`
			Tolerance  float64 `toml:"tolerance"`
		} `toml:"run"`
	}
	md, err := toml.NewDecoder(bytes.NewReader([]byte(text))).Decode(&f)
	if err != nil {
		return fileerr.Errors{fileerr.FromTOML(name, err, ErrBadFile)}
	}
	ix := fileerr.NewIndex(text)
	var es fileerr.Errors
	for _, k := range md.Undecoded() {
		es.At(ix, name, k, "", ErrBadFile, "unknown key")
	}
	if f.Run.Replicates < 1 {
		es.At(ix, name, []string{"run", "replicates"}, "", ErrBadFile, "must be >= 1, got %d", f.Run.Replicates)
	}
	if !(f.Run.Tolerance > 0 && f.Run.Tolerance <= 1) {
		es.At(ix, name, []string{"run", "tolerance"}, "", ErrBadFile, "must be in (0, 1], got %g", f.Run.Tolerance)
	}
	return es.Err()
}

func Example() {
	err := parse("calib.toml", "[run]\nreplicates = 0\ntolerance = 2\ncolour = \"red\"\n")
	fmt.Println(err)
	fmt.Println(errors.Is(err, ErrBadFile))
	fmt.Println(parse("broken.toml", "[run]\nreplicates = = 1\n"))
	// Output:
	// calib.toml:4: run.colour: unknown key
	// calib.toml:2: run.replicates: must be >= 1, got 0
	// calib.toml:3: run.tolerance: must be in (0, 1], got 2
	// true
	// broken.toml:2:14: run.replicates: expected value but found '=' instead
}
