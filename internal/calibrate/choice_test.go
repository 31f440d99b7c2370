package calibrate

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/insurgo/insurgo/sim/abc"
)

// choiceFile sets the shipped slowdown and degradation hypotheses against
// each other (equal prior probabilities), the theatre ceiling integrated
// out, on targets that tell them apart (testdata/choice-*.toml: strength
// in mid-2023, suicide attacks from the pressure's start in September
// 2022, Afghan attacks in 2023 and in 2024).
const choiceFile = `[calibrate]
population = 100
max_generations = 4
seed = 3
targets = ["fighters-mid-2023", "suicide-attacks-2022-2024", "af-attacks-2023", "af-attacks-2024"]

[[calibrate.model]]
name = "slowdown"
extends = "testdata/choice-slowdown.toml"

[[calibrate.model]]
name = "degradation"
extends = "testdata/choice-degradation.toml"

[[calibrate.param]]
key = "attacks.theatre_ceiling"
prior = "uniform"
range = [1.0, 3.0]
`

// TestModelChoiceConfusion: synthetic data sets made by each model (one
// replicate at a ceiling of 1.8, under seeds no calibration uses) are
// calibrated with both models competing; the model that made the data
// must have the higher posterior probability in a clear majority of its
// data sets (at least 4 of 5 per model). The confusion table is logged
// (and reported in docs/calibration.md).
func TestModelChoiceConfusion(t *testing.T) {
	if testing.Short() {
		t.Skip("ten model-choice calibrations (about 15,000 simulations); skipped with -short")
	}
	const perModel = 5
	c, err := ParseConfig("choice.toml", []byte(choiceFile))
	if err != nil {
		t.Fatal(err)
	}
	var table [2][2]int
	var probs [2][]float64
	for truth := 0; truth < 2; truth++ {
		for d := 0; d < perModel; d++ {
			p, err := Bind(c)
			if err != nil {
				t.Fatal(err)
			}
			sim := p.Simulator()
			obs, err := sim(context.Background(), truth, []float64{1.8}, uint64(5000+100*truth+d))
			if err != nil {
				t.Fatal(err)
			}
			for i := range p.Targets {
				p.Targets[i].Observed = obs[i]
			}
			res, err := abc.Run(context.Background(), p.ABCConfig(2), sim, nil, nil)
			if err != nil {
				t.Fatal(err)
			}
			mp := res.Final().ModelProbs
			chosen := 0
			if mp[1] > mp[0] {
				chosen = 1
			}
			table[truth][chosen]++
			probs[truth] = append(probs[truth], mp[truth])
		}
	}
	var b strings.Builder
	fmt.Fprintf(&b, "confusion table (rows: model that made the data; columns: model chosen), %d data sets each:\n", perModel)
	fmt.Fprintf(&b, "%-12s %9s %12s   P(true model | data)\n", "", "slowdown", "degradation")
	for i, name := range []string{"slowdown", "degradation"} {
		fmt.Fprintf(&b, "%-12s %9d %12d   %.2f\n", name, table[i][0], table[i][1], probs[i])
	}
	t.Log(b.String())
	for i := range 2 {
		if table[i][i] < 4 {
			t.Errorf("%s recovered in %d of %d of its data sets; want at least 4", c.Models[i].Name, table[i][i], perModel)
		}
	}
}
