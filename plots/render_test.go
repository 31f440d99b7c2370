package plots

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"gonum.org/v1/plot"

	"github.com/insurgo/insurgo/internal/report"
)

// regen rewrites the golden images in testdata/ from the current code, as
// gonum/plot's own tests do: go test ./plots -regen. Look at the new images
// before committing them.
var regen = flag.Bool("regen", false, "regenerate the golden images in testdata/")

// fixture reads the small hand-made summary in testdata: 12 months
// (2021-09..2022-08), 80 replicates, seed 7, attacks by total, country,
// group and type, suicide attacks, fighters, cells, the pooled
// distributions casualties and attacks_per_month, and three targets (two
// sums in country:afghanistan and a share in group:kp).
func fixture(t testing.TB) *report.Summary {
	t.Helper()
	s, err := report.ReadSummary(filepath.Join("testdata", "summary.json"))
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// second is the fixture as a second scenario, for comparisons.
func second(t testing.TB) *report.Summary {
	s := fixture(t)
	s.Scenario = "fixture_b"
	for i := range s.Targets {
		for j := range s.Targets[i].Values {
			s.Targets[i].Values[j] *= 1.25
		}
	}
	d := s.Distribution("attacks_per_month")
	for j := range d.Values {
		d.Values[j] -= 6
	}
	return s
}

// goldens are the figures compared with golden images, by file name.
func goldens(t *testing.T) map[string]func() ([]*plot.Plot, error) {
	s := fixture(t)
	runs := []*report.Summary{s, second(t)}
	return map[string]func() ([]*plot.Plot, error){
		"fan-attacks-country-afghanistan": one(func() (*plot.Plot, error) { return Fan(s, "attacks", "country:afghanistan") }),
		"tempo":                           one(func() (*plot.Plot, error) { return Tempo(s) }),
		"where-groups":                    one(func() (*plot.Plot, error) { return Where(s) }),
		"what-types":                      one(func() (*plot.Plot, error) { return What(s) }),
		"casualties-ccdf":                 one(func() (*plot.Plot, error) { return Casualties(s) }),
		"strength":                        func() ([]*plot.Plot, error) { return Strength(s) },
		"compare-tempo":                   one(func() (*plot.Plot, error) { return Tempo(runs...) }),
		"compare-afg_first_year":          one(func() (*plot.Plot, error) { return Target(runs, "afg_first_year") }),
	}
}

// equalPNG reports whether two PNG files hold the same pixels (the
// comparison gonum/plot's cmpimg.Equal makes for PNGs; cmpimg itself would
// add a module requirement).
func equalPNG(a, b []byte) (bool, error) {
	ia, err := png.Decode(bytes.NewReader(a))
	if err != nil {
		return false, err
	}
	ib, err := png.Decode(bytes.NewReader(b))
	if err != nil {
		return false, err
	}
	if ia.Bounds() != ib.Bounds() {
		return false, nil
	}
	r := ia.Bounds()
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			r1, g1, b1, a1 := ia.At(x, y).RGBA()
			r2, g2, b2, a2 := ib.At(x, y).RGBA()
			if r1 != r2 || g1 != g2 || b1 != b2 || a1 != a2 {
				return false, nil
			}
		}
	}
	return true, nil
}

func TestGolden(t *testing.T) {
	for name, make := range goldens(t) {
		t.Run(name, func(t *testing.T) {
			ps, err := make()
			if err != nil {
				t.Fatal(err)
			}
			var buf bytes.Buffer
			if err := Render(&buf, "png", ps...); err != nil {
				t.Fatal(err)
			}
			golden := filepath.Join("testdata", name+"_golden.png")
			if *regen {
				if err := os.WriteFile(golden, buf.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -regen to create it)", err)
			}
			ok, err := equalPNG(buf.Bytes(), want)
			if err != nil {
				t.Fatal(err)
			}
			if !ok {
				got := filepath.Join(t.TempDir(), name+".png")
				os.WriteFile(got, buf.Bytes(), 0o644)
				t.Errorf("%s differs from %s; the new image is %s (go test -regen to accept it)", name, golden, got)
			}
		})
	}
}

// TestDefaultSet checks that WriteDefault writes every default figure of
// the fixture as a valid PNG of Width × Height at DPI, and nothing else.
func TestDefaultSet(t *testing.T) {
	dir := t.TempDir()
	s := fixture(t)
	files, err := WriteDefault(s, dir, "png")
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"fan-attacks-total", "fan-attacks-country-afghanistan", "fan-attacks-country-pakistan",
		"tempo", "where-groups", "what-types", "casualties-ccdf", "strength",
	}
	if len(files) != len(want) {
		t.Fatalf("wrote %d files %v, want %d %v", len(files), files, len(want), want)
	}
	// 16 cm × 9 cm at 300 dpi: 16/2.54×300 = 1889.8 and 9/2.54×300 = 1063.0.
	const wantW, wantH = 1890, 1063
	for i, f := range files {
		if filepath.Base(f) != want[i]+".png" {
			t.Errorf("file %d is %s, want %s.png", i, filepath.Base(f), want[i])
		}
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		cfg, format, err := image.DecodeConfig(bytes.NewReader(b))
		if err != nil {
			t.Errorf("%s: %v", f, err)
			continue
		}
		if format != "png" || cfg.Width != wantW || cfg.Height != wantH {
			t.Errorf("%s: %s %d×%d, want png %d×%d", f, format, cfg.Width, cfg.Height, wantW, wantH)
		}
		if _, err := png.Decode(bytes.NewReader(b)); err != nil {
			t.Errorf("%s: %v", f, err)
		}
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != len(want) {
		t.Errorf("%d entries in the output directory, want %d (a temporary file left behind?)", len(entries), len(want))
	}
}

// TestDeterministic checks that the same summary gives the same bytes, in
// every format.
func TestDeterministic(t *testing.T) {
	s := fixture(t)
	for _, format := range Formats {
		var out [2][]byte
		for i := range out {
			ps, err := Strength(s)
			if err != nil {
				t.Fatal(err)
			}
			var buf bytes.Buffer
			if err := Render(&buf, format, ps...); err != nil {
				t.Fatal(err)
			}
			out[i] = buf.Bytes()
		}
		if !bytes.Equal(out[0], out[1]) {
			t.Errorf("%s: two renderings of the same summary differ", format)
		}
		if len(out[0]) == 0 {
			t.Errorf("%s: empty output", format)
		}
	}
}

func TestCompareSet(t *testing.T) {
	dir := t.TempDir()
	runs := []*report.Summary{fixture(t), second(t)}
	files, err := WriteCompare(runs, dir, "svg")
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"compare-tempo.svg", "compare-afg_sep_dec_2021.svg", "compare-afg_first_year.svg", "compare-kp_2022_share.svg"}
	if len(files) != len(want) {
		t.Fatalf("wrote %v, want %v", files, want)
	}
	for i, f := range files {
		if filepath.Base(f) != want[i] {
			t.Errorf("file %d is %s, want %s", i, filepath.Base(f), want[i])
		}
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Contains(b, []byte("<svg")) || !bytes.Contains(b, []byte("fixture_b")) {
			t.Errorf("%s: not an SVG naming both scenarios", f)
		}
	}
}

// empty returns a summary with months but no series, distributions or
// targets.
func empty() *report.Summary {
	return &report.Summary{Scenario: "empty", Seed: 1, Replicates: 10, Months: []string{"2022-01", "2022-02"}}
}

// zeros returns a summary whose every series and sample is zero.
func zeros() *report.Summary {
	s := empty()
	z := []float64{0, 0}
	for _, k := range []string{"group:east", "group:kp", "type:attrition", "total"} {
		s.Series = append(s.Series, report.Series{Metric: "attacks", Scope: k, P05: z, P25: z, P50: z, P75: z, P95: z, Mean: z})
	}
	s.Distributions = []report.Distribution{{Name: "casualties", Values: []float64{0}, Counts: []int64{40}}}
	return s
}

func TestNoData(t *testing.T) {
	for _, s := range []*report.Summary{empty(), zeros()} {
		cases := map[string]func() error{
			"Where":      func() error { _, err := Where(s); return err },
			"What":       func() error { _, err := What(s); return err },
			"Casualties": func() error { _, err := Casualties(s); return err },
			"Strength":   func() error { _, err := Strength(s); return err },
			"Tempo":      func() error { _, err := Tempo(s); return err },
			"Target":     func() error { _, err := Target([]*report.Summary{s}, "nope"); return err },
			"Violins":    func() error { _, err := Violins("t", "y", []Dist{{Name: "a"}}); return err },
		}
		if s.Find("attacks", "total") == nil {
			cases["Fan"] = func() error { _, err := Fan(s, "attacks", "total"); return err }
		}
		for name, f := range cases {
			if err := f(); !errors.Is(err, ErrNoData) {
				t.Errorf("%s of %s: error %v, want ErrNoData", name, describe(s), err)
			}
		}
		dir := t.TempDir()
		files, err := WriteDefault(s, dir, "png")
		if !errors.Is(err, ErrNoData) {
			t.Errorf("WriteDefault of %s: error %v, want ErrNoData", describe(s), err)
		}
		if err != nil && !strings.Contains(err.Error(), "where-groups") {
			t.Errorf("WriteDefault of %s: error %q does not name the skipped figure", describe(s), err)
		}
		// All-zero attacks are drawn as an honest flat fan at zero; nothing
		// else is drawn.
		wantFiles := 0
		if s.Find("attacks", "total") != nil {
			wantFiles = 1
		}
		if len(files) != wantFiles {
			t.Errorf("WriteDefault of %s wrote %v, want %d file(s)", describe(s), files, wantFiles)
		}
	}
	if _, err := Tempo(); !errors.Is(err, ErrNoData) {
		t.Errorf("Tempo(): error %v, want ErrNoData", err)
	}
	if _, err := WriteCompare(nil, t.TempDir(), "png"); !errors.Is(err, ErrNoData) {
		t.Errorf("WriteCompare(nil): error %v, want ErrNoData", err)
	}
}

func describe(s *report.Summary) string {
	return fmt.Sprintf("a summary with %d series", len(s.Series))
}

func TestBadInput(t *testing.T) {
	s := fixture(t)
	if _, err := WriteDefault(s, t.TempDir(), "gif"); err == nil || !strings.Contains(err.Error(), `"gif"`) {
		t.Errorf("format gif: error %v, want one naming the format", err)
	}
	bad := Dist{Name: "bad", Values: []float64{1, 2}, Counts: []int64{1}}
	if _, err := Violins("t", "y", []Dist{bad}); err == nil || errors.Is(err, ErrNoData) {
		t.Errorf("mismatched values and counts: error %v, want a non-ErrNoData error", err)
	}
	// A series with a NaN quantile (a corrupt summary) is refused, not drawn.
	s.Series[0].P50[0] = nan()
	if _, err := Fan(s, s.Series[0].Metric, s.Series[0].Scope); err == nil {
		t.Error("NaN quantile: no error")
	}
}

func nan() float64 { var z float64; return z / z }
