package atomicfile

import (
	"math"
	"os"
	"path/filepath"
	"testing"
)

func TestWriteJSON(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "x.json")
	v := struct {
		A int      `json:"a"`
		B []string `json:"b"`
	}{1, []string{"x"}}
	if err := WriteJSON(p, v); err != nil {
		t.Fatal(err)
	}
	want := "{\n \"a\": 1,\n \"b\": [\n  \"x\"\n ]\n}\n"
	if b, _ := os.ReadFile(p); string(b) != want {
		t.Errorf("WriteJSON wrote %q, want %q", b, want)
	}
	if b, err := MarshalJSON(v); err != nil || string(b) != want {
		t.Errorf("MarshalJSON = %q, %v; want %q", b, err, want)
	}
	// A value JSON cannot hold fails and leaves the old file.
	if err := WriteJSON(p, math.NaN()); err == nil {
		t.Error("WriteJSON of NaN succeeded")
	}
	if b, _ := os.ReadFile(p); string(b) != want {
		t.Errorf("a failed WriteJSON changed the file to %q", b)
	}
	if ents, _ := os.ReadDir(dir); len(ents) != 1 {
		t.Errorf("a failed WriteJSON left %d files, want 1", len(ents))
	}
}
