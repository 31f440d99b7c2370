// Package htmlreport writes report.html: one self-contained, offline,
// printable HTML file that gathers a run's, a comparison's or a sweep's
// outputs in one view (facts, tables, figures inline as data URIs, the
// scenario as run, the command line and versions). Commands fill a Report
// with Sections; the package knows nothing of what they hold.
package htmlreport

import (
	"encoding/base64"
	"fmt"
	"html/template"
	"io"
	"regexp"
	"strings"
)

// Report is one HTML document.
type Report struct {
	Title    string
	Subtitle string    // one line under the title
	Sections []Section // in order; each gets an entry in the contents
	// Provenance is printed at the foot: command line, versions, times.
	Provenance []Fact
}

// Section is one titled part of a report. Its parts are drawn in the
// order of the fields: text, facts, tables, figures, code.
type Section struct {
	ID      string // anchor; made from Title when empty
	Title   string
	Text    []string // paragraphs, plain text
	Facts   []Fact
	Tables  []Table
	Figures []Figure
	Code    []Code
}

// Fact is a labelled value.
type Fact struct{ Key, Value string }

// Table is a table of text cells. Cells that read as numbers (with an
// optional sign, %, or interval brackets) are right-aligned.
type Table struct {
	Caption string
	Header  []string
	Rows    [][]string
	// Flag marks rows to emphasise (a target not covered, say); nil or
	// shorter than Rows means none.
	Flag []bool
	Note string // printed under the table
}

// Figure is an image carried inside the file.
type Figure struct {
	Caption string
	Type    string // MIME type: "image/svg+xml" or "image/png"
	Data    []byte
}

// Code is preformatted text, such as the resolved scenario.
type Code struct {
	Caption string
	Text    string
}

// SVG and PNG are the figure types.
const (
	SVG = "image/svg+xml"
	PNG = "image/png"
)

var numeric = regexp.MustCompile(`^[\[(]?[-+−]?[0-9][0-9.,eE+\-−×%]*([ ,–]+[-+−]?[0-9][0-9.,eE+\-−%]*)*[\])]?%?$`)

var funcs = template.FuncMap{
	"src": func(f Figure) template.URL {
		return template.URL("data:" + f.Type + ";base64," + base64.StdEncoding.EncodeToString(f.Data))
	},
	"num":     func(s string) bool { return numeric.MatchString(strings.TrimSpace(s)) },
	"flagged": func(t Table, i int) bool { return i < len(t.Flag) && t.Flag[i] },
	"id":      sectionID,
}

// sectionID is s's ID, or one made from its title.
func sectionID(s Section) string {
	if s.ID != "" {
		return s.ID
	}
	var b strings.Builder
	for _, r := range strings.ToLower(s.Title) {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			b.WriteRune(r)
		case b.Len() > 0 && !strings.HasSuffix(b.String(), "-"):
			b.WriteByte('-')
		}
	}
	return strings.TrimSuffix(b.String(), "-")
}

var page = template.Must(template.New("report").Funcs(funcs).Parse(pageHTML))

// Render writes r as one HTML document to w. The output depends on r
// alone: the same report gives the same bytes.
func (r *Report) Render(w io.Writer) error {
	if err := page.Execute(w, r); err != nil {
		return fmt.Errorf("htmlreport: %w", err)
	}
	return nil
}
