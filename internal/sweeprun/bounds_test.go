package sweeprun

import (
	"fmt"
	"strings"
	"testing"
)

// Issue 11, defect 3: replicates = 1000000000000 planned with exit 0 and
// the run died out of memory. The sweep file's counts are bounded when it
// is read.
func TestSweepCountsBounded(t *testing.T) {
	cases := []struct{ design, size, reps, want string }{
		{"lhs", "4", "1000000000000", "sweep.replicates: must be 1 to 100000"},
		{"lhs", "1000000", "1000", "at most 100000000 per sweep"},
		{"lhs", "100000000", "1", "more than 1000000 points"},
		// Found by FuzzSweepConfig: a grid size of 1e9 made the parser
		// allocate the grid's values before counting them.
		{"grid", "1000000000", "1", "more than 1000000 points"},
	}
	for _, c := range cases {
		src := strings.NewReplacer("size = 4", "size = "+c.size, "replicates = 1", "replicates = "+c.reps).Replace(fmt.Sprintf(toySweep, c.design, 4, 1))
		_, err := ParseConfig("toy.toml", []byte(src))
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("size %s replicates %s: err = %v, want %q", c.size, c.reps, err, c.want)
		}
	}
}

// Plan warns when a range excludes the base scenario's value.
func TestPlanWarnsRangeExcludesBase(t *testing.T) {
	src := strings.Replace(fmt.Sprintf(toySweep, "lhs", 4, 1), "range = [1.0, 10.0]", "range = [0.02, 0.045]", 1)
	c, err := ParseConfig("toy.toml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	c.Base = "historical"
	c.Params = c.Params[:1] // attacks.rate alone: a key of the real scenario
	c.Outputs = c.Outputs[:0]
	var warnings []string
	load := func(string) (Model, error) { return ScenarioLoader("historical") }
	_, err = Plan(c, load, PlanOptions{Dir: t.TempDir() + "/s", Shards: 1, Engine: "test", Warn: func(m string) { warnings = append(warnings, m) }})
	if err != nil {
		t.Fatal(err)
	}
	if len(warnings) != 1 || !strings.Contains(warnings[0], "attacks.rate varies over [0.02, 0.045], which excludes the base scenario's value 0.18") {
		t.Errorf("warnings %q", warnings)
	}
}
