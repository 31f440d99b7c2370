package model

// theatre is the leadership's posture in one country.
type theatre struct {
	slowed        bool
	tempo         float64 // share of tempo kept this month
	pressure      float64 // smoothed monthly loss rate
	raidLost      int64   // fighters lost to raids there this month
	leadersLost   int     // named leaders killed there this month
	fightersStart int64   // fighters there at the start of the month
}

// slowedAt reports whether the leadership has the cells of region r lying
// low (the theatre of r's country is slowed).
func (w *World) slowedAt(r int) bool { return w.theatres[w.c.regions[r].country].slowed }
