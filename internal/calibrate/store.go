package calibrate

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/insurgo/insurgo/internal/atomicfile"
	"github.com/insurgo/insurgo/sim/abc"
)

// Files of a calibration's output directory.
const (
	FileCopy        = "calibration.toml" // the calibration file as given
	FileState       = "state.json"       // where the file came from, for resume
	DirGenerations  = "generations"      // gen-NNN.json, one per completed generation
	FilePosterior   = "posterior.csv"
	FileParquet     = "posterior.parquet"
	FileGenerations = "generations.csv"
	FileSummary     = "summary.json"
	FileManifest    = "manifest.json"
	DirPlots        = "plots"
	FileReport      = "report.html" // written by the command
)

// ErrResume is wrapped by errors resuming a calibration directory.
var ErrResume = errors.New("calibrate: cannot resume")

// state is state.json: what resume needs besides the copy of the file.
type state struct {
	// Source is the calibration file's path as given (absolute), so that
	// relative extends resolve as they did, and errors name it.
	Source string `json:"source"`
	// FileHash is the SHA-256 of the file's bytes.
	FileHash string `json:"file_hash"`
}

// genPath returns the path of generation i's file in dir.
func genPath(dir string, i int) string {
	return filepath.Join(dir, DirGenerations, fmt.Sprintf("gen-%03d.json", i))
}

// writeGeneration writes g whole (temporary name, then rename).
func writeGeneration(dir string, g abc.Generation) error {
	if err := os.MkdirAll(filepath.Join(dir, DirGenerations), 0o755); err != nil {
		return err
	}
	return atomicfile.WriteJSON(genPath(dir, g.Index), g)
}

// readGenerations reads the completed generations of dir, in order; a
// gap or a file that does not parse is an error.
func readGenerations(dir string) ([]abc.Generation, error) {
	ents, err := os.ReadDir(filepath.Join(dir, DirGenerations))
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var names []string
	for _, e := range ents {
		if strings.HasPrefix(e.Name(), "gen-") && strings.HasSuffix(e.Name(), ".json") {
			names = append(names, e.Name())
		}
	}
	sort.Strings(names)
	var gens []abc.Generation
	for i, n := range names {
		if n != filepath.Base(genPath(dir, i)) {
			return nil, fmt.Errorf("%w: %s: generation files are not gen-000.json, gen-001.json, ... without gaps (found %s)", ErrResume, dir, n)
		}
		data, err := os.ReadFile(filepath.Join(dir, DirGenerations, n))
		if err != nil {
			return nil, err
		}
		var g abc.Generation
		if err := json.Unmarshal(data, &g); err != nil {
			return nil, fmt.Errorf("%w: %s: %v", ErrResume, n, err)
		}
		gens = append(gens, g)
	}
	return gens, nil
}

// clearGenerations removes the generation files of an earlier
// calibration in dir (a fresh start with -force).
func clearGenerations(dir string) error {
	return os.RemoveAll(filepath.Join(dir, DirGenerations))
}

// readState reads dir's state.json and the copy of the calibration file.
func readState(dir string) (*state, []byte, error) {
	data, err := os.ReadFile(filepath.Join(dir, FileState))
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil, fmt.Errorf("%w: %s has no %s: not a calibration directory (start one with 'insurgo calibrate FILE -out DIR')", ErrResume, dir, FileState)
	}
	if err != nil {
		return nil, nil, err
	}
	var st state
	if err := json.Unmarshal(data, &st); err != nil {
		return nil, nil, fmt.Errorf("%w: %s: %v", ErrResume, FileState, err)
	}
	raw, err := os.ReadFile(filepath.Join(dir, FileCopy))
	if err != nil {
		return nil, nil, fmt.Errorf("%w: %v", ErrResume, err)
	}
	if h := hashBytes(raw); h != st.FileHash {
		return nil, nil, fmt.Errorf("%w: %s was changed since the calibration started (hash %s, recorded %s)", ErrResume, FileCopy, h, st.FileHash)
	}
	return &st, raw, nil
}
