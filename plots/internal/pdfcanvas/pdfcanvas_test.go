package pdfcanvas

import (
	"image/color"
	"testing"
)

// A 20%-opaque orange must reach the PDF as orange at opacity 0.2, not as
// the premultiplied (dark) components vgpdf passed.
func TestRGBAStraight(t *testing.T) {
	r, g, b, a := rgba(color.NRGBA{0xe6, 0x9f, 0x00, 51})
	if r != 0xe6 || g != 0x9f || b != 0 || a < 0.199 || a > 0.201 {
		t.Errorf("rgba = %d %d %d %.3f, want 230 159 0 0.200", r, g, b, a)
	}
	r, g, b, a = rgba(nil)
	if r != 0 || g != 0 || b != 0 || a != 1 {
		t.Errorf("rgba(nil) = %d %d %d %v, want opaque black", r, g, b, a)
	}
}
