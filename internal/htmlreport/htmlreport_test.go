package htmlreport

import (
	"bytes"
	"strings"
	"testing"
)

func TestRender(t *testing.T) {
	r := &Report{
		Title: "Run <historical>", Subtitle: "1000 replicates",
		Sections: []Section{
			{Title: "Targets & coverage", Tables: []Table{{Header: []string{"target", "observed", "90% interval"}, Rows: [][]string{{"a", "12", "[3, 40]"}, {"b", "−4.5%", "x"}}, Flag: []bool{false, true}}}},
			{ID: "fig", Title: "Figures", Figures: []Figure{{Caption: "one", Type: SVG, Data: []byte("<svg/>")}}, Code: []Code{{Text: "a = 1 < 2"}}},
		},
		Provenance: []Fact{{"command", "insurgo run"}},
	}
	var a, b bytes.Buffer
	if err := r.Render(&a); err != nil {
		t.Fatal(err)
	}
	if err := r.Render(&b); err != nil {
		t.Fatal(err)
	}
	if a.String() != b.String() {
		t.Error("two renderings differ")
	}
	h := a.String()
	for _, want := range []string{
		"<title>Run &lt;historical&gt;</title>",
		`<a href="#targets-coverage">Targets &amp; coverage</a>`,
		`<td class="n">12</td>`, `<td class="n">[3, 40]</td>`, `<td class="n">−4.5%</td>`, "<td>x</td>",
		`<tr class="flag">`,
		`src="data:image/svg&#43;xml;base64,PHN2Zy8&#43;"`,
		"<pre>a = 1 &lt; 2</pre>",
	} {
		if !strings.Contains(h, want) {
			t.Errorf("output lacks %s", want)
		}
	}
	for _, bad := range []string{"<script", "http://", "https://", "ZgotmplZ"} {
		if strings.Contains(h, bad) {
			t.Errorf("output contains %s", bad)
		}
	}
}
