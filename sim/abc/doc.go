// Package abc is approximate Bayesian computation by sequential Monte
// Carlo (ABC-SMC): from priors over a model's settings and a simulator
// that turns settings into summary statistics, it draws a weighted
// population of settings whose simulations come close to observed
// statistics, tightening the tolerance generation by generation.
//
// The algorithm follows Toni et al. (2009) and Beaumont et al. (2009):
//
//   - Generation 0 draws Population particles from the prior (every draw
//     whose statistics are finite is accepted).
//   - Generation t draws a model from the previous model probabilities and
//     the model perturbation kernel (Toni & Stumpf 2010), a particle of
//     that model by weight, and perturbs it with a multivariate normal of
//     twice the previous weighted covariance (Beaumont et al. 2009;
//     Kernel "mvn") or with the optimal local covariance of Filippi et al.
//     (2013; Kernel "olcm"). A proposal outside the prior's support is
//     redrawn. Integer settings are perturbed by rounded normal steps and
//     stay integers.
//   - It is accepted if its distance to the observed statistics is at
//     most epsilon_t, the Quantile (default median) of generation t-1's
//     distances (Del Moral, Doucet & Jasra 2012).
//   - Weights are w ∝ π(m)π(θ|m) / (q(m) Σ_j w_j K(θ|θ_j)), normalised;
//     the effective sample size is 1/Σw².
//   - The distance is Euclidean on statistics divided by per-statistic
//     scales re-estimated every generation from the spread (MAD) of all
//     its simulations, combined with an optional observation s.d.
//     (Prangle 2017; see Scales).
//
// The run stops at MaxGenerations, when the simulation Budget cannot fit
// another generation, when a generation's acceptance rate would fall below
// MinAcceptance, or once epsilon reaches FinalEpsilon.
//
// # Determinism and resume
//
// Proposal k of generation g draws every random number from a stream
// named by (Seed, g, k) (sim.StreamSeed), and the Simulator gets a seed
// derived from the same triple (SimulationSeed). Workers claim proposal
// indices and simulate them in any order, but acceptance is decided in
// index order and the first Population accepted form the population, so
// the result is the same for any Workers or BatchSize. A Generation holds
// everything the next one needs (including the particles' statistics and
// the next scales) and round-trips through encoding/json exactly, so a
// run resumed from its first k generations equals an uninterrupted one.
//
// abc knows nothing of scenarios, files or the model; the calibration
// file and the command that run it live elsewhere.
//
// References:
//
//   - Beaumont, Cornuet, Marin & Robert (2009), Adaptive approximate
//     Bayesian computation, Biometrika 96(4).
//   - Del Moral, Doucet & Jasra (2012), An adaptive sequential Monte Carlo
//     method for approximate Bayesian computation, Stat. Comput. 22.
//   - Filippi, Barnes, Cornebise & Stumpf (2013), On optimality of kernels
//     for approximate Bayesian computation using sequential Monte Carlo,
//     SAGMB 12(1).
//   - Prangle (2017), Adapting the ABC distance function, Bayesian
//     Analysis 12(1).
//   - Toni, Welch, Strelkowa, Ipsen & Stumpf (2009), Approximate Bayesian
//     computation scheme for parameter inference and model selection in
//     dynamical systems, J. R. Soc. Interface 6.
//   - Toni & Stumpf (2010), Simulation-based model selection for dynamical
//     systems in systems and population biology, Bioinformatics 26(1).
package abc
