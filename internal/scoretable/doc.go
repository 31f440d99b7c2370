// Package scoretable scores a scenario's targets: for each, the CRPS and
// the PIT of the observed figure under the model's predictive (the
// simulated statistic's distribution over replicates plus the target's
// observation error), and the same for two count baselines fitted, leave
// one target out, to the scenario's other count targets. It turns window
// statistics into the exposures internal/score's baselines take and
// renders the table as Markdown and JSON.
package scoretable
