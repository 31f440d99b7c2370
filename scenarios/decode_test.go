package scenarios

import (
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/BurntSushi/toml"
)

type inner struct {
	Name string  `toml:"name"`
	X    float64 `toml:"x"`
}

type base struct {
	E int `toml:"e"`
}

type sample struct {
	base
	I     int8               `toml:"i"`
	U     uint               `toml:"u"`
	F     float64            `toml:"f"`
	S     string             `toml:"s"`
	B     bool               `toml:"b"`
	D     time.Duration      `toml:"d"`
	T     time.Time          `toml:"t"`
	M     map[string]float64 `toml:"m"`
	L     [][]string         `toml:"l"`
	A     [2]int             `toml:"a"`
	P     *inner             `toml:"p"`
	Items []inner            `toml:"item"`
	Plain int                // untagged: key "Plain", any case
	Any   any                `toml:"any"`
	Skip  int                `toml:"-"`
}

func decodeSample(t *testing.T, text string, into *sample) []issue {
	t.Helper()
	raw := map[string]any{}
	if _, err := toml.Decode(text, &raw); err != nil {
		t.Fatal(err)
	}
	d := &decoder{}
	d.table(normalize(raw).(map[string]any), reflect.ValueOf(into).Elem(), nil, nil)
	return d.issues
}

func TestDecode(t *testing.T) {
	var s sample
	s.M = map[string]float64{"kept": 1}
	s.F = 7 // a default the text does not set
	issues := decodeSample(t, `
e = 4
i = -5
u = 3
s = "str"
b = true
d = "36h"
t = 2021-09-01
m = { a = 1, b = 2.5 }
l = [["x", "y"], ["z"]]
a = [1, 2]
p = { name = "p", x = 1 }
plain = 9
any = [1, "two"]
[[item]]
name = "one"
x = 1
[[item]]
name = "two"
`, &s)
	if len(issues) != 0 {
		t.Fatalf("issues: %+v", issues)
	}
	if s.E != 4 || s.I != -5 || s.U != 3 || s.F != 7 || s.S != "str" || !s.B || s.D != 36*time.Hour ||
		s.T.Format(time.DateOnly) != "2021-09-01" || s.M["a"] != 1 || s.M["b"] != 2.5 || s.M["kept"] != 1 ||
		len(s.L) != 2 || s.L[1][0] != "z" || s.A != [2]int{1, 2} || s.P == nil || s.P.Name != "p" ||
		len(s.Items) != 2 || s.Items[1].Name != "two" || s.Plain != 9 || len(s.Any.([]any)) != 2 {
		t.Errorf("decoded %+v", s)
	}
}

func TestDecodeIssues(t *testing.T) {
	var s sample
	issues := decodeSample(t, `
i = 300
u = -1
f = "x"
b = 1
d = "soon"
t = "2021-09-01"
m = 3
l = [["x", 1]]
a = [1, 2, 3]
Skip = 1
tagged_typo = 1
plain = 1.5
[[item]]
name = "one"
y = 2
[[item]]
name = "one"
[[item]]
x = 3
`, &s)
	want := map[string]error{
		"i": ErrRange, "u": ErrRange, "f": ErrType, "b": ErrType, "d": ErrType, "t": ErrType,
		"m": ErrType, "l.#1.#2": ErrType, "a": ErrType, "Skip": ErrUnknownKey, "tagged_typo": ErrUnknownKey,
		"plain": ErrType, "item.one.y": ErrUnknownKey, "item.one": ErrDuplicate, "item.#3.name": ErrRange,
	}
	got := map[string]error{}
	for _, is := range issues {
		got[strings.Join(is.key, ".")] = is.err
	}
	for k, w := range want {
		if !errors.Is(got[k], w) {
			t.Errorf("key %s: got %v, want %v", k, got[k], w)
		}
	}
	if len(issues) != len(want) {
		t.Errorf("got %d issues, want %d: %+v", len(issues), len(want), issues)
	}
}
