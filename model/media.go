package model

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
