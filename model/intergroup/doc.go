// Package intergroup is Epstein's model of inter-group violence (Model II
// of "Modeling civil violence: an agent-based computational approach",
// PNAS 99 suppl. 3, 2002): two ethnic groups, blue and green, on a torus,
// with or without peacekeepers, on insurgo's engine.
//
// A citizen belongs to one group and has hardship H and risk aversion R,
// both uniform on [0, 1). Its grievance is G = H (1 - L), where L is the
// legitimacy its group accords the other group (its right to exist), set
// for each group. At its turn a free citizen first moves to a random
// empty cell in its vision; it then estimates its probability of arrest
// from the peacekeepers C and active citizens A in its vision (counting
// itself among the active) as P = 1 - exp(-k ⌊C/A⌋). When G - R·P > T and
// a member of the other group is in its vision, it is active and kills
// one of them at random. It then gives birth, with a fixed probability, to
// a copy of itself (its group, H and R) on a random empty cell next to it.
// A peacekeeper (a cop of Model I) moves, then jails one random active
// citizen of either group in its vision for a term uniform on 0 .. J
// steps. Every citizen, in jail or not, dies of age at a fixed lifespan.
//
// It follows the pattern of package civil (see docs/civil-violence.md,
// "How this model was added"): Params with defaults and validation, a
// Factory over a step clock, a World implementing sim.Model that draws
// only from the replicate's named streams. Rules and choices:
// docs/intergroup.md.
package intergroup
