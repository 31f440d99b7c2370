package plots

import (
	"gonum.org/v1/plot"

	"github.com/insurgo/insurgo/internal/report"
)

// Figures of a run of Epstein's inter-group violence model
// (model/intergroup), drawn by WriteDefault when the summary holds its
// series: fans of each group's population and of the smaller group's,
// and fans of the killings, the active and the jailed citizens, step by
// step.

// isIntergroup reports whether s is a run of the inter-group violence
// model: one with a population per group.
func isIntergroup(s *report.Summary) bool {
	return s.Find("population", "group:blue") != nil && s.Find("population", "group:green") != nil
}

// intergroupDefaults are the default figures of an inter-group run.
func intergroupDefaults(s *report.Summary) []figure {
	return []figure{
		{"intergroup-population", func() ([]*plot.Plot, error) {
			return StepFans(s, "Citizens of each group and of the smaller one, by step", [][2]string{
				{"population", "group:blue"}, {"population", "group:green"}, {"minority", "total"}},
				[]string{"blue citizens", "green citizens", "citizens of the smaller group"})
		}},
		{"intergroup-violence", func() ([]*plot.Plot, error) {
			return StepFans(s, "Citizens killed, active and jailed, by step", [][2]string{
				{"killed", "total"}, {"active", "total"}, {"jailed", "total"}},
				[]string{"killed per step", "active citizens", "jailed citizens"})
		}},
	}
}
