// Package civil is Epstein's model of civil violence (Model I, "Modeling
// civil violence: an agent-based computational approach", PNAS 99 suppl. 3,
// 2002), as Mesa and NetLogo ship it ("Rebellion"), on insurgo's engine.
//
// Citizens and cops live on a torus. A citizen has hardship H and risk
// aversion R, both uniform on [0, 1); with legitimacy L its grievance is
// G = H (1 - L). It estimates its probability of arrest from the cops C and
// active citizens A in its vision (counting itself among the active) as
// P = 1 - exp(-k · ⌊C/A⌉), the ratio rounded as Mesa does (Python's round,
// half to even) or floored as in the paper; it turns (or stays) active when
// G - R·P > T and quiet otherwise. A cop arrests one random active citizen
// in its vision, jailing it for a term uniform on 0 .. J steps. Every agent
// then moves to a random empty cell in its vision. Each step every agent
// acts once in a fresh random order, and counts are taken after the step.
//
// The package is written to be the example of how to add a model to
// insurgo: Params (the settings, with defaults and validation), a Factory
// built from them over a sim.Calendar (here a step clock), and a World that
// implements sim.Model, records into the replicate's sim.Recorder and
// draws only from the replicate's named streams. See docs/civil-violence.md.
package civil
