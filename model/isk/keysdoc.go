package isk

import (
	"bufio"
	"fmt"
	"io"
	"strings"
)

//go:generate go test -run TestKeyReference -update

// tableIntros says in a sentence what each table of a scenario file
// holds; the key reference prints it above the table's keys.
var tableIntros = map[string]string{
	"posture": "The leadership's monthly tempo decision, one family holding both hypotheses about a fall in tempo under pressure: " +
		"under pressure x above `threshold` a theatre keeps `tempo × min(1, threshold/x)^depth` of its tempo, " +
		"and `choice` says how much of that cut (on a log scale) is chosen (1 = slowdown) rather than imposed (0 = degradation).",
	"isk":         "The organisation's initial strength and upkeep.",
	"attacks":     "The tempo of attacks: a cell of f fighters attacks at `rate × f^exponent × 10^(1-exponent)` a month at full tempo and skill, self-excited, under the ceilings of opportunity.",
	"raids":       "The GDI's intelligence-led raids in Afghanistan; the raid count per month follows `[[raid_phase]]`, and `per_month` applies before the first phase.",
	"pakistan":    "The Pakistani security forces' raids in KP (their attention split with the TTP).",
	"intel":       "How the state's knowledge of each cell (0..1) grows and decays.",
	"recruitment": "What drives the inflow of recruits: a pool's monthly expected recruits are `size × susceptibility × reach × (1 + notoriety_weight × notoriety) × (1 + grievance_weight × grievance) × exp(-loss_weight × recent loss rate)`.",
	"media":       "Propaganda reach: a pool's reach is `1 - exp(-output/saturation)`, output being the monthly items in its languages that get through; output per language is in `[[language]]`.",
	"movement":    "How cells choose where to be: once a month each cell considers moving with probability `rate`, scores its region and each neighbour, and moves by a softmax of the given `temperature`.",
	"region":      "One node of the map. Arrays of tables have no defaults: a scenario gives every element, and a file that extends another changes elements by `name`.",
	"border":      "A named set of cross-border edges, such as the Durand Line.",
	"attack_type": "One kind of attack, given as data. Deaths are Poisson of mean `deaths × suicide_deaths (if suicide) × population^attacks.crowd_exponent × exp(attacks.plot_growth × months prepared)`, at most `max_deaths`.",
	"rank":        "One level of ISK's hierarchy, with what losing a holder of that rank does; a rank named `commander` is required.",
	"leader":      "A named senior figure; every cell also has a commander of rank `commander`.",
	"pool":        "A reservoir of potential recruits.",
	"language":    "One propaganda language.",
	"raid_phase":  "One period of the GDI raid schedule: from month `from` until the next phase, `per_month` raids at `quality`.",
}

// WriteKeyReference writes the reference of every model key of a scenario
// file as Markdown: for each table its keys with type, default, range and
// meaning, all taken from the declarations of Params (settings.go). It is
// docs/scenario-keys.md.
func WriteKeyReference(w io.Writer) error {
	b := bufio.NewWriter(w)
	fmt.Fprint(b, `# Scenario keys: the model's settings

Generated from the declarations in model/isk/params.go by `+"`go generate ./model/isk`"+`
(a test fails when this file and the code differ); do not edit by hand.

Everything in a scenario file except `+"`name`, `description`, `extends`, `drop`, `start`, `end` and `[[target]]`"+`
(see [targets.md](targets.md)) sets the model. Keys of a table that a file
leaves out take the default below; arrays of tables have no defaults. Units:
shares and probabilities in [0, 1]; rates per month unless named otherwise;
money and explosives in abstract units (one unit = what one fighter brings
in per month at `+"`income = 1`"+`); months as `+"`\"YYYY-MM\"`"+`. A value outside its
range is an error naming the file, line and key, never silently clamped;
upper bounds marked † cap what scales a run's work or memory
(docs/reliability.md).
`)
	table := ""
	for _, s := range Settings() {
		t, key, _ := strings.Cut(s.Key, ".")
		if t != table {
			table = t
			head := "[" + t + "]"
			if s.Array {
				head = "[" + head + "]"
			}
			fmt.Fprintf(b, "\n## `%s`\n\n%s\n\n", head, tableIntros[t])
			if s.Array {
				fmt.Fprint(b, "| key | type | range | meaning |\n|---|---|---|---|\n")
			} else {
				fmt.Fprint(b, "| key | type | default | range | meaning |\n|---|---|---|---|---|\n")
			}
		}
		rng := "—"
		if s.HasRange {
			rng = s.Range.String()
			if s.Bound != "" {
				rng += " †"
			}
		}
		help := s.Help
		if s.Why != "" {
			help += " (" + s.Why + ")"
		}
		if s.Array {
			fmt.Fprintf(b, "| `%s` | %s | %s | %s |\n", key, s.Type, rng, help)
		} else {
			def := s.Default
			if def == "" {
				def = "—"
			}
			fmt.Fprintf(b, "| `%s` | %s | %s | %s | %s |\n", key, s.Type, def, rng, help)
		}
	}
	return b.Flush()
}
