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
	}
	for _, c := range cases {
		src := strings.NewReplacer("size = 4", "size = "+c.size, "replicates = 1", "replicates = "+c.reps).Replace(fmt.Sprintf(toySweep, c.design, 4, 1))
		_, err := ParseConfig("toy.toml", []byte(src))
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("size %s replicates %s: err = %v, want %q", c.size, c.reps, err, c.want)
		}
	}
}
