package scenarios

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// FuzzLoad feeds arbitrary bytes to the loader, as a file extending
// shipped scenarios or files in the package directory at will. No input
// may panic; every failure must be a non-empty Errors of sentinel-wrapping
// errors; every success must be a scenario that runs (a calendar, targets
// that bind to it) and that With reproduces.
//
// Run with: go test -fuzz=FuzzLoad ./scenarios
// The seed corpus is testdata/fuzz/FuzzLoad plus every .toml file here.
func FuzzLoad(f *testing.F) {
	for _, pat := range []string{"*.toml", "testdata/*.toml", "testdata/bad/*.toml", "testdata/extends/*.toml"} {
		files, err := filepath.Glob(pat)
		if err != nil {
			f.Fatal(err)
		}
		for _, file := range files {
			data, err := os.ReadFile(file)
			if err != nil {
				f.Fatal(err)
			}
			f.Add(data)
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		s, err := LoadBytes("fuzz.toml", data)
		if err != nil {
			var es Errors
			if !errors.As(err, &es) || len(es) == 0 {
				t.Fatalf("error is not a non-empty Errors: %T %v", err, err)
			}
			for _, e := range es {
				if e == nil || e.Err == nil || e.Msg == "" || e.File == "" {
					t.Fatalf("incomplete error %#v", e)
				}
			}
			return
		}
		if len(s.Hash) != 64 {
			t.Fatalf("hash %q", s.Hash)
		}
		cal, err := s.Calendar()
		if err != nil {
			t.Fatalf("loaded scenario has no calendar: %v", err)
		}
		for _, tg := range s.Targets {
			if _, _, err := tg.Bind(&cal); err != nil {
				t.Fatalf("loaded target does not bind: %v", err)
			}
		}
		w, err := s.With(nil)
		if err != nil || w.Hash != s.Hash {
			t.Fatalf("With(nil) = %v, hash %v, want the same scenario", err, w)
		}
	})
}
