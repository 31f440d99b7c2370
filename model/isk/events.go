package isk

// The fields of the model's events (sim.Event.Fields), each with one
// meaning; events.csv has a column for each, empty where an event has no
// such field.
const (
	FieldCasualties = "casualties" // attack: killed and wounded
	FieldDeaths     = "deaths"     // attack: killed
	FieldWounded    = "wounded"    // attack: wounded
	FieldSuicide    = "suicide"    // attack: 1 for a suicide attack
	FieldClaimed    = "claimed"    // attack: 1 if ISK claimed it (what the published counts count)
	FieldKilled     = "killed"     // raid: ISK fighters killed
	FieldHit        = "hit"        // raid: 1 if the raid found its cell
	FieldFighters   = "fighters"   // move: fighters who moved with the cell
)

// EventFields lists the fields of the model's events, in the order of
// events.csv's columns. Event kinds: attack (type: the attack type;
// casualties, deaths, wounded, suicide, claimed), raid (type: gdi or
// pakistan; killed, hit), move (type: the border crossed; fighters) and
// leader_killed (type: the rank; no field).
func (p *Params) EventFields() []string {
	return []string{FieldCasualties, FieldDeaths, FieldWounded, FieldSuicide, FieldClaimed, FieldKilled, FieldHit, FieldFighters}
}
