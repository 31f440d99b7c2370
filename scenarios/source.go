package scenarios

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/BurntSushi/toml"

	"github.com/insurgo/insurgo/internal/fileerr"
	"github.com/insurgo/insurgo/internal/textdist"
)

// source is one scenario file of an extends chain.
type source struct {
	file    string          // its name in errors: "historical.toml" if shipped, else the path
	id      string          // identity for finding cycles
	dir     string          // directory that relative extends resolve against (files only)
	shipped bool            // it is one of the shipped files
	raw     map[string]any  // its parsed content
	index   fileerr.Locator // where it sets each key
}

// shippedName reports whether s names a shipped scenario by its bare
// name, such as "historical": no directory and no .toml suffix.
func shippedName(s string) bool {
	return s != "" && !strings.ContainsAny(s, `/\`) && !strings.HasSuffix(s, ".toml") && s != "." && s != ".."
}

// openShipped opens the shipped file named name ("historical",
// "historical.toml" or "./historical.toml").
func openShipped(name string) (*source, error) {
	p := path.Clean(strings.ReplaceAll(name, `\`, "/"))
	if !strings.HasSuffix(p, ".toml") {
		p += ".toml"
	}
	if !fs.ValidPath(p) {
		return nil, fs.ErrNotExist
	}
	data, err := fs.ReadFile(shippedFS, p)
	if err != nil {
		return nil, err
	}
	return parseSource(p, "shipped:"+p, "", true, data)
}

// maxFileSize bounds the size of a scenario file.
const maxFileSize = 16 << 20

// openFile opens a scenario file on disk. It reads only regular files
// of at most maxFileSize bytes (not a directory, a device or a pipe,
// which could block or never end).
func openFile(name string) (*source, error) {
	fi, err := os.Stat(name)
	if err != nil {
		return nil, err
	}
	if !fi.Mode().IsRegular() {
		return nil, &fs.PathError{Op: "read", Path: name, Err: errors.New("not a regular file")}
	}
	if fi.Size() > maxFileSize {
		return nil, &fs.PathError{Op: "read", Path: name, Err: fmt.Errorf("larger than %d MiB", maxFileSize>>20)}
	}
	data, err := os.ReadFile(name)
	if err != nil {
		return nil, err
	}
	return parseSource(name, fileID(name), filepath.Dir(name), false, data)
}

func fileID(name string) string {
	if abs, err := filepath.Abs(name); err == nil {
		return "file:" + abs
	}
	return "file:" + filepath.Clean(name)
}

// parseSource parses a file's bytes. A syntax error is returned as Errors.
func parseSource(file, id, dir string, shipped bool, data []byte) (*source, error) {
	raw := map[string]any{}
	if _, err := toml.Decode(string(data), &raw); err != nil {
		// A file that is not valid TOML may be any file (extends =
		// "/etc/shadow"): its error does not quote its content.
		e := fileerr.FromTOML(file, err, ErrSyntax)
		e.Msg = fileerr.RedactSyntax(e.Msg)
		if e.Line > 0 {
			e.Key, e.Msg = "", "not valid TOML: "+e.Msg
		}
		return nil, Errors{e}
	}
	return &source{
		file: file, id: id, dir: dir, shipped: shipped,
		raw:   normalize(raw).(map[string]any),
		index: fileerr.NewIndex(string(data)),
	}, nil
}

// extend opens the file that s extends, as the value ext names it: from
// a shipped file, another shipped file; from a file on disk, a shipped
// scenario by bare name or else a path relative to s's directory.
func (s *source) extend(ext string) (*source, error) {
	if s.shipped {
		src, err := openShipped(ext)
		if errors.Is(err, fs.ErrNotExist) {
			return nil, fmt.Errorf("no shipped scenario %q%s", ext, textdist.Hint(strings.TrimSuffix(ext, ".toml"), shippedNames()))
		}
		return src, err
	}
	if shippedName(ext) {
		src, err := openShipped(ext)
		if errors.Is(err, fs.ErrNotExist) {
			return nil, fmt.Errorf("no shipped scenario %q%s; to extend a file, give its path with .toml", ext, textdist.Hint(ext, shippedNames()))
		}
		return src, err
	}
	p := ext
	if !filepath.IsAbs(p) {
		p = filepath.Join(s.dir, p)
	}
	if !ExtendsAnywhere && !Within(s.dir, p) {
		return nil, fmt.Errorf("%q is outside %s, the directory of the file that extends it: extends names a shipped scenario or a file under that directory (-extends-anywhere allows any path)", ext, dirName(s.dir))
	}
	src, err := openFile(p)
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return nil, fmt.Errorf("cannot read %s: %v", p, pe.Err)
	}
	return src, err
}

// ExtendsAnywhere lets extends name a file anywhere. By default a file
// on disk may extend only shipped scenarios and files under its own
// directory, so that a scenario received from someone else cannot make
// insurgo read, and echo in its errors, any file the user can read. The
// commands set it from their -extends-anywhere flag.
var ExtendsAnywhere = false

// Within reports whether path lies in dir or below it, after resolving
// symbolic links (a link under dir pointing outside it is outside).
func Within(dir, path string) bool {
	resolve := func(p string) string {
		if abs, err := filepath.Abs(p); err == nil {
			p = abs
		}
		if r, err := filepath.EvalSymlinks(p); err == nil {
			p = r
		}
		return p
	}
	rel, err := filepath.Rel(resolve(dir), resolve(path))
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) && !filepath.IsAbs(rel)
}

func dirName(d string) string {
	if d == "" || d == "." {
		return "the working directory"
	}
	return d
}

// chain resolves s's extends, returning the chain of files from s to its
// root base.
func chain(top *source) ([]*source, Errors) {
	ch := []*source{top}
	seen := map[string]bool{top.id: true}
	for cur := top; ; {
		ext, ok := cur.raw["extends"].(string)
		if !ok || ext == "" {
			return ch, nil // a wrong type is reported by the decoder
		}
		bad := func(format string, args ...any) Errors {
			_, p := cur.index.Find([]string{"extends"})
			return Errors{{File: cur.file, Line: p.Line, Key: "extends", Msg: fmt.Sprintf(format, args...), Err: ErrExtends}}
		}
		next, err := cur.extend(ext)
		if err != nil {
			var es Errors
			if errors.As(err, &es) {
				return nil, es // a syntax error in the base
			}
			return nil, bad("%v", err)
		}
		if seen[next.id] {
			names := make([]string, 0, len(ch)+1)
			for _, c := range ch {
				names = append(names, c.file)
			}
			return nil, bad("cycle: %s -> %s", strings.Join(names, " -> "), next.file)
		}
		if len(ch) >= maxChain {
			return nil, bad("extends chain longer than %d files", maxChain)
		}
		seen[next.id] = true
		ch = append(ch, next)
		cur = next
	}
}

// maxChain bounds the length of an extends chain.
const maxChain = 32
