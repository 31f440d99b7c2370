package scenarios

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io/fs"
	"testing"
)

// historical ships its posterior with the calibration file that made it:
// the file's SHA-256 is the one the calibration recorded, and its base
// scenario is historical.
func TestShippedPosterior(t *testing.T) {
	fsys, ok := Posterior("historical")
	if !ok {
		t.Fatal("historical ships no posterior")
	}
	cal, err := fs.ReadFile(fsys, "calibration.toml")
	if err != nil {
		t.Fatal(err)
	}
	raw, err := fs.ReadFile(fsys, "summary.json")
	if err != nil {
		t.Fatal(err)
	}
	var s struct {
		FileHash string `json:"file_hash"`
		Models   []struct {
			Extends string `json:"extends"`
		} `json:"models"`
	}
	if err := json.Unmarshal(raw, &s); err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(cal)
	if got := hex.EncodeToString(sum[:]); got != s.FileHash {
		t.Errorf("calibration.toml has SHA-256 %s, the posterior was made from %s", got, s.FileHash)
	}
	if len(s.Models) != 1 || s.Models[0].Extends != "historical" {
		t.Errorf("the posterior's models %+v, want one extending historical", s.Models)
	}
	for _, name := range []string{"slowdown", "nonexistent", "../historical", ""} {
		if _, ok := Posterior(name); ok {
			t.Errorf("Posterior(%q) found one", name)
		}
	}
}
