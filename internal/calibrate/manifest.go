package calibrate

import (
	"encoding/json"
	"os"
	"path/filepath"
	"runtime"

	"github.com/insurgo/insurgo/internal/atomicfile"
	"github.com/insurgo/insurgo/sim/abc"
)

// manifest is manifest.json: what varies between two runs of one
// calibration (time, machine, workers, command line), kept out of the
// other files so that they are a function of (file, seed) alone.
type manifest struct {
	Version     string      `json:"version"`
	GoVersion   string      `json:"go_version"`
	Source      string      `json:"source"`
	FileHash    string      `json:"file_hash"`
	Workers     int         `json:"workers"`
	Args        []string    `json:"args"`
	Generations []genTiming `json:"generations"`
	// Seconds and SimulationsPerSecond are over all generations, across
	// resumed invocations.
	Seconds              float64 `json:"seconds"`
	SimulationsPerSecond float64 `json:"simulations_per_second"`
}

// genTiming is the wall time of one generation.
type genTiming struct {
	Generation           int     `json:"generation"`
	Simulations          int     `json:"simulations"`
	Seconds              float64 `json:"seconds"`
	SimulationsPerSecond float64 `json:"simulations_per_second"`
}

// readTiming returns the timings of the first n generations recorded in
// dir's manifest.json, if any (for resume).
func readTiming(dir string, n int) *manifest {
	m := &manifest{}
	data, err := os.ReadFile(filepath.Join(dir, FileManifest))
	if err == nil && json.Unmarshal(data, m) == nil && len(m.Generations) >= n {
		m.Generations = m.Generations[:n]
	} else {
		m.Generations = nil
	}
	return m
}

func (m *manifest) add(g abc.Generation, sec float64) {
	t := genTiming{Generation: g.Index, Simulations: g.Simulations, Seconds: sec}
	if sec > 0 {
		t.SimulationsPerSecond = float64(g.Simulations) / sec
	}
	m.Generations = append(m.Generations, t)
}

// write writes m as manifest.json.
func (m *manifest) write(dir string, p *Problem, o Options) error {
	m.Version, m.GoVersion = o.Version, runtime.Version()
	m.Source, m.FileHash = p.Config.Source, hashBytes(p.Config.Raw)
	m.Workers, m.Args = o.Workers, o.Args
	m.Seconds, m.SimulationsPerSecond = 0, 0
	sims := 0
	for _, t := range m.Generations {
		m.Seconds += t.Seconds
		sims += t.Simulations
	}
	if m.Seconds > 0 {
		m.SimulationsPerSecond = float64(sims) / m.Seconds
	}
	return atomicfile.WriteJSON(filepath.Join(dir, FileManifest), m)
}
