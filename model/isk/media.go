package isk

import "math"

// recordPropaganda records the month's propaganda output that gets
// through (domain mechanism 6, media): each [[language]]'s output for
// month m, times the share kept while an ideologue's post is vacant
// (media.ideologue_effect), rounded per language and in total.
func (w *World) recordPropaganda(m int) {
	sc := &w.c.scopes
	var out float64
	for l, o := range w.c.langOut[m] {
		o *= w.ideologueFactor
		out += o
		w.hs.add(iPropaganda, m, int64(math.Round(o)), sc.language[l])
	}
	w.hs.add(iPropaganda, m, int64(math.Round(out)), 0)
}

// reach is the share of pool pl that month m's propaganda reaches (domain
// mechanism 6, media): with out the month's output that gets through in
// the pool's languages, times the ideologue factor
// (media.ideologue_effect), reach is 1 - exp(-out/media.saturation), cut
// by media.counter_strength once counter-messaging has started
// (media.counter_from).
func (w *World) reach(pl *cpool, m int) float64 {
	c := w.c
	var out float64
	for _, l := range pl.langs {
		out += c.langOut[m][l]
	}
	out *= w.ideologueFactor
	reach := 1 - math.Exp(-out/c.p.Media.Saturation)
	if c.counter[m] {
		reach *= 1 - c.p.Media.CounterStrength
	}
	return reach
}
