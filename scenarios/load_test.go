package scenarios

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// TestBadInputs loads each bad scenario in testdata/bad and checks that the
// error names the file, the key, the line where the file sets it and a hint
// where there is one, and wraps the right sentinel.
func TestBadInputs(t *testing.T) {
	tests := []struct {
		file     string
		sentinel error
		key      string // the key of the expected Error ("" for the file as a whole)
		line     int    // its line (0: unknown or not checked)
		contains []string
	}{
		{"does_not_exist.toml", ErrNotFound, "", 0, []string{"cannot read scenario", "no such file"}},
		{"not_toml.toml", ErrSyntax, "", 3, []string{"not_toml.toml:3:6:", "not valid TOML"}},
		{"unknown_key.toml", ErrUnknownKey, "raids.per_mnth", 6, []string{"unknown key", `did you mean "per_month"?`}},
		{"unknown_top_key.toml", ErrUnknownKey, "strat", 4, []string{`did you mean "start"?`}},
		{"unknown_region_key.toml", ErrUnknownKey, "region.Kabul.grievence", 7, []string{`did you mean "grievance"?`}},
		{"wrong_type.toml", ErrType, "raids.per_month", 6, []string{`want a number, got string "lots"`}},
		{"wrong_type_array.toml", ErrType, "region.Kunar.neighbors", 7, []string{"want an array of strings", `got string "Nuristan"`}},
		{"negative_count.toml", ErrRange, "region.Kunar.cells", 7, []string{"must be >= 0, got -3"}},
		{"probability.toml", ErrRange, "raids.quality", 6, []string{"must be in [0, 1], got 1.5"}},
		{"not_finite.toml", ErrRange, "raids.kill_fraction", 6, []string{"must be a finite number, got NaN"}},
		{"end_before_start.toml", ErrRange, "end", 5, []string{"must not be before start (2023-01-01), got 2022-06-30"}},
		{"date_as_string.toml", ErrType, "start", 4, []string{"want a date such as 2021-09-01", `got string "2021-09-01"`}},
		{"date_time.toml", ErrType, "end", 4, []string{"want a date", "got date-time"}},
		{"border_unknown_region.toml", ErrRange, "border.durand.links[1]", 7, []string{`unknown region "Atlantis"`}},
		{"extends_unknown.toml", ErrExtends, "extends", 2, []string{`no shipped scenario "hystorical"`, `did you mean "historical"?`}},
		{"extends_missing_file.toml", ErrExtends, "extends", 2, []string{"cannot read", "no-such-base.toml"}},
		{"cycle_a.toml", ErrExtends, "extends", 2, []string{"cycle: ", "cycle_a.toml -> ", "cycle_b.toml -> ", "cycle_a.toml"}},
		{"cycle_self.toml", ErrExtends, "extends", 2, []string{"cycle: ", "cycle_self.toml -> ", "cycle_self.toml"}},
		{"duplicate_region.toml", ErrDuplicate, "region.Kabul", 9, []string{`duplicate name "Kabul"`, "#1 and #2"}},
		{"missing_name.toml", ErrRange, "region.#1.name", 5, []string{"missing: every [[region]] needs a unique name"}},
		{"target_unknown_metric.toml", ErrRange, "target.attacks-2023.metric", 7, []string{`unknown metric "atacks"`, `did you mean "attacks"?`}},
		{"target_unknown_scope.toml", ErrRange, "target.nangarhar-2022.scope", 8, []string{`unknown scope "region:Nangahar"`, `did you mean "region:Nangarhar"?`}},
		{"target_unknown_statistic.toml", ErrRange, "target.attacks-2022-median.statistic", 11, []string{`unknown statistic "median"`, "sum, mean_per_month, share"}},
		{"target_bad_month.toml", ErrType, "target.attacks-2022-bad.from", 9, []string{`want a month YYYY-MM`, `got "2022-13"`}},
		{"target_outside_run.toml", ErrRange, "target.attacks-2020.from", 9, []string{"month 2020-01 is outside the run, 2021-09 to 2023-12"}},
		{"drop_unknown.toml", ErrRange, "drop", 4, []string{`"target.kp-rate-2012": no inherited [[target]] named "kp-rate-2012"`, `did you mean "kp-rate-2021"?`}},
		{"target_share_without_of.toml", ErrRange, "target.kabul-share-2022b.of", 5, []string{`statistic "share" needs an of scope`}},
		// Issue 14: a misspelt region becomes a new one; say which was meant.
		{"region_typo.toml", ErrRange, "region.Nangahar.country", 5, []string{"got nothing", `[[region]] "Nangahar" is a new element: did you mean "Nangarhar"?`}},
		{"unknown_group.toml", ErrRange, "region.Kunar.group", 7, []string{`got "esat"`, `did you mean "east"?`}},
		{"leader_unknown_region.toml", ErrRange, "leader.Shahab al-Muhajir.region", 7, []string{`unknown region "Kunnar"`, `did you mean "Kunar"?`}},
		{"counter_bad_month.toml", ErrType, "media.counter_from", 6, []string{`want a month YYYY-MM such as "2021-09", got "2022-13"`}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			path := filepath.Join("testdata", "bad", tt.file)
			s, err := Load(path)
			if err == nil {
				t.Fatalf("Load(%s) = %q, want an error", path, s.Name)
			}
			if !errors.Is(err, tt.sentinel) {
				t.Errorf("error does not wrap %v:\n%v", tt.sentinel, err)
			}
			var es Errors
			if !errors.As(err, &es) || len(es) == 0 {
				t.Fatalf("error is not a non-empty Errors: %T %v", err, err)
			}
			var e *Error
			for _, x := range es {
				if x.Key == tt.key && errors.Is(x, tt.sentinel) {
					e = x
					break
				}
			}
			if e == nil {
				t.Fatalf("no error with key %q wrapping %v in:\n%v", tt.key, tt.sentinel, err)
			}
			if tt.file != "cycle_a.toml" && !strings.HasSuffix(e.File, tt.file) {
				t.Errorf("error names file %q, want %s", e.File, tt.file)
			}
			if tt.line > 0 && e.Line != tt.line {
				t.Errorf("error at line %d, want %d: %v", e.Line, tt.line, e)
			}
			msg := e.Error()
			want := e.File
			if e.Line > 0 {
				want += ":" + strconv.Itoa(e.Line)
				if e.Column > 0 {
					want += ":" + strconv.Itoa(e.Column)
				}
			}
			if errors.Is(e, ErrType) && e.Column == 0 {
				t.Errorf("type error without a column: %v", e)
			}
			if tt.key != "" {
				want += ": " + tt.key + ": "
			}
			if !strings.HasPrefix(msg, want) {
				t.Errorf("message %q does not start with %q", msg, want)
			}
			for _, c := range tt.contains {
				if !strings.Contains(msg, c) {
					t.Errorf("message %q does not contain %q", msg, c)
				}
			}
		})
	}
}

// TestBadInputFilesAreStandalone checks that every file in testdata/bad
// is rejected on its own (the CLI tests reuse them one at a time).
func TestBadInputFilesAreStandalone(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "bad", "*.toml"))
	if err != nil || len(files) < 15 {
		t.Fatalf("want at least 15 bad inputs, got %d (%v)", len(files), err)
	}
	for _, f := range files {
		if _, err := Load(f); err == nil {
			t.Errorf("Load(%s) succeeded, want an error", f)
		}
	}
}

// TestAllErrorsReported checks that one file with several problems gets
// all of them, in line order.
func TestAllErrorsReported(t *testing.T) {
	_, err := Load(filepath.Join("testdata", "bad", "many_errors.toml"))
	var es Errors
	if !errors.As(err, &es) {
		t.Fatalf("got %v, want Errors", err)
	}
	want := []struct {
		key      string
		line     int
		sentinel error
	}{
		{"raids.per_mnth", 6, ErrUnknownKey},
		{"raids.quality", 7, ErrRange},
		{"isk.split_size", 10, ErrType},
		{"region.Kunar.cells", 14, ErrRange},
	}
	if len(es) != len(want) {
		t.Fatalf("got %d errors, want %d:\n%v", len(es), len(want), err)
	}
	for i, w := range want {
		if es[i].Key != w.key || es[i].Line != w.line || !errors.Is(es[i], w.sentinel) {
			t.Errorf("error %d = %v (line %d), want key %s at line %d wrapping %v", i, es[i], es[i].Line, w.key, w.line, w.sentinel)
		}
	}
	if n := strings.Count(err.Error(), "\n"); n != len(want)-1 {
		t.Errorf("Errors.Error() has %d lines, want one per error:\n%v", n+1, err)
	}
}

// TestSyntaxErrorPosition checks line and column of a TOML syntax error.
func TestSyntaxErrorPosition(t *testing.T) {
	_, err := LoadBytes("x.toml", []byte("name = \"x\"\n\n[raids]\nper_month = = 1\n"))
	var es Errors
	if !errors.As(err, &es) || len(es) != 1 || !errors.Is(err, ErrSyntax) {
		t.Fatalf("got %v, want one syntax error", err)
	}
	if es[0].Line != 4 || es[0].Column != 13 || es[0].File != "x.toml" {
		t.Errorf("got %s at %d:%d, want x.toml at 4:13", es[0].File, es[0].Line, es[0].Column)
	}
}

func TestUnknownShippedName(t *testing.T) {
	_, err := Load("histerical")
	if !errors.Is(err, ErrNotFound) || !strings.Contains(err.Error(), `did you mean "historical"?`) {
		t.Errorf("got %v, want ErrNotFound with a hint", err)
	}
}

// TestShipped loads every shipped scenario.
func TestShipped(t *testing.T) {
	infos := Shipped()
	if len(infos) == 0 {
		t.Fatal("no shipped scenarios")
	}
	found := false
	for i, info := range infos {
		if i > 0 && infos[i-1].Name >= info.Name {
			t.Errorf("Shipped not sorted: %q before %q", infos[i-1].Name, info.Name)
		}
		found = found || info.Name == Default
		s, err := Load(info.Name)
		if err != nil {
			t.Errorf("shipped scenario %s: %v", info.Name, err)
			continue
		}
		if s.Name != info.Name {
			t.Errorf("shipped file %s.toml has name %q; they must match", info.Name, s.Name)
		}
		if info.Description == "" || strings.HasPrefix(info.Description, "invalid") {
			t.Errorf("shipped scenario %s: description %q", info.Name, info.Description)
		}
		if len(s.Targets) == 0 && info.Name == Default {
			t.Errorf("%s has no targets", info.Name)
		}
		cal, err := s.Calendar()
		if err != nil {
			t.Errorf("%s: calendar: %v", info.Name, err)
			continue
		}
		for _, tg := range s.Targets {
			if _, _, err := tg.Bind(&cal); err != nil {
				t.Errorf("%s: target %s: %v", info.Name, tg.Name, err)
			}
		}
		if len(s.Observed()) != len(s.Targets) {
			t.Errorf("%s: Observed has %d entries for %d targets", info.Name, len(s.Observed()), len(s.Targets))
		}
	}
	if !found {
		t.Errorf("the default scenario %q is not shipped", Default)
	}
}

// TestExtendsMerge checks inheritance: a field of one region overridden by
// name, a region appended, targets overridden and appended by name, and
// everything else inherited, over a chain of three files.
func TestExtendsMerge(t *testing.T) {
	base, err := Load("historical")
	if err != nil {
		t.Fatal(err)
	}
	child, err := Load(filepath.Join("testdata", "extends", "child.toml"))
	if err != nil {
		t.Fatal(err)
	}
	if child.Name != "child" || child.Extends != "historical" || child.Description != base.Description {
		t.Errorf("child: name %q extends %q description %q", child.Name, child.Extends, child.Description)
	}
	if child.Params.Raids.Quality != 0.45 {
		t.Errorf("raids.quality = %v, want the child's 0.45", child.Params.Raids.Quality)
	}
	// The rest of [raids] is inherited.
	wantRaids := base.Params.Raids
	wantRaids.Quality = 0.45
	if child.Params.Raids != wantRaids {
		t.Errorf("raids = %+v, want %+v", child.Params.Raids, wantRaids)
	}
	br, cr := base.Params.Regions, child.Params.Regions
	if len(cr) != len(br)+1 {
		t.Fatalf("child has %d regions, want %d + 1", len(cr), len(br))
	}
	for i := range br {
		want := br[i]
		if want.Name == "Kabul" {
			want.Grievance = 0.15
		}
		if !reflect.DeepEqual(cr[i], want) {
			t.Errorf("region %d = %+v, want %+v", i, cr[i], want)
		}
	}
	if last := cr[len(cr)-1]; last.Name != "Testland" || last.Cells != 2 || last.Group != "other" {
		t.Errorf("appended region = %+v", last)
	}
	if !reflect.DeepEqual(child.Params.Borders, base.Params.Borders) || !reflect.DeepEqual(child.Params.Leaders, base.Params.Leaders) {
		t.Error("borders or leaders not inherited unchanged")
	}
	if len(child.Targets) != len(base.Targets)+1 {
		t.Fatalf("child has %d targets, want %d + 1", len(child.Targets), len(base.Targets))
	}
	for i, bt := range base.Targets {
		ct := child.Targets[i]
		if bt.Name == "attacks-2022" {
			bt.Observed = 220
		}
		if ct != bt {
			t.Errorf("target %d = %+v, want %+v", i, ct, bt)
		}
	}
	if last := child.Targets[len(child.Targets)-1]; last.Name != "testland-2022" || last.Scope != "region:Testland" {
		t.Errorf("appended target = %+v", last)
	}

	gc, err := Load(filepath.Join("testdata", "extends", "grandchild.toml"))
	if err != nil {
		t.Fatal(err)
	}
	if gc.Name != "grandchild" || gc.Extends != "child.toml" {
		t.Errorf("grandchild: name %q extends %q", gc.Name, gc.Extends)
	}
	if got := gc.Params.Regions[len(gc.Params.Regions)-1]; got.Name != "Testland" || got.Cells != 5 || got.Grievance != 0.2 {
		t.Errorf("grandchild Testland = %+v, want cells 5 and the child's grievance 0.2", got)
	}
	if gc.Params.Raids.Quality != 0.45 || gc.End.Format("2006-01-02") != "2023-06-30" || !gc.Start.Equal(base.Start) {
		t.Errorf("grandchild: quality %v, %v to %v", gc.Params.Raids.Quality, gc.Start, gc.End)
	}
}

// TestDrop checks that drop removes inherited elements by name.
func TestDrop(t *testing.T) {
	base, err := Load("historical")
	if err != nil {
		t.Fatal(err)
	}
	s, err := Load(filepath.Join("testdata", "example.toml"))
	if err != nil {
		t.Fatal(err)
	}
	dropped := map[string]bool{"af-attacks-sep-dec-2021": true, "af-provinces-sep-dec-2021": true,
		"nangarhar-share-sep-dec-2021": true, "af-attacks-first-year": true, "af-provinces-first-year": true, "kp-rate-2021": true}
	var want []Target
	for _, tg := range base.Targets {
		if !dropped[tg.Name] {
			want = append(want, tg)
		}
	}
	if !reflect.DeepEqual(s.Targets, want) || len(want) != len(base.Targets)-len(dropped) {
		t.Errorf("targets after drop = %v, want %v", s.Targets, want)
	}
}

// TestExtendsErrorPlacement checks that a problem in an inherited file is
// reported against the file that sets the key, not the one loaded.
func TestExtendsErrorPlacement(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	write("base.toml", "extends = \"historical\"\n\n[raids]\nquality = 2.0\n")
	top := write("top.toml", "extends = \"base.toml\"\n\n[raids]\nper_month = 1.0\n")
	_, err := Load(top)
	var es Errors
	if !errors.As(err, &es) || len(es) != 1 {
		t.Fatalf("got %v, want one error", err)
	}
	if e := es[0]; e.File != filepath.Join(dir, "base.toml") || e.Line != 4 || e.Key != "raids.quality" {
		t.Errorf("got %v, want base.toml:4: raids.quality", e)
	}
}

// TestHash checks that the hash depends on what a scenario runs, not on how
// its files are written.
func TestHash(t *testing.T) {
	a, err := Load("historical")
	if err != nil {
		t.Fatal(err)
	}
	if len(a.Hash) != 64 {
		t.Fatalf("hash %q is not hex sha256", a.Hash)
	}
	for range 10 { // maps iterate in a new order each time
		b, err := Load("historical")
		if err != nil {
			t.Fatal(err)
		}
		if b.Hash != a.Hash {
			t.Fatalf("hash changed between loads: %s, %s", a.Hash, b.Hash)
		}
	}
	same, err := Load(filepath.Join("testdata", "extends", "same_as_historical.toml"))
	if err != nil {
		t.Fatal(err)
	}
	if same.Hash != a.Hash {
		t.Errorf("a renamed historical has hash %s, want historical's %s", same.Hash, a.Hash)
	}
	// The shipped file's text, reordered: the target tables moved to the
	// top, comments dropped.
	text, err := os.ReadFile("historical.toml")
	if err != nil {
		t.Fatal(err)
	}
	i := strings.Index(string(text), "\n[[target]]")
	if i < 0 {
		t.Fatal("historical.toml has no [[target]]")
	}
	head, targets := string(text[:i]), string(text[i:])
	j := strings.Index(head, "\n[")
	reordered := head[:j+1] + targets + head[j:]
	r, err := LoadBytes("reordered.toml", []byte(reordered))
	if err != nil {
		t.Fatal(err)
	}
	if r.Hash != a.Hash {
		t.Errorf("reordered historical has hash %s, want %s", r.Hash, a.Hash)
	}
	child, err := Load(filepath.Join("testdata", "extends", "child.toml"))
	if err != nil {
		t.Fatal(err)
	}
	if child.Hash == a.Hash {
		t.Error("a changed scenario shares historical's hash")
	}
}

// TestGoodFiles loads every file in testdata/extends, including the
// README's example (sustained.toml).
func TestGoodFiles(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "extends", "*.toml"))
	if err != nil || len(files) == 0 {
		t.Fatal(files, err)
	}
	for _, f := range files {
		if _, err := Load(f); err != nil {
			t.Errorf("%s: %v", f, err)
		}
	}
}

func BenchmarkLoadHistorical(b *testing.B) {
	for b.Loop() {
		if _, err := Load("historical"); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkWith(b *testing.B) {
	s, err := Load("historical")
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := s.With(map[string]any{"raids.quality": 0.4}); err != nil {
			b.Fatal(err)
		}
	}
}

// Issue 14: dated settings that cannot act within the run are warned
// about, with file, line and key; the scenario still loads.
func TestWarningsOutsideRun(t *testing.T) {
	text := `extends = "historical"
name = "late-phase"
end = 2023-06-30

[[raid_phase]]
name = "surge"
from = "2024-01"
per_month = 20
quality = 0.6

[media]
counter_from = "2033-01"
`
	s, err := LoadBytes(filepath.Join(t.TempDir(), "late.toml"), []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, w := range s.Warnings {
		if !errors.Is(w, ErrOutsideRun) {
			t.Errorf("warning does not wrap ErrOutsideRun: %v", w)
		}
		got = append(got, fmt.Sprintf("%d %s", w.Line, w.Key))
	}
	// The inherited warning is at the line of late-2023's from in
	// historical.toml, wherever that file has it.
	hist, err := os.ReadFile("historical.toml")
	if err != nil {
		t.Fatal(err)
	}
	line := 0
	for i, l := range strings.Split(string(hist), "\n") {
		if strings.HasPrefix(l, `from = "2023-07"`) {
			line = i + 1
		}
	}
	want := []string{
		"7 raid_phase.surge.from",                         // after the end
		"12 media.counter_from",                           // after the end
		fmt.Sprintf("%d raid_phase.late-2023.from", line), // inherited: at its line in historical.toml
	}
	for _, w := range want {
		if !slices.Contains(got, w) {
			t.Errorf("no warning %q in %q", w, got)
		}
	}
	if s, err := Load("historical"); err != nil || len(s.Warnings) != 0 {
		t.Errorf("historical: %v, warnings %v", err, s.Warnings)
	}
}
