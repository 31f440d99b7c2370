package plots

import (
	"bytes"
	"image"
	_ "image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"gonum.org/v1/plot/plotter"
)

// needTool returns the path of an external program a test uses (poppler's
// pdftotext, chromium): the test skips where it is absent, unless
// INSURGO_EXTERNAL_TOOLS=require (set by .ci/run), where it fails.
func needTool(t *testing.T, name string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		if os.Getenv("INSURGO_EXTERNAL_TOOLS") == "require" {
			t.Fatalf("%s not found and INSURGO_EXTERNAL_TOOLS=require: %v", name, err)
		}
		t.Skipf("%s not installed", name)
	}
	return p
}

// bandPlot is a plot whose title and legend hold non-ASCII text and
// whose only data is a 20%-opaque orange band over the whole plot area.
func bandPlot(t *testing.T) []byte {
	t.Helper()
	p := NewPlot("α = 2.26 ± 0.01, x ≥ 33, 3 × 4", "month", "attacks")
	band, err := plotter.NewPolygon(plotter.XYs{{X: 0, Y: 0}, {X: 1, Y: 0}, {X: 1, Y: 1}, {X: 0, Y: 1}})
	if err != nil {
		t.Fatal(err)
	}
	band.Color = alpha(Orange, 0.2)
	band.LineStyle.Width = 0
	p.Add(band)
	p.X.Min, p.X.Max, p.Y.Min, p.Y.Max = 0, 1, 0, 1
	p.Legend.Add("median − 90% band", band)
	var buf bytes.Buffer
	if err := Render(&buf, "pdf", p); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// PDF text is UTF-8: pdftotext gives back "α", "±", "≥", "×" and "−", not
// the cp1252 mojibake ("Î±", "Â±") of gonum/plot's vgpdf.
func TestPDFTextUnicode(t *testing.T) {
	tool := needTool(t, "pdftotext")
	dir := t.TempDir()
	pdf := filepath.Join(dir, "f.pdf")
	if err := os.WriteFile(pdf, bandPlot(t), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(tool, pdf, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	text := string(out)
	for _, want := range []string{"α = 2.26 ± 0.01, x ≥ 33, 3 × 4", "median − 90% band"} {
		if !strings.Contains(text, want) {
			t.Errorf("pdftotext output lacks %q:\n%s", want, text)
		}
	}
	if strings.Contains(text, "Î") || strings.Contains(text, "Â") {
		t.Errorf("mojibake in PDF text:\n%s", text)
	}
}

// A 20%-opaque orange band over white renders as a light orange (about
// 251, 236, 204), not the dark grey that premultiplied components gave.
func TestPDFTransparency(t *testing.T) {
	tool := needTool(t, "pdftoppm")
	dir := t.TempDir()
	pdf := filepath.Join(dir, "f.pdf")
	if err := os.WriteFile(pdf, bandPlot(t), 0o644); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command(tool, "-png", "-r", "72", "-singlefile", pdf, filepath.Join(dir, "f")).CombinedOutput(); err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	f, err := os.Open(filepath.Join(dir, "f.png"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, _, err := image.Decode(f)
	if err != nil {
		t.Fatal(err)
	}
	// The centre of the plot area (left of the legend column) is band.
	b := img.Bounds()
	c := img.At(b.Min.X+b.Dx()*2/5, b.Min.Y+b.Dy()/2)
	r, g, bl, _ := c.RGBA()
	r, g, bl = r>>8, g>>8, bl>>8
	// 0.2×(230,159,0) + 0.8×255 = (250, 236, 204).
	near := func(got uint32, want int) bool { d := int(got) - want; return d >= -6 && d <= 6 }
	if !near(r, 250) || !near(g, 236) || !near(bl, 204) {
		t.Errorf("band pixel = (%d, %d, %d), want about (250, 236, 204)", r, g, bl)
	}
}

// SVG text names generic fallbacks after Liberation Sans.
func TestSVGFontFallback(t *testing.T) {
	p := NewPlot("title", "x", "y")
	var buf bytes.Buffer
	if err := Render(&buf, "svg", p); err != nil {
		t.Fatal(err)
	}
	svg := buf.String()
	if !strings.Contains(svg, svgFamilies) {
		t.Errorf("SVG lacks %q", svgFamilies)
	}
	if strings.Contains(svg, "font-family:Liberation Sans;") {
		t.Error("SVG still names Liberation Sans alone")
	}
}
