package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// compare on two civil scenarios needs no flag beyond the replicates: the
// civil model's headline (mean active citizens per step over the whole
// run) is the default, and no ISK signature is reported.
func TestCompareCivilDefaults(t *testing.T) {
	code, out, dir := runCompareCLI(t, "civil-legitimacy-gradual", "civil-legitimacy-sudden", "-replicates", "4", "-set", "civil.steps=200")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, out)
	}
	if !strings.Contains(out, "mean per recorded step of active in total, whole run; 4 replicates") {
		t.Errorf("heading is not the civil model's headline over the whole run:\n%s", out)
	}
	for _, bad := range []string{"signature", "note:", "0000-00", "attacks"} {
		if strings.Contains(out, bad) {
			t.Errorf("output mentions %q:\n%s", bad, out)
		}
	}
	b, err := os.ReadFile(filepath.Join(dir, "compare.csv"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), "civil-legitimacy-sudden,civil-legitimacy-gradual,active,total,,whole run,mean_per_month,") {
		t.Errorf("compare.csv has no paired row of active in total over the whole run:\n%s", b)
	}
}

// Scenarios of different models are not compared, and -pressure (the ISK
// model's rebound signature) is refused on a civil scenario.
func TestCompareCivilRefusals(t *testing.T) {
	code, out, _ := runCompareCLI(t, "civil-violence", "historical", "-replicates", "2")
	if code != exitUsage || !strings.Contains(out, "civil-violence runs the civil model and historical the isk model") {
		t.Errorf("civil against ISK: exit %d, %q; want 2 naming both models", code, out)
	}
	code, out, _ = runCompareCLI(t, "civil-violence", "civil-violence-mesa", "-replicates", "2", "-pressure", "2023-01:2023-06")
	if code != exitUsage || !strings.Contains(out, "no rebound signature") {
		t.Errorf("-pressure on civil: exit %d, %q; want 2 and a word on the rebound", code, out)
	}
}
