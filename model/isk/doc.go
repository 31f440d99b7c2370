// Package isk is insurgo's ISK–Taliban world: regions and borders, ISK
// cells and their leaders, the Taliban's General Directorate of
// Intelligence (GDI) and Pakistan's forces in Khyber Pakhtunkhwa, recruit
// pools and propaganda, movement across the Durand Line and the northern
// border, attack types given as data, and the leadership's posture
// (deliberate slowdown or capacity-driven degradation).
//
// Every setting lives in [Params], decoded from a scenario file by package
// scenarios on top of [Default] and checked by [Params.Validate]. [NewFactory]
// turns validated settings into a [sim.Factory]: one independent World per
// replicate, drawing randomness only from named streams of the replicate
// ("attacks", "raids", "recruitment", "movement", "casualties", ...) so that a
// change to one mechanism does not shift the draws of the others, and two
// scenarios run under one seed share random numbers replicate by replicate.
//
// The world steps once per day. Work that happens every day is constant
// (a Poisson draw of the day's attacks and raids, a decay of the
// self-excitation); everything that scales with the number of cells
// (intelligence, movement, recruitment, the posture decision, month-end
// gauges) happens once a month or when an event touches a cell.
//
// Metrics recorded per month are listed by [Params.Metrics]; their scopes by
// [Params.Scopes].
package isk
