package plots

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/insurgo/insurgo/internal/report"
)

func fixture(t testing.TB) *report.Summary {
	t.Helper()
	s, err := report.ReadSummary(filepath.Join("testdata", "summary.json"))
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestScratch(t *testing.T) {
	dir := os.Getenv("PLOTS_SCRATCH")
	if dir == "" {
		t.Skip()
	}
	s := fixture(t)
	files, err := WriteDefault(s, dir, "png")
	t.Log(files, err)
	s2 := fixture(t)
	s2.Scenario = "other"
	files, err = WriteCompare([]*report.Summary{s, s2}, dir, "png")
	t.Log(files, err)
}
