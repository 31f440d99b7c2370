package fileerr

import "testing"

func TestIndex(t *testing.T) {
	text := `# comment with [[region]] and key = 1
name = "x"
start = 2021-09-01
description = """
a multi-line string
per_month = 99
[raids]
"""
[raids]
per_month = 3 # trailing comment
"quoted key" = 1
a.b = [
  1,
  2, # [ in a comment
]
after = true

[[region]]
cells = 1
name = "Kabul"
targets = { patrols = 1.0 }

[region.extra]
x = 1

[[region]]
name = 'Kunar'
grievance = 0.5

[[region]]
grievance = 0.1
`
	ix := NewIndex(text)
	tests := []struct {
		path []string
		n    int
		line int
	}{
		{[]string{"name"}, 1, 2},
		{[]string{"start"}, 1, 3},
		{[]string{"description"}, 1, 4},
		{[]string{"raids"}, 1, 9},
		{[]string{"raids", "per_month"}, 2, 10},
		{[]string{"raids", "quoted key"}, 2, 11},
		{[]string{"raids", "a", "b"}, 3, 12},
		{[]string{"raids", "after"}, 2, 16},
		{[]string{"raids", "missing"}, 1, 9},
		{[]string{"region"}, 1, 18},
		{[]string{"region", "Kabul"}, 2, 18},
		{[]string{"region", "Kabul", "cells"}, 3, 19},
		{[]string{"region", "Kabul", "targets", "patrols"}, 3, 21},
		{[]string{"region", "Kabul", "extra", "x"}, 4, 24},
		{[]string{"region", "Kunar", "grievance"}, 3, 28},
		{[]string{"region", "#2", "grievance"}, 3, 28},
		{[]string{"region", "#3", "grievance"}, 3, 31},
		{[]string{"region", "#3", "name"}, 2, 30},
		{[]string{"region", "Atlantis", "grievance"}, 1, 18},
		{[]string{"nothing"}, 0, 0},
	}
	for _, tt := range tests {
		n, p := ix.Find(tt.path)
		if n != tt.n || p.Line != tt.line {
			t.Errorf("find(%q) = %d at line %d, want %d at line %d", tt.path, n, p.Line, tt.n, tt.line)
		}
	}
}

func TestParseKey(t *testing.T) {
	tests := []struct {
		in       string
		brackets int
		segs     []string
		ok       bool
	}{
		{"a.b . c = 1", 0, []string{"a", "b", "c"}, true},
		{`"x.y".'z' = 1`, 0, []string{"x.y", "z"}, true},
		{"[[ region ]]", 2, []string{"region"}, true},
		{"[a.b]", 1, []string{"a", "b"}, true},
		{"[a.b", 1, nil, false},
		{"= 1", 0, nil, false},
	}
	for _, tt := range tests {
		segs, _, ok := parseKey(tt.in, tt.brackets)
		if ok != tt.ok || len(segs) != len(tt.segs) {
			t.Errorf("parseKey(%q) = %q, %v; want %q, %v", tt.in, segs, ok, tt.segs, tt.ok)
			continue
		}
		for i := range segs {
			if segs[i] != tt.segs[i] {
				t.Errorf("parseKey(%q) = %q, want %q", tt.in, segs, tt.segs)
			}
		}
	}
}
