package sweeprun

import (
	"bytes"
	"strings"
	"testing"

	"github.com/insurgo/insurgo/plots"
	"github.com/insurgo/insurgo/sim/sweep"
)

// A grid heat map writes each cell's value in it and draws a colour bar
// with its scale, in a sequential palette; Morris points are named in the
// legend, not by overlapping labels.
func TestSweepFiguresReadable(t *testing.T) {
	g := grid2{xs: []float64{0.1, 0.2}, ys: []float64{1, 2, 3}, z: [][]float64{{1, 2, 3}, {4, 5, 60}}}
	p, err := heatmapFigure("t", "x", "y", g)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := plots.Render(&buf, "svg", p); err != nil {
		t.Fatal(err)
	}
	svg := buf.String()
	for _, want := range []string{">60<", ">4<", ">2<", ">15.75<", ">30.5<", ">45.25<"} {
		if !strings.Contains(svg, want) {
			t.Errorf("heat map SVG lacks %s (cell value or colour-bar scale)", want)
		}
	}
	names := []string{"attacks.rate", "intel.informants", "region.Nangarhar.grievance"}
	r := &sweep.MorrisEffects{MuStar: []float64{1, 1.1, 1.05}, Sigma: []float64{1, 1, 1.02}, MuStarCI: []sweep.Interval{{Lo: 0.5, Hi: 1.5}, {Lo: 0.6, Hi: 1.6}, {Lo: 0.7, Hi: 1.4}}}
	mp, err := morrisFigure("m", names, r)
	if err != nil {
		t.Fatal(err)
	}
	buf.Reset()
	if err := plots.Render(&buf, "svg", mp); err != nil {
		t.Fatal(err)
	}
	for _, n := range names {
		if strings.Count(buf.String(), ">"+n+"<") != 1 {
			t.Errorf("parameter %s not named once (in the legend)", n)
		}
	}
}
