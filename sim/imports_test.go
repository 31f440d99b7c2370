package sim_test

import (
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestImportsNoModel checks that the engine stays domain-free: no file of
// sim or its subpackages (tests included) imports a model package, so a
// model is added without touching the engine (issue 13).
func TestImportsNoModel(t *testing.T) {
	const models = "github.com/insurgo/insurgo/model"
	files := 0
	err := filepath.WalkDir(".", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && d.Name() == "testdata" {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, ".go") {
			return nil
		}
		f, err := parser.ParseFile(token.NewFileSet(), path, nil, parser.ImportsOnly)
		if err != nil {
			return err
		}
		files++
		for _, imp := range f.Imports {
			p, _ := strconv.Unquote(imp.Path.Value)
			if p == models || strings.HasPrefix(p, models+"/") {
				t.Errorf("%s imports %s: sim must know no model", path, p)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if files < 10 {
		t.Fatalf("read %d Go files under sim, want the whole engine", files)
	}
}
