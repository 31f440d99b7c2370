package civil_test

import (
	"context"
	"encoding/csv"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"testing"

	"github.com/insurgo/insurgo/model/civil"
	"github.com/insurgo/insurgo/sim"
	"gonum.org/v1/gonum/stat"
)

// mesaRun is one of Mesa 3.3.1's runs in testdata/mesa (copied from
// ../shared/data/epstein-mesa, see testdata/mesa/README.md): per-step
// counts after steps 1 to 1000.
type mesaRun struct {
	active, jailed, arrests []int64
	citizens, cops          int
}

func readMesa(t testing.TB, prefix string, seed int) mesaRun {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", "mesa", fmt.Sprintf("%s_seed%d.csv", prefix, seed)))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	// step, active, quiet, jailed, arrests, citizens, cops; row 1 is step 0,
	// the initial state, which Mesa's statistics leave out.
	var r mesaRun
	for _, row := range rows[2:] {
		v := make([]int64, len(row))
		for i, s := range row {
			if v[i], err = strconv.ParseInt(s, 10, 64); err != nil {
				t.Fatal(err)
			}
		}
		r.active = append(r.active, v[1])
		r.jailed = append(r.jailed, v[3])
		r.arrests = append(r.arrests, v[4])
		r.citizens, r.cops = int(v[5]), int(v[6])
	}
	if len(r.active) != 1000 {
		t.Fatalf("%s seed %d: %d steps, want 1000", prefix, seed, len(r.active))
	}
	return r
}

// statNames names the fields of civil.RunStats, in order.
var statNames = []string{"active fraction", "jailed fraction", "arrests per step", "outbursts per 1000 steps", "median peak", "median interval"}

func fields(s civil.RunStats) []float64 {
	return []float64{s.ActiveFraction, s.JailedFraction, s.ArrestsPerStep, s.OutburstsPer1000, s.MedianPeak, s.MedianInterval}
}

// run is one run's statistics and its random initial condition: the
// placement draws the number of cops and citizens, on which the
// statistics depend strongly.
type run struct {
	civil.RunStats
	copsPerCitizen float64
}

// runStats runs n replicates of p under seed and returns each one's
// statistics.
func runStats(t testing.TB, p civil.Params, seed uint64, n int) []run {
	t.Helper()
	cal, err := p.Calendar()
	if err != nil {
		t.Fatal(err)
	}
	f, err := civil.NewFactory(&p, &cal)
	if err != nil {
		t.Fatal(err)
	}
	out := make([]run, n)
	b := sim.Batch{Calendar: cal, Seed: seed, Count: n, OnReplicate: func(rep int, r *sim.Recorder) error {
		citizens := r.Values(civil.MCitizens, civil.Scope)[0]
		cops := r.Values(civil.MCops, civil.Scope)[0]
		out[rep] = run{civil.Stats(r.Values(civil.MActive, civil.Scope), r.Values(civil.MJailed, civil.Scope),
			r.Values(civil.MArrests, civil.Scope), int(citizens), int64(p.OutburstThreshold)), float64(cops) / float64(citizens)}
		return nil
	}}
	if _, err := b.Run(context.Background(), f); err != nil {
		t.Fatal(err)
	}
	return out
}

// dock compares, statistic by statistic, the mean of Mesa's 5 runs with
// the distribution of the mean of 5 runs of insurgo: 20,000 sets of 5
// drawn without replacement from the insurgo runs (a fixed stream). Mesa's
// mean must lie within the central 99.8% of that distribution, the
// sampling error of 5 runs; a statistic undefined in a run (a median of no
// outbursts) is left out of that run's set.
//
// With adjust, each statistic is first corrected for the run's cops per
// citizen, drawn at random by the placement: a straight line fitted to the
// insurgo runs (gonum's stat.LinearRegression), and both sides compared
// by their residuals from it. Mesa's five placements happen to hold more
// cops than the expected 4% (69.4 of 1,600 cells on average with NetLogo's
// values, against 64), and the statistics fall steeply with cops; the
// adjusted comparison takes that out and is the sharper test.
//
// It returns a table row per statistic, and the statistics that fail.
func dock(ins, mesa []run, adjust bool) (rows []string, failed []string) {
	rng := rand.New(rand.NewPCG(13, 2002))
	for k, name := range statNames {
		var xs, xz, ys, yz []float64
		for _, r := range ins {
			if v := fields(r.RunStats)[k]; !math.IsNaN(v) {
				xs, xz = append(xs, v), append(xz, r.copsPerCitizen)
			}
		}
		for _, r := range mesa {
			if v := fields(r.RunStats)[k]; !math.IsNaN(v) {
				ys, yz = append(ys, v), append(yz, r.copsPerCitizen)
			}
		}
		if len(ys) == 0 {
			rows = append(rows, fmt.Sprintf("| %s | — (no run has one) | %s | | |", name, meanSD(xs)))
			continue
		}
		if len(xs) < 20 {
			failed = append(failed, fmt.Sprintf("%s: defined in %d of %d insurgo runs, too few to compare", name, len(xs), len(ins)))
			continue
		}
		rx, ry := xs, ys
		if adjust {
			a, b := stat.LinearRegression(xz, xs, nil, false)
			rx, ry = make([]float64, len(xs)), make([]float64, len(ys))
			for i := range xs {
				rx[i] = xs[i] - (a + b*xz[i])
			}
			for i := range ys {
				ry[i] = ys[i] - (a + b*yz[i])
			}
		}
		my := mean(ry)
		means := make([]float64, 20000)
		idx := make([]int, len(rx))
		for i := range idx {
			idx[i] = i
		}
		for b := range means {
			var s float64
			for j := range ry { // a partial Fisher–Yates draws len(ry) without replacement
				r := j + rng.IntN(len(idx)-j)
				idx[j], idx[r] = idx[r], idx[j]
				s += rx[idx[j]]
			}
			means[b] = s / float64(len(ry))
		}
		slices.Sort(means)
		lo, hi := means[int(0.001*float64(len(means)))], means[int(0.999*float64(len(means)))-1]
		mark := "yes"
		if my < lo || my > hi {
			mark = "**no**"
			failed = append(failed, fmt.Sprintf("%s: Mesa's mean of %d runs %.4g outside insurgo's 99.8%% range of such means [%.4g, %.4g]", name, len(ry), my, lo, hi))
		}
		if adjust {
			rows = append(rows, fmt.Sprintf("| %s | %+.3g | [%.3g, %.3g] | %s |", name, my, lo, hi, mark))
		} else {
			rows = append(rows, fmt.Sprintf("| %s | %s | %s | [%.4g, %.4g] | %s |", name, meanSD(ys), meanSD(xs), lo, hi, mark))
		}
	}
	return rows, failed
}

func mean(xs []float64) float64 {
	var s float64
	for _, x := range xs {
		s += x
	}
	return s / float64(len(xs))
}

func meanSD(xs []float64) string {
	if len(xs) == 0 {
		return "—"
	}
	m := mean(xs)
	var ss float64
	for _, x := range xs {
		ss += (x - m) * (x - m)
	}
	sd := 0.0
	if len(xs) > 1 {
		sd = math.Sqrt(ss / float64(len(xs)-1))
	}
	return fmt.Sprintf("%.4g ± %.2g (%d)", m, sd, len(xs))
}

func mesaStats(t testing.TB, prefix string) []run {
	var out []run
	for seed := 1; seed <= 5; seed++ {
		r := readMesa(t, prefix, seed)
		out = append(out, run{civil.Stats(r.active, r.jailed, r.arrests, r.citizens, 50), float64(r.cops) / float64(r.citizens)})
	}
	return out
}

// dockingReplicates is the number of insurgo runs per parameter set.
const dockingReplicates = 100

// TestDockMesa docks the model with Mesa 3.3.1 on both of its parameter
// sets (testdata/mesa): Mesa's defaults and NetLogo Rebellion's values.
func TestDockMesa(t *testing.T) {
	if testing.Short() {
		t.Skip("docking runs 200 replicates of 1,000 steps")
	}
	for _, c := range []struct {
		name, prefix string
		p            civil.Params
	}{
		{"mesa-defaults", "epstein_mesa", civil.Default()},
		{"netlogo-values", "epstein_mesa_netlogo_params", netlogo()},
	} {
		t.Run(c.name, func(t *testing.T) {
			ins := runStats(t, c.p, 1, dockingReplicates)
			mesa := mesaStats(t, c.prefix)
			for _, adjust := range []bool{false, true} {
				rows, failed := dock(ins, mesa, adjust)
				t.Logf("adjusted for cops per citizen: %v", adjust)
				for _, l := range rows {
					t.Log(l)
				}
				for _, f := range failed {
					t.Errorf("adjusted %v: %s", adjust, f)
				}
			}
		})
	}
}
