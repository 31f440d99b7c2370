package scenarios

import (
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"reflect"
	"strings"
	"time"

	"github.com/insurgo/insurgo/internal/textdist"
)

// Load loads a scenario: a shipped one by bare name ("historical"), or a
// file by path. It resolves extends, decodes strictly and validates,
// returning every problem found as [Errors].
//
// A bare name (no directory, no .toml suffix) means a shipped scenario;
// anything else is a path.
func Load(nameOrPath string) (*Scenario, error) {
	var src *source
	var err error
	if shippedName(nameOrPath) {
		src, err = openShipped(nameOrPath)
		if errors.Is(err, fs.ErrNotExist) {
			// Perhaps a file without the .toml suffix.
			src, err = openFile(nameOrPath)
			if errors.Is(err, fs.ErrNotExist) {
				return nil, Errors{{File: nameOrPath, Err: ErrNotFound,
					Msg: fmt.Sprintf("no such file, and no shipped scenario of that name%s", textdist.Hint(nameOrPath, shippedNames()))}}
			}
		}
	} else {
		src, err = openFile(nameOrPath)
	}
	if err != nil {
		return nil, openError(nameOrPath, err)
	}
	return load(src)
}

// LoadBytes loads a scenario from data, as if read from a file named
// name: errors name it, and relative extends resolve against its
// directory.
func LoadBytes(name string, data []byte) (*Scenario, error) {
	src, err := parseSource(name, fileID(name), filepath.Dir(name), false, data)
	if err != nil {
		return nil, err
	}
	return load(src)
}

func openError(name string, err error) error {
	var es Errors
	if errors.As(err, &es) {
		return es
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	return Errors{{File: name, Msg: fmt.Sprintf("cannot read scenario: %v", err), Err: ErrNotFound}}
}

// load resolves, checks and builds the scenario whose most derived file
// is top.
func load(top *source) (*Scenario, error) {
	ch, errs := chain(top)
	if errs != nil {
		return nil, errs
	}
	// Check each file on its own, so problems name the file and line
	// that has them; offending keys are dropped so checking goes on.
	var found problems
	for _, src := range ch {
		d := &decoder{}
		d.table(src.raw, reflect.ValueOf(newDocument()).Elem(), nil, nil)
		checkDates(d, src.raw)
		for _, is := range d.issues {
			found.add(src, is.key, is.loc, is.err, is.msg)
		}
	}
	merged := map[string]any{}
	for i := len(ch) - 1; i >= 0; i-- {
		raw := without(ch[i].raw, "drop")
		if i > 0 {
			raw = without(raw, "name", "extends")
		}
		drop(merged, ch[i], &found)
		merged = merge(merged, raw)
	}
	if _, ok := merged["name"]; !ok {
		base := filepath.Base(strings.ReplaceAll(top.file, `\`, "/"))
		merged["name"] = strings.TrimSuffix(base, ".toml")
	}
	return build(merged, ch, &found)
}

// drop removes from the inherited document base the elements of arrays
// of tables that src's drop key lists ("target.kp-rate-2021").
func drop(base map[string]any, src *source, found *problems) {
	list, _ := src.raw["drop"].([]any)
	for _, v := range list {
		entry, _ := v.(string) // a wrong type was reported by the decoder
		table, name, _ := strings.Cut(entry, ".")
		arr, ok := base[table].([]map[string]any)
		if !ok || name == "" {
			var tables []string
			for _, k := range sortedKeys(base) {
				if _, ok := base[k].([]map[string]any); ok {
					tables = append(tables, k)
				}
			}
			found.add(src, []string{"drop"}, []string{"drop"}, ErrRange,
				fmt.Sprintf("%q: want \"table.name\" naming an inherited element of an array of tables%s", entry, textdist.Hint(table, tables)))
			continue
		}
		var names []string
		kept := arr[:0:0]
		for _, e := range arr {
			n, _ := e["name"].(string)
			names = append(names, n)
			if n != name {
				kept = append(kept, e)
			}
		}
		if len(kept) == len(arr) {
			found.add(src, []string{"drop"}, []string{"drop"}, ErrRange,
				fmt.Sprintf("%q: no inherited [[%s]] named %q%s", entry, table, name, textdist.Hint(name, names)))
			continue
		}
		base[table] = kept
	}
}

// checkDates checks that start and end are dates without a time of day.
func checkDates(d *decoder, raw map[string]any) {
	for _, k := range []string{"start", "end"} {
		if t, ok := raw[k].(time.Time); ok && t.Location().String() != "date-local" {
			d.add([]string{k}, []string{k}, ErrType, "want a date such as 2021-09-01, got %s", describe(t))
			delete(raw, k)
		}
	}
}

func without(m map[string]any, keys ...string) map[string]any {
	out := make(map[string]any, len(m))
	for k, v := range m {
		out[k] = v
	}
	for _, k := range keys {
		delete(out, k)
	}
	return out
}

// build decodes the resolved document, validates it and fills in a
// Scenario; problems already found are reported with the new ones.
func build(merged map[string]any, ch []*source, found *problems) (*Scenario, error) {
	doc := newDocument()
	d := &decoder{}
	work := deepCopy(merged).(map[string]any)
	d.table(work, reflect.ValueOf(doc).Elem(), nil, nil)
	checkDates(d, work)
	for _, is := range d.issues {
		found.place(ch, is.key, is.err, is.msg)
	}
	s := &Scenario{
		Name:        doc.Name,
		Description: doc.Description,
		Extends:     doc.Extends,
		Source:      ch[0].file,
		Model:       doc.Model,
		raw:         merged,
		chain:       ch,
	}
	if e, ok := ch[0].raw["extends"].(string); ok {
		s.Extends = e
	}
	validate(s, doc, work, ch, found)
	if len(found.errs) > 0 {
		return nil, found.sorted(ch)
	}
	h, err := hash(s)
	if err != nil {
		return nil, Errors{{File: ch[0].file, Msg: err.Error(), Err: ErrType}}
	}
	s.Hash = h
	s.Warnings = found.sortedWarnings(ch)
	return s, nil
}
