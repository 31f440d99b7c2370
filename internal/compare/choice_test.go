package compare_test

import (
	"context"
	"math"
	"testing"

	"github.com/insurgo/insurgo/internal/compare"
	"github.com/insurgo/insurgo/internal/report"
	"github.com/insurgo/insurgo/sim"
)

func TestChooseByHand(t *testing.T) {
	// One target observed at 0; arm 0 simulates 0 and 1, arm 1 5 and 6.
	// Pooled sd of 0, 1, 5, 6 is sqrt(26/3); the closest quarter of the
	// distances is arm 0's first replicate alone.
	sims := [][][]float64{{{0}, {1}}, {{5}, {6}}}
	c, err := compare.Choose(sims, []float64{0}, 0.25)
	if err != nil {
		t.Fatal(err)
	}
	if !close(c.Scale[0], math.Sqrt(26.0/3)) {
		t.Errorf("scale %g, want sqrt(26/3)", c.Scale[0])
	}
	if c.Tolerance != 0 || c.Accepted[0] != 1 || c.Accepted[1] != 0 || c.Posterior[0] != 1 || c.Posterior[1] != 0 {
		t.Errorf("tolerance %g, accepted %v, posterior %v; want 0, [1 0], [1 0]", c.Tolerance, c.Accepted, c.Posterior)
	}
	// At the 0.5 quantile (the sensitivity at twice 0.25) both of arm 0
	// are accepted and none of arm 1.
	if s := c.Sensitivity[1]; s.Quantile != 0.5 || s.Posterior[0] != 1 {
		t.Errorf("sensitivity %+v, want posterior 1 for arm 0 at 0.5", s)
	}
	// Equal arms get equal posteriors.
	c, err = compare.Choose([][][]float64{{{1}, {2}}, {{2}, {1}}}, []float64{1.5}, 0.5)
	if err != nil {
		t.Fatal(err)
	}
	if c.Posterior[0] != 0.5 {
		t.Errorf("posterior %v, want [0.5 0.5]", c.Posterior)
	}
	// A target without spread cannot tell the arms apart.
	if _, err := compare.Choose([][][]float64{{{1}, {1}}, {{1}, {1}}}, []float64{3}, 0.5); err == nil {
		t.Error("no error when no target varies")
	}
}

// toyTargets are observed figures both toy hypotheses carry: attacks in
// 2022, 2023 and the first half of 2024, and suicide attacks in 2023. The
// observed values are replaced by synthetic ones.
func toyTargets(t *testing.T) []report.Observed {
	w := func(name, metric, from, to string) report.Observed {
		return report.Observed{Window: sim.Window{Name: name, Metric: metric, Scope: "total",
			From: month(t, from), To: month(t, to), Statistic: sim.Sum}}
	}
	return []report.Observed{
		w("attacks 2022", "attacks", "2022-01", "2022-12"),
		w("attacks 2023", "attacks", "2023-01", "2023-12"),
		w("suicide 2023", "suicide_attacks", "2023-01", "2023-12"),
		w("attacks 2024H1", "attacks", "2024-01", "2024-06"),
	}
}

// Observations made by one replicate of a hypothesis, under a seed the
// scored replicates do not use, give that hypothesis the higher posterior
// probability: in both directions, for several such observations.
func TestModelChoiceRecoversTheTruth(t *testing.T) {
	cal := toyCalendar(t)
	arms := []compare.Arm{
		{Name: "slowdown", Factory: slowdownToy().factory(), Calendar: cal, Targets: toyTargets(t)},
		{Name: "degradation", Factory: degradationToy().factory(), Calendar: cal, Targets: toyTargets(t)},
	}
	for truth := range arms {
		for rep := range 5 {
			res, err := compare.Run(context.Background(), arms, compare.Options{
				Seed: 11, Replicates: 200, Targets: true,
				Synthetic: &compare.Synthetic{Arm: truth, Seed: 12, Replicate: rep},
				Window:    toyTargets(t)[1].Window,
			})
			if err != nil {
				t.Fatal(err)
			}
			c := res.Choice
			if res.SyntheticFrom != arms[truth].Name {
				t.Errorf("synthetic from %q, want %q", res.SyntheticFrom, arms[truth].Name)
			}
			if !(c.Posterior[truth] > c.Posterior[1-truth]) {
				t.Errorf("observations from %s replicate %d (%v): posterior %v, accepted %v",
					arms[truth].Name, rep, observed(res), c.Posterior, c.Accepted)
			}
			t.Logf("truth %s rep %d: posterior %.3f", arms[truth].Name, rep, c.Posterior[truth])
		}
	}
}

// Identical arms cannot be told apart: their replicates are the same, so
// the posterior is one half each, exactly.
func TestModelChoiceIdenticalArms(t *testing.T) {
	cal := toyCalendar(t)
	arms := []compare.Arm{
		{Name: "a", Factory: degradationToy().factory(), Calendar: cal, Targets: toyTargets(t)},
		{Name: "b", Factory: degradationToy().factory(), Calendar: cal, Targets: toyTargets(t)},
	}
	res, err := compare.Run(context.Background(), arms, compare.Options{
		Seed: 5, Replicates: 100, Targets: true, Window: toyTargets(t)[1].Window,
		Synthetic: &compare.Synthetic{Arm: 0, Seed: 6},
	})
	if err != nil {
		t.Fatal(err)
	}
	if p := res.Choice.Posterior; p[0] != 0.5 || p[1] != 0.5 {
		t.Errorf("posterior %v, want [0.5 0.5]", p)
	}
}

func observed(r *compare.Result) []float64 {
	var v []float64
	for _, t := range r.Targets {
		v = append(v, t.Observed)
	}
	return v
}

func TestTargetsMustAgree(t *testing.T) {
	cal := toyCalendar(t)
	other := toyTargets(t)
	other[0].Observed = 99
	_, err := compare.Run(context.Background(), []compare.Arm{
		{Name: "a", Factory: slowdownToy().factory(), Calendar: cal, Targets: toyTargets(t)},
		{Name: "b", Factory: slowdownToy().factory(), Calendar: cal, Targets: other},
	}, compare.Options{Seed: 1, Replicates: 4, Targets: true, Window: toyTargets(t)[0].Window})
	if err == nil {
		t.Fatal("targets with different observed figures were accepted")
	}
	// A target only one arm carries is ignored, and said to be.
	res, err := compare.Run(context.Background(), []compare.Arm{
		{Name: "a", Factory: slowdownToy().factory(), Calendar: cal, Targets: toyTargets(t)},
		{Name: "b", Factory: degradationToy().factory(), Calendar: cal, Targets: toyTargets(t)[1:]},
	}, compare.Options{Seed: 1, Replicates: 20, Targets: true, Window: toyTargets(t)[0].Window})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Ignored) != 1 || res.Ignored[0] != "attacks 2022" || len(res.Targets) != 3 {
		t.Errorf("ignored %v, %d targets; want [attacks 2022], 3", res.Ignored, len(res.Targets))
	}
}
