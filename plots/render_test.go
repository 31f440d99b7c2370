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
	p, err := Fan(s, "attacks", "country:afghanistan")
	if err != nil {
		t.Fatal(err)
	}
	if err := Write(filepath.Join(dir, "fan.png"), "png", p); err != nil {
		t.Fatal(err)
	}
	p, err = Casualties(s)
	if err != nil {
		t.Fatal(err)
	}
	if err := Write(filepath.Join(dir, "cas.png"), "png", p); err != nil {
		t.Fatal(err)
	}
}
