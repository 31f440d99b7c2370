package civil

import "github.com/insurgo/insurgo/sim"

// record records step d's counts and follows outbursts: runs of steps with
// at least the outburst threshold of active citizens. Each outburst's
// peak, duration and the interval since the previous one's start are
// observed when it ends (or when the run does).
func (w *World) record(d sim.Day, arrests int64) {
	r := w.rec
	r.Add(w.hs[hArrests], d.Month, arrests)
	if d.MonthEnd {
		a, q, j := w.Counts()
		r.Set(w.hs[hActive], d.Month, int64(a))
		r.Set(w.hs[hQuiet], d.Month, int64(q))
		r.Set(w.hs[hJailed], d.Month, int64(j))
		r.Set(w.hs[hCitizens], d.Month, int64(w.citizens))
		r.Set(w.hs[hCops], d.Month, int64(w.Cops()))
	}
	s := d.Index
	switch {
	case w.nActive >= w.c.outburst && !w.inBurst:
		w.inBurst, w.burstStart, w.peak = true, s, w.nActive
		if w.lastBurst >= 0 {
			r.Observe(SOutburstInterval, int64(s-w.lastBurst))
		}
		w.lastBurst = s
		r.Add(w.hs[hOutbursts], d.Month, 1)
	case w.nActive >= w.c.outburst:
		w.peak = max(w.peak, w.nActive)
	case w.inBurst:
		w.endBurst(s)
	}
	if s == w.c.p.Steps-1 && w.inBurst {
		w.endBurst(s + 1)
	}
}

// endBurst closes the outburst running before step end.
func (w *World) endBurst(end int) {
	w.inBurst = false
	w.rec.Observe(SOutburstSize, int64(w.peak))
	w.rec.Observe(SOutburstDuration, int64(end-w.burstStart))
	if w.rec.KeepEvents() {
		w.rec.Event(sim.Event{Day: w.burstStart, Kind: "outburst", Fields: []sim.Field{
			{Name: FieldPeak, Value: int64(w.peak)}, {Name: FieldDuration, Value: int64(end - w.burstStart)}}})
	}
}
