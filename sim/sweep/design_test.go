package sweep

import (
	"errors"
	"math"
	"slices"
	"testing"
)

func TestGrid(t *testing.T) {
	ps := []Param{
		{Name: "a", Min: 0, Max: 1},
		{Name: "b", Levels: []float64{5, 7}},
		{Name: "c", Min: 1, Max: 100, Dist: LogUniform},
	}
	d, err := New(Spec{Kind: Grid, Params: ps, Size: 3})
	if err != nil {
		t.Fatal(err)
	}
	if d.Len() != 3*2*3 {
		t.Fatalf("%d points, want 18", d.Len())
	}
	want0 := []float64{0, 5, 1}
	want1 := []float64{0, 5, 10} // log-spaced: 1, 10, 100
	wantLast := []float64{1, 7, 100}
	if !slices.Equal(d.Points[0], want0) || !closeAll(d.Points[1], want1) || !slices.Equal(d.Points[17], wantLast) {
		t.Errorf("points %v %v .. %v", d.Points[0], d.Points[1], d.Points[17])
	}
}

func closeAll(a, b []float64) bool {
	for i := range a {
		if math.Abs(a[i]-b[i]) > 1e-9*math.Max(1, math.Abs(b[i])) {
			return false
		}
	}
	return len(a) == len(b)
}

func TestLHSStratified(t *testing.T) {
	const n = 50
	d, err := New(Spec{Kind: LHS, Params: unitParams(4), Size: n, Seed: 11})
	if err != nil {
		t.Fatal(err)
	}
	for j := range 4 {
		bins := make([]int, n)
		for _, u := range d.Unit {
			bins[int(u[j]*n)]++
		}
		for b, c := range bins {
			if c != 1 {
				t.Fatalf("column %d bin %d holds %d points, want 1", j, b, c)
			}
		}
	}
}

func TestSaltelliStructure(t *testing.T) {
	const k, n = 4, 10
	d, err := New(Spec{Kind: Sobol, Params: unitParams(k), Size: n, Seed: 5})
	if err != nil {
		t.Fatal(err)
	}
	if d.Len() != n*(k+2) {
		t.Fatalf("%d points, want %d", d.Len(), n*(k+2))
	}
	for j := range n {
		a, b := d.Unit[j*(k+2)], d.Unit[j*(k+2)+1]
		for i := range k {
			ab := d.Unit[j*(k+2)+2+i]
			for c := range k {
				want := a[c]
				if c == i {
					want = b[c]
				}
				if ab[c] != want {
					t.Fatalf("sample %d: A_B^%d column %d is %v, want %v", j, i, c, ab[c], want)
				}
			}
		}
	}
}

func TestDesignReproducible(t *testing.T) {
	for _, kind := range []string{LHS, Sobol, Morris} {
		s := Spec{Kind: kind, Params: unitParams(3), Size: 8, Seed: 42}
		a, _ := New(s)
		b, _ := New(s)
		s.Seed = 43
		c, _ := New(s)
		for i := range a.Points {
			if !slices.Equal(a.Points[i], b.Points[i]) {
				t.Fatalf("%s: same seed, different point %d", kind, i)
			}
		}
		same := true
		for i := range a.Points {
			same = same && slices.Equal(a.Points[i], c.Points[i])
		}
		if same {
			t.Errorf("%s: seeds 42 and 43 give the same design", kind)
		}
	}
}

func TestParamValue(t *testing.T) {
	lu := Param{Name: "l", Min: 1, Max: 100, Dist: LogUniform}
	if v := lu.Value(0.5); math.Abs(v-10) > 1e-9 {
		t.Errorf("loguniform median %v, want 10", v)
	}
	tn := Param{Name: "n", Min: 0, Max: 1, Dist: Normal, Mean: 0.5, SD: 10}
	// Truncated to [0, 1] a very wide normal is nearly uniform.
	if v := tn.Value(0.25); math.Abs(v-0.25) > 1e-3 {
		t.Errorf("wide truncated normal 0.25-quantile %v, want ~0.25", v)
	}
	if v0, v1 := tn.Value(0), tn.Value(1); v0 != 0 || v1 != 1 {
		t.Errorf("truncated normal ends %v %v, want 0 1", v0, v1)
	}
	tri := Param{Name: "t", Min: 0, Max: 2, Dist: Triangular, Mode: 1}
	if v := tri.Value(0.5); math.Abs(v-1) > 1e-9 {
		t.Errorf("symmetric triangle median %v, want 1", v)
	}
	lv := Param{Name: "v", Levels: []float64{3, 5, 9}}
	if got := []float64{lv.Value(0), lv.Value(0.34), lv.Value(1)}; !slices.Equal(got, []float64{3, 5, 9}) {
		t.Errorf("levels %v", got)
	}
	in := Param{Name: "i", Min: 0.6, Max: 3.4, Integer: true}
	if got := []float64{in.Value(0), in.Value(1)}; !slices.Equal(got, []float64{1, 3}) {
		t.Errorf("integer ends %v, want [1 3]", got)
	}
}

func TestSpecErrors(t *testing.T) {
	cases := []Spec{
		{Kind: "halton", Params: unitParams(2), Size: 4},
		{Kind: LHS, Size: 4},
		{Kind: LHS, Params: unitParams(2), Size: 0},
		{Kind: Sobol, Params: unitParams(2), Size: 1},
		{Kind: Morris, Params: unitParams(2), Size: 4, MorrisLevels: 3},
		{Kind: LHS, Params: []Param{{Name: "a", Min: 2, Max: 1}}, Size: 4},
		{Kind: LHS, Params: []Param{{Name: "a", Min: 0, Max: 1, Dist: LogUniform}}, Size: 4},
		{Kind: LHS, Params: []Param{{Name: "a", Min: 0, Max: 1}, {Name: "a", Min: 0, Max: 1}}, Size: 4},
		{Kind: Grid, Params: unitParams(6), Size: 100},
	}
	for i, s := range cases {
		_, err := New(s)
		if err == nil {
			t.Errorf("case %d %+v: no error", i, s)
			continue
		}
		if !errors.Is(err, ErrDesign) && !errors.Is(err, ErrParam) {
			t.Errorf("case %d: %v wraps neither sentinel", i, err)
		}
	}
}

func TestShards(t *testing.T) {
	rs, err := Shards(50, 4, 5)
	if err != nil {
		t.Fatal(err)
	}
	next := 0
	for _, r := range rs {
		if r.First != next || r.Count%5 != 0 {
			t.Fatalf("ranges %v", rs)
		}
		next = r.End()
	}
	if next != 50 {
		t.Fatalf("ranges %v cover %d points", rs, next)
	}
	if _, err := Shards(51, 4, 5); err == nil {
		t.Error("51 points in blocks of 5: no error")
	}
	rs, _ = Shards(3, 5, 1)
	if n := rs[0].Count + rs[1].Count + rs[2].Count + rs[3].Count + rs[4].Count; n != 3 {
		t.Errorf("3 points over 5 shards: %v", rs)
	}
}

func TestPointSeedDistinct(t *testing.T) {
	seen := map[uint64]bool{}
	for p := range 10000 {
		s := PointSeed(1, p)
		if seen[s] {
			t.Fatalf("point %d repeats a seed", p)
		}
		seen[s] = true
	}
	if PointSeed(1, 0) == PointSeed(2, 0) {
		t.Error("sweep seed does not change point seeds")
	}
}
