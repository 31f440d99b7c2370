package sweeprun

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"syscall"

	"github.com/insurgo/insurgo/sim"
	"github.com/insurgo/insurgo/sim/sweep"
)

// ErrSweepDir is wrapped by errors about a sweep directory's contents.
var ErrSweepDir = errors.New("bad sweep directory")

// ManifestFormat identifies the manifest layout.
const ManifestFormat = "insurgo-sweep/1"

// Manifest describes a planned sweep; it is manifest.json in the sweep
// directory.
type Manifest struct {
	Format string `json:"format"`
	// Hash identifies everything that determines the results: the base
	// scenario's hash, the design, the replicates, the seed and the
	// outputs. Shards carry it; merge refuses shards of another hash.
	Hash        string `json:"hash"`
	Engine      string `json:"engine_version"`
	Name        string `json:"name"`
	Description string `json:"description,omitempty"`
	Base        string `json:"base"`
	BaseHash    string `json:"base_hash"`
	Design      string `json:"design"`
	Size        int    `json:"size"`
	// MorrisLevels is the Morris grid's levels (morris designs only).
	MorrisLevels int           `json:"morris_levels,omitempty"`
	Replicates   int           `json:"replicates"`
	Seed         uint64        `json:"seed"`
	Params       []ParamInfo   `json:"params"`
	Outputs      []sim.Window  `json:"outputs"`
	Points       int           `json:"points"`
	Shards       []sweep.Range `json:"shards"`
}

// ParamInfo is a parameter as the manifest records it.
type ParamInfo struct {
	Key     string    `json:"key"`
	Min     float64   `json:"min,omitempty"`
	Max     float64   `json:"max,omitempty"`
	Levels  []float64 `json:"levels,omitempty"`
	Dist    string    `json:"dist,omitempty"`
	Mode    float64   `json:"mode,omitempty"`
	Mean    float64   `json:"mean,omitempty"`
	SD      float64   `json:"sd,omitempty"`
	Integer bool      `json:"integer,omitempty"`
}

func paramInfo(p sweep.Param) ParamInfo {
	return ParamInfo{Key: p.Name, Min: p.Min, Max: p.Max, Levels: p.Levels, Dist: p.Dist, Mode: p.Mode, Mean: p.Mean, SD: p.SD, Integer: p.Integer}
}

func (p ParamInfo) param() sweep.Param {
	return sweep.Param{Name: p.Key, Min: p.Min, Max: p.Max, Levels: p.Levels, Dist: p.Dist, Mode: p.Mode, Mean: p.Mean, SD: p.SD, Integer: p.Integer}
}

// Spec returns the design specification the manifest records.
func (m *Manifest) Spec() sweep.Spec {
	ps := make([]sweep.Param, len(m.Params))
	for i, p := range m.Params {
		ps[i] = p.param()
	}
	return sweep.Spec{Kind: m.Design, Params: ps, Size: m.Size, MorrisLevels: m.MorrisLevels, Seed: m.Seed}
}

// ParamNames returns the parameter keys in sweep-file order.
func (m *Manifest) ParamNames() []string {
	out := make([]string, len(m.Params))
	for i, p := range m.Params {
		out[i] = p.Key
	}
	return out
}

// OutputNames returns the output names in sweep-file order.
func (m *Manifest) OutputNames() []string {
	out := make([]string, len(m.Outputs))
	for i, o := range m.Outputs {
		out[i] = o.Name
	}
	return out
}

func (m *Manifest) table() *table { return newTable(m.ParamNames(), m.OutputNames()) }

// computeHash returns the hash of what determines the results.
func (m *Manifest) computeHash() string {
	b, err := json.Marshal(struct {
		Format       string
		BaseHash     string
		Design       string
		Size         int
		MorrisLevels int
		Replicates   int
		Seed         uint64
		Params       []ParamInfo
		Outputs      []sim.Window
		Points       int
	}{ManifestFormat, m.BaseHash, m.Design, m.Size, m.MorrisLevels, m.Replicates, m.Seed, m.Params, m.Outputs, m.Points})
	if err != nil {
		panic(err) // only a non-finite number fails, and ParseConfig and sweep.Param.Validate reject those
	}
	s := sha256.Sum256(b)
	return hex.EncodeToString(s[:])
}

// ReadManifest reads dir/manifest.json and checks it is whole.
func ReadManifest(dir string) (*Manifest, error) {
	path := filepath.Join(dir, "manifest.json")
	b, err := os.ReadFile(path)
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return nil, fmt.Errorf("%w: %s: no manifest.json (plan the sweep first: insurgo sweep plan FILE -out %s)", ErrSweepDir, dir, dir)
		}
		if errors.Is(err, syscall.ENOTDIR) {
			return nil, fmt.Errorf("%w: %s is a file, not a sweep directory (a sweep file is planned first: insurgo sweep plan %s)", ErrSweepDir, dir, dir)
		}
		return nil, fmt.Errorf("%w: %v", ErrSweepDir, err)
	}
	var m Manifest
	if err := json.Unmarshal(b, &m); err != nil {
		return nil, fmt.Errorf("%w: %s: %v", ErrSweepDir, path, err)
	}
	switch {
	case m.Format != ManifestFormat:
		return nil, fmt.Errorf("%w: %s: format %q, want %q", ErrSweepDir, path, m.Format, ManifestFormat)
	case m.computeHash() != m.Hash:
		return nil, fmt.Errorf("%w: %s: hash %s does not match its contents (edited by hand?)", ErrSweepDir, path, short(m.Hash))
	case len(m.Shards) == 0:
		return nil, fmt.Errorf("%w: %s: no shards", ErrSweepDir, path)
	}
	next := 0
	for i, s := range m.Shards {
		if s.First != next || s.Count < 0 {
			return nil, fmt.Errorf("%w: %s: shard %d does not continue at point %d", ErrSweepDir, path, i, next)
		}
		next = s.End()
	}
	if next != m.Points {
		return nil, fmt.Errorf("%w: %s: shards cover %d of %d points", ErrSweepDir, path, next, m.Points)
	}
	return &m, nil
}

func short(h string) string {
	if len(h) > 12 {
		return h[:12]
	}
	return h
}
