package main

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/insurgo/insurgo/scenarios"
)

// TestSynth: the written file extends the base and carries, for every
// target, one replicate's value; the same seed written as two bases gives
// the same figures; a second run gives the same bytes.
func TestSynth(t *testing.T) {
	dir := t.TempDir()
	a := filepath.Join(dir, "a.toml")
	b := filepath.Join(dir, "b.toml")
	if code, _, stderr := insurgo(t, context.Background(), "synth", "slowdown", "-seed", "5", "-out", a); code != exitOK {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	if code, _, stderr := insurgo(t, context.Background(), "synth", "slowdown", "-seed", "5", "-as", "degradation", "-out", b); code != exitOK {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	sa, err := scenarios.Load(a)
	if err != nil {
		t.Fatal(err)
	}
	sb, err := scenarios.Load(b)
	if err != nil {
		t.Fatal(err)
	}
	base, _ := scenarios.Load("slowdown")
	if sa.Params.Posture.Choice != 1 || sb.Params.Posture.Choice != 0 {
		t.Errorf("posture choice %g and %g, want the bases' 1 and 0", sa.Params.Posture.Choice, sb.Params.Posture.Choice)
	}
	same := 0
	for i, x := range sa.Targets {
		if sb.Targets[i].Observed != x.Observed || sb.Targets[i].Window != x.Window {
			t.Errorf("target %s: %g in one file, %g in the other", x.Name, x.Observed, sb.Targets[i].Observed)
		}
		if x.Observed == base.Targets[i].Observed {
			same++
		}
	}
	if same == len(sa.Targets) {
		t.Error("every synthetic figure equals the published one")
	}
	other := filepath.Join(dir, "other.toml")
	extra := "extends = \"historical\"\n\n[[target]]\nname = \"x\"\nmetric = \"claimed\"\nscope = \"total\"\nfrom = \"2022-01\"\nto = \"2022-02\"\nstatistic = \"sum\"\nobserved = 3\n"
	if err := os.WriteFile(other, []byte(extra), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, _, _ := insurgo(t, context.Background(), "synth", "slowdown", "-out", filepath.Join(dir, "c.toml"), "-as", other); code != exitUsage {
		t.Errorf("a base with other targets: exit %d, want %d", code, exitUsage)
	}
	if code, _, _ := insurgo(t, context.Background(), "synth", "slowdown"); code != exitUsage {
		t.Errorf("no -out: exit %d, want %d", code, exitUsage)
	}
}
