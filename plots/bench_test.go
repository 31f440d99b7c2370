package plots

import (
	"io"
	"testing"
)

// BenchmarkRender measures drawing one fan chart and encoding it, by
// format; PNG at 300 dpi dominates the time of 'insurgo plot'.
func BenchmarkRender(b *testing.B) {
	s := fixture(b)
	for _, format := range Formats {
		b.Run(format, func(b *testing.B) {
			for b.Loop() {
				p, err := Fan(s, "attacks", "total")
				if err != nil {
					b.Fatal(err)
				}
				if err := Render(io.Discard, format, p); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkWriteDefault measures the whole default set of the fixture as
// PNG.
func BenchmarkWriteDefault(b *testing.B) {
	s := fixture(b)
	dir := b.TempDir()
	for b.Loop() {
		if _, err := WriteDefault(s, dir, "png"); err != nil {
			b.Fatal(err)
		}
	}
}
