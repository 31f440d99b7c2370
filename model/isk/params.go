package isk

import "github.com/insurgo/insurgo/sim"

// Params holds every model setting of a scenario file: everything except the
// top-level keys name, description, extends, start, end and [[target]],
// which belong to package scenarios. Units: time in days or months as the
// key says, money and explosives in abstract "units" (one unit is what one
// fighter brings in per month at income 1), rates per month unless named
// otherwise, shares and probabilities in [0, 1].
type Params struct {
	Posture     Posture      `toml:"posture"`
	ISK         ISK          `toml:"isk"`
	Attacks     Attacks      `toml:"attacks"`
	Raids       Raids        `toml:"raids"`
	Pakistan    Pakistan     `toml:"pakistan"`
	Intel       Intel        `toml:"intel"`
	Recruitment Recruitment  `toml:"recruitment"`
	Media       Media        `toml:"media"`
	Movement    Movement     `toml:"movement"`
	Regions     []Region     `toml:"region"`
	Borders     []Border     `toml:"border"`
	AttackTypes []AttackType `toml:"attack_type"`
	Ranks       []Rank       `toml:"rank"`
	Leaders     []Leader     `toml:"leader"`
	Pools       []Pool       `toml:"pool"`
	Languages   []Language   `toml:"language"`
	RaidPhases  []RaidPhase  `toml:"raid_phase"`
}

// Posture is the leadership's monthly tempo decision ([posture]), one
// family that holds both hypotheses about a fall in tempo under pressure
// (domain mechanism 7): a chosen slowdown and an imposed degradation.
// Both cut a theatre's tempo by the same curve of the pressure felt,
//
//	cut(x) = Tempo * min(1, Threshold/x)^Depth   for x above Threshold (1 below),
//
// and Choice says how much of the cut (on a log scale) is chosen: the
// tempo kept is cutChosen^Choice * cutImposed^(1-Choice). The chosen part
// reads the pressure of the last Memory months with hysteresis (the
// leadership slows above Threshold and resumes below Release, so it comes
// back quickly once pressure lifts) and brings the slowdown's signatures:
// suicide and high-impact attacks favoured (the boosts, raised to the
// power Choice) and cells lying low (Hide times Choice). The imposed part
// reads the damage, the same loss rate remembered over Recovery months
// (networks, safe houses and supply lines rebuilt slowly), with no
// choice to resume. Choice 1 is a pure slowdown, Choice 0 a pure
// degradation; Depth 0 with Tempo 1 is no cut at all, and boosts of 1 no
// change of attack mix: the scenarios slowdown and degradation are
// regions of this space.
type Posture struct {
	// Choice is the share of the cut, on a log scale, that the leadership
	// chooses (0..1): 1 = a deliberate slowdown, 0 = imposed degradation.
	Choice float64 `toml:"choice" default:"1" range:"[0,1]" help:"share of the cut, on a log scale, the leadership chooses: 1 slowdown, 0 degradation"`
	// Pressure is a smoothed monthly loss rate: fighters lost to raids in
	// the month over fighters at its start (plus LeaderWeight per named
	// leader killed), averaged with weight 1/Memory.
	Memory float64 `toml:"memory" default:"3" range:"[1,)" bound:"MaxMemoryMonths" help:"months over which pressure is averaged"`
	// Recovery is the memory, in months, of the damage that drives the
	// imposed part of the cut: the same loss rate averaged with weight
	// 1/Recovery (>= 1; longer = slower recovery).
	Recovery float64 `toml:"recovery" default:"6" range:"[1,)" bound:"MaxMemoryMonths" help:"months over which the imposed damage is remembered"`
	// Threshold: the cut starts when pressure (or damage) exceeds it;
	// Release: the chosen slowdown ends when pressure falls below it.
	Threshold float64 `toml:"threshold" default:"0.05" range:"[0,1]" help:"pressure above which the cut starts"`
	Release   float64 `toml:"release" default:"0.02" range:"[0,1]" help:"pressure below which a chosen slowdown ends (<= threshold)"`
	// Tempo is the share of tempo kept at the threshold (0..1].
	Tempo float64 `toml:"tempo" default:"0.35" range:"(0,1]" help:"share of tempo kept at the threshold"`
	// Depth makes the cut graded: Tempo * min(1, Threshold/x)^Depth, so
	// it deepens the harder ISK is pressed (0 = a flat cut to Tempo).
	Depth float64 `toml:"depth" default:"0" range:"[0,)" help:"how the cut deepens with pressure (0 = a flat cut to tempo)"`
	// SuicideBoost multiplies suicide probabilities while slowed by
	// choice, raised to the power Choice (>= 1; 1 = no boost).
	SuicideBoost float64 `toml:"suicide_boost" default:"2" range:"[1,)" help:"multiplies suicide probabilities while slowed by choice"`
	// ImpactBoost multiplies the weight of high-impact attack types while
	// slowed by choice, raised to the power Choice (>= 1; 1 = no boost).
	ImpactBoost float64 `toml:"impact_boost" default:"3" range:"[1,)" help:"multiplies high-impact attack weights while slowed by choice"`
	// LeaderWeight is the pressure a named leader's death adds, on top of
	// the loss rate (the leadership feels decapitation as pressure).
	LeaderWeight float64 `toml:"leader_weight" default:"0" range:"[0,)" help:"pressure a named leader's death adds"`
	// Hide is the share by which lying low cuts, while slowed by choice,
	// both the intelligence the state gathers on cells from informants and
	// the chance that a raid finds its cell (0..1), times Choice.
	Hide float64 `toml:"hide" default:"0.5" range:"[0,1]" help:"share by which lying low cuts informant intel and raid hits while slowed"`
}

// ISK holds the organisation's initial strength and upkeep ([isk]).
type ISK struct {
	FighterPerCell float64 `toml:"fighters_per_cell" default:"25" range:"(0,)" bound:"MaxFightersPerCell" help:"initial mean fighters per cell"`
	// StartStrength, when > 0, places the initial fighters from a few
	// shares as well as any [[region]] cells: the record before the run
	// says where ISK was, not region by region. Of StartStrength
	// fighters, StartCore go to the core (groups east and kabul),
	// StartEast of those to the east and the rest to Kabul; StartKP to KP
	// (group kp); the rest to the other Afghan regions (groups north and
	// other). Within each part fighters go to regions in proportion to
	// their opportunity (targets × attack-type weights), in cells of
	// about FighterPerCell (a region with fewer than NewCellSize fighters
	// gets none; one with fewer than a cell's worth gets one smaller
	// cell). A region's own cells, if any, are added to those placed.
	StartStrength  float64 `toml:"start_strength" default:"0" range:"[0,)" bound:"MaxStartStrength" help:"initial fighters placed from the start shares (0 = only [[region]] cells)"`
	StartCore      float64 `toml:"start_core" default:"0" range:"[0,1]" help:"share of the start in groups east and kabul"`
	StartEast      float64 `toml:"start_east" default:"0" range:"[0,1]" help:"east's share of the core at the start"`
	StartKP        float64 `toml:"start_kp" default:"0" range:"[0,1]" help:"share of the start in KP (start_core + start_kp <= 1)"`
	VolunteerShare float64 `toml:"volunteer_share" default:"0.03" range:"[0,1]" help:"share of fighters who are suicide volunteers"`
	Income         float64 `toml:"income" default:"1" range:"[0,)" help:"money per fighter per month"`
	Supply         float64 `toml:"supply" default:"0.5" range:"[0,)" help:"explosives per fighter per month"`
	StockMonths    float64 `toml:"stock_months" default:"6" range:"(0,)" help:"months of income a cell can hold (cap on money and explosives)"`
	Attrition      float64 `toml:"attrition" default:"0.01" range:"[0,1]" help:"share of fighters lost to desertion etc. per month"`
	SplitSize      int     `toml:"split_size" default:"80" range:"[2,)" bound:"MaxCellSize" help:"a cell this large splits in two"`
	NewCellSize    int     `toml:"new_cell_size" default:"8" range:"[1,)" bound:"MaxCellSize" help:"recruits that found a new cell where there is none"`
	Skill          float64 `toml:"skill" default:"0.5" range:"(0,1]" help:"initial skill of cells"`
	SkillGain      float64 `toml:"skill_gain" default:"0.02" range:"[0,1]" help:"skill gained per attack, toward 1"`
}

// Attacks holds the tempo of attacks ([attacks]).
type Attacks struct {
	// Rate is attacks per fighter per month of a cell at full tempo and
	// skill; a cell of f fighters attacks at Rate * f^Exponent * Scale
	// where Scale = 10^(1-Exponent) keeps a 10-fighter cell at 10*Rate.
	Rate     float64 `toml:"rate" default:"0.01" range:"[0,)" bound:"MaxAttackRate" help:"attacks per fighter per month at full tempo and skill"`
	Exponent float64 `toml:"exponent" default:"0.7" range:"(0,1]" help:"returns to cell size"`
	// Excitation is the branching ratio: expected further attacks each
	// attack triggers in the same cell (Lewis et al. 2012: 0.37-0.50).
	Excitation float64 `toml:"excitation" default:"0.4" range:"[0,1)" why:"a branching ratio >= 1 explodes" help:"further attacks each attack triggers in its cell (branching ratio)"`
	// ExcitationDays is the mean delay of a triggered attack.
	ExcitationDays float64 `toml:"excitation_days" default:"14" range:"(0,)" help:"mean delay of a triggered attack, in days"`
	// Loss is the expected fighters a cell loses per non-suicide attack.
	Loss float64 `toml:"loss" default:"0.3" range:"[0,)" help:"expected fighters a cell loses per non-suicide attack"`
	// Exposure is the intelligence a cell leaks per attack (before quality).
	Exposure float64 `toml:"exposure" default:"0.05" range:"[0,1]" help:"intelligence a cell leaks per attack (before quality)"`
	// Ceiling bounds tempo by opportunity: the combined (unexcited) attack
	// rate of the cells in a region saturates as raw/(1 + raw/cap), a
	// Holling type II response, with cap = Ceiling × the region's
	// opportunity (the sum over attack types of weight × target
	// abundance, abroad neighbours included for cross-border types).
	// Ceiling is in attacks per month per unit of opportunity; 0 = no
	// ceiling (tempo grows with fighters without bound).
	Ceiling float64 `toml:"ceiling" default:"0" range:"[0,)" help:"a region's attacks per month per unit of opportunity at saturation (0 = none)"`
	// TheatreCeiling bounds tempo per country (theatre) the same way, one
	// level up: the combined rate of a country's regions (each already
	// under Ceiling) saturates at TheatreCeiling × the summed opportunity
	// of the country's regions: the theatre command's planners,
	// bomb-makers and supply lines reach only so many of its targets a
	// month. Attacks per month per unit of opportunity; 0 = no ceiling.
	TheatreCeiling float64 `toml:"theatre_ceiling" default:"0" range:"[0,)" help:"a country's attacks per month per unit of opportunity at saturation (0 = none)"`
	// OpportunityExponent ties a cell's capacity to the targets around
	// it: capacity is multiplied by opportunity^OpportunityExponent, with
	// a region's opportunity (Σ over attack types of weight × target
	// abundance) normalised to 1 in the richest region. Cells in
	// target-rich places (a capital's officials, shrines and embassies)
	// find, scout and reach targets faster than cells in thin ones; under
	// a theatre ceiling this shifts a country's attacks toward its rich
	// regions. 0 = off (capacity independent of place).
	OpportunityExponent float64 `toml:"opportunity_exponent" default:"0" range:"[0,)" help:"capacity grows with opportunity to this power (0 = off)"`
	// PlotGrowth is the monthly growth rate of an attack's potential
	// deaths with the time its cell has prepared it: the mean deaths are
	// multiplied by exp(PlotGrowth × months since the cell's last attack,
	// or since a raid last hit it, which disrupts the plot). Waiting
	// times that end by attack or by detection make the deaths per attack
	// heavy-tailed with exponent about 1 + (attack + hit rate)/PlotGrowth
	// (Clauset, Young and Gleditsch 2007): the tail comes out of tempo
	// and pressure, not out of an input exponent. 0 = off.
	PlotGrowth float64 `toml:"plot_growth" default:"0" range:"[0,)" help:"monthly growth of an attack's mean deaths with preparation time (0 = off)"`
	// CrowdExponent scales an attack's mean deaths with the population of
	// the region struck (in millions) to this power: crowds are larger in
	// populous places. 0 = off.
	CrowdExponent float64 `toml:"crowd_exponent" default:"0" range:"[0,)" help:"mean deaths grow with the struck region's population to this power (0 = off)"`
}

// Raids holds the GDI's intelligence-led raids in Afghanistan ([raids]).
// The raid count per month follows [[raid_phase]]; PerMonth applies before
// the first phase.
type Raids struct {
	PerMonth float64 `toml:"per_month" default:"0" range:"[0,)" bound:"MaxRaidsPerMonth" help:"GDI raids per month before the first raid phase"`
	Quality  float64 `toml:"quality" default:"0.5" range:"[0,1]" help:"chance a raid on a fully known cell hits it"`
	// CapacityBuilding multiplies the odds that a GDI raid finds its cell
	// (>= 0; 1 = none): support to the GDI's targeting, which raises the
	// hit chance p to cb*p/(1 - p + cb*p) without ever saturating below 1.
	CapacityBuilding float64 `toml:"capacity_building" default:"1" range:"[0,)" help:"multiplies the odds that a raid finds its cell (1 = none)"`
	Sharpness        float64 `toml:"sharpness" default:"2" range:"[0,)" help:"targeting weight is intel^sharpness"`
	LeaderPriority   float64 `toml:"leader_priority" default:"1" range:"[0,)" help:"extra targeting weight of cells near a named leader"`
	KillFraction     float64 `toml:"kill_fraction" default:"0.3" range:"[0,1]" help:"share of a hit cell's fighters killed or captured"`
	Seizure          float64 `toml:"seizure" default:"0.5" range:"[0,1]" help:"share of a hit cell's money and explosives seized"`
	CommanderKill    float64 `toml:"commander_kill" default:"0.2" range:"[0,1]" help:"chance a hit kills or captures the cell commander"`
	SeniorKill       float64 `toml:"senior_kill" default:"0.02" range:"[0,1]" help:"chance a hit catches a named leader based in the region"`
	CaptureIntel     float64 `toml:"capture_intel" default:"0.1" range:"[0,1]" help:"intel gained on sibling cells (same leader) per hit"`
}

// RaidPhase is one period of the GDI raid schedule ([[raid_phase]]): from
// month From until the next phase, PerMonth raids at Quality.
type RaidPhase struct {
	Name     string    `toml:"name" help:"unique name of the phase"`
	From     sim.Month `toml:"from" help:"month YYYY-MM the phase starts (required)"`
	PerMonth float64   `toml:"per_month" range:"[0,)" bound:"MaxRaidsPerMonth" help:"GDI raids per month during the phase"`
	Quality  float64   `toml:"quality" range:"[0,1]" help:"raid quality during the phase"`
	// Informants is the extra monthly intelligence accrual the GDI's
	// informant networks bring during the phase, added to
	// intel.informants (0..1; 0 = none).
	Informants float64 `toml:"informants" range:"[0,1]" help:"extra monthly intel accrual from informant networks (0 = none)"`
}

// Pakistan holds the Pakistani security forces' raids in KP ([pakistan]);
// their attention is split with the TTP.
type Pakistan struct {
	PerMonth     float64 `toml:"per_month" default:"1" range:"[0,)" bound:"MaxRaidsPerMonth" help:"Pakistani raids per month in KP"`
	Quality      float64 `toml:"quality" default:"0.4" range:"[0,1]" help:"chance a Pakistani raid on a fully known cell hits it"`
	KillFraction float64 `toml:"kill_fraction" default:"0.3" range:"[0,1]" help:"share of a hit cell's fighters killed or captured"`
}

// Intel holds how the state's knowledge of each cell grows and decays
// ([intel]). Intel on a cell is in [0, 1].
type Intel struct {
	Initial    float64 `toml:"initial" default:"0.1" range:"[0,1]" help:"intel on each cell at the start"`
	Informants float64 `toml:"informants" default:"0.05" range:"[0,1]" help:"monthly accrual toward 1, times the region's state presence"`
	Decay      float64 `toml:"decay" default:"0.1" range:"[0,1]" help:"monthly share lost"`
	MoveLoss   float64 `toml:"move_loss" default:"0.3" range:"[0,1]" help:"share lost when a cell moves within a country"`
}

// Recruitment holds what drives the inflow of recruits ([recruitment]).
// A pool's monthly expected recruits are size * susceptibility * reach *
// (1 + notoriety_weight * notoriety) * (1 + grievance_weight * grievance)
// * exp(-loss_weight * recent loss rate).
type Recruitment struct {
	NotorietyWeight float64 `toml:"notoriety_weight" default:"0.5" range:"[0,)" help:"weight of notoriety in recruitment"`
	NotorietyMemory float64 `toml:"notoriety_memory" default:"3" range:"[1,)" bound:"MaxMemoryMonths" help:"months over which notoriety is averaged"`
	NotorietyRef    float64 `toml:"notoriety_ref" default:"20" range:"(0,)" help:"claimed attacks per month that make notoriety 1"`
	GrievanceWeight float64 `toml:"grievance_weight" default:"1" range:"[0,)" help:"weight of grievance in recruitment"`
	LossWeight      float64 `toml:"loss_weight" default:"2" range:"[0,)" help:"how recent losses deter recruits"`
	VolunteerShare  float64 `toml:"volunteer_share" default:"0.03" range:"[0,1]" help:"share of recruits who volunteer for suicide attacks"`
}

// Media holds propaganda reach ([media]); output per language is in
// [[language]].
type Media struct {
	// Saturation: a pool's reach is 1 - exp(-output/Saturation), output
	// being the monthly items in its languages that get through.
	Saturation      float64   `toml:"saturation" default:"100" range:"(0,)" help:"items per month at which a pool's reach is 1 - 1/e"`
	CounterFrom     sim.Month `toml:"counter_from" help:"month YYYY-MM counter-messaging starts (empty: never)"`
	CounterStrength float64   `toml:"counter_strength" default:"0.2" range:"[0,1]" help:"share of reach counter-messaging removes"`
	// IdeologueEffect is the share of output lost while an ideologue's
	// post is vacant.
	IdeologueEffect float64 `toml:"ideologue_effect" default:"0.3" range:"[0,1]" help:"share of output lost while an ideologue's post is vacant"`
}

// Language is one propaganda language ([[language]]).
type Language struct {
	Name           string    `toml:"name" help:"unique name of the language"`
	Output         float64   `toml:"output" range:"[0,)" help:"propaganda items per month"`
	From           sim.Month `toml:"from" help:"month YYYY-MM output starts (empty: from the start)"`
	Deplatformed   float64   `toml:"deplatformed" range:"[0,1]" help:"share of output removed by platforms"`
	DeplatformFrom sim.Month `toml:"deplatform_from" help:"month YYYY-MM removal starts (empty: from the start)"`
}

// Movement holds how cells choose where to be ([movement]). Once a month
// each cell considers moving with probability Rate; it scores its region
// and each neighbour by opportunity_weight * targets + recruit_weight *
// recruits - risk_weight * raid risk - crossing difficulty, and moves to
// the best with a softmax of the given Temperature.
type Movement struct {
	Rate               float64 `toml:"rate" default:"0.2" range:"[0,1]" help:"monthly chance a cell considers moving"`
	OpportunityWeight  float64 `toml:"opportunity_weight" default:"1" range:"[0,)" help:"weight of targets in a place's score"`
	RecruitWeight      float64 `toml:"recruit_weight" default:"0.5" range:"[0,)" help:"weight of recruits in a place's score"`
	RiskWeight         float64 `toml:"risk_weight" default:"3" range:"[0,)" help:"weight of raid risk in a place's score"`
	InternalDifficulty float64 `toml:"internal_difficulty" default:"0.1" range:"[0,1]" help:"crossing cost of a border-free edge"`
	Temperature        float64 `toml:"temperature" default:"0.5" range:"(0,)" help:"softmax temperature of the choice"`
}

// Region is one node of the map ([[region]]).
type Region struct {
	Name          string  `toml:"name" help:"unique name of the region"`
	Country       string  `toml:"country" help:"lower case: afghanistan, pakistan, tajikistan, ..."`
	Group         string  `toml:"group" help:"one of the groups: east, kabul, north, other, kp, abroad"`
	Population    float64 `toml:"population" range:"[0,)" bound:"MaxPopulation" help:"millions"`
	StatePresence float64 `toml:"state_presence" range:"[0,1]" help:"how much the state sees"`
	Grievance     float64 `toml:"grievance" range:"[0,1]" help:"grievance of the population"`
	Terrain       float64 `toml:"terrain" range:"[0,1]" help:"how hard to search"`
	Cells         int     `toml:"cells" range:"[0,)" bound:"MaxCellsPerRegion" help:"ISK cells at the start"`
	// FightersPerCell is the mean initial strength of this region's cells
	// (Poisson, at least 3); 0 = isk.fighters_per_cell. For places where
	// ISK started thin (a few small cells) or strong.
	FightersPerCell float64            `toml:"fighters_per_cell" range:"[0,)" bound:"MaxFightersPerCell" help:"mean initial strength of the region's cells (0 = isk.fighters_per_cell)"`
	Targets         map[string]float64 `toml:"targets" help:"target kind -> abundance (each >= 0)"`
	Neighbors       []string           `toml:"neighbors" help:"regions joined by a border-free edge (symmetric)"`
}

// Border is a named set of cross-border edges ([[border]]), such as the
// Durand Line.
type Border struct {
	Name       string     `toml:"name" help:"unique name of the border"`
	Difficulty float64    `toml:"difficulty" range:"[0,1]" help:"chance a crossing fails"`
	Control    float64    `toml:"control" range:"[0,1]" help:"extra policy control; effective = 1-(1-difficulty)(1-control)"`
	Sharing    float64    `toml:"sharing" range:"[0,1]" help:"share of intel on a cell kept when it crosses"`
	Links      [][]string `toml:"links" help:"pairs of region names the border joins"`
}

// AttackType is one kind of attack, given as data ([[attack_type]]).
type AttackType struct {
	Name       string  `toml:"name" help:"unique name of the attack type"`
	Target     string  `toml:"target" help:"target kind a region must offer"`
	Abroad     bool    `toml:"abroad" help:"strikes a neighbouring region across a border"`
	Weight     float64 `toml:"weight" range:"[0,)" help:"base choice weight"`
	Cost       float64 `toml:"cost" range:"[0,)" help:"money"`
	Explosives float64 `toml:"explosives" range:"[0,)" help:"explosives"`
	MinSkill   float64 `toml:"min_skill" range:"[0,1]" help:"cells below this skill cannot mount it"`
	Suicide    float64 `toml:"suicide" range:"[0,1]" help:"probability it is a suicide attack (needs a volunteer)"`
	HighImpact bool    `toml:"high_impact" help:"favoured under slowdown"`
	// Deaths: Poisson of mean Deaths × SuicideDeaths (if suicide) ×
	// population^attacks.crowd_exponent (of the region struck) ×
	// exp(attacks.plot_growth × months the cell has prepared), at most
	// MaxDeaths; the wounded are Poisson of Wounded times that mean.
	Deaths        float64 `toml:"deaths" range:"(0,)" help:"mean deaths of an unprepared attack"`
	SuicideDeaths float64 `toml:"suicide_deaths" range:"[1,)" help:"multiplies the mean deaths of a suicide attack"`
	Wounded       float64 `toml:"wounded" range:"[0,)" help:"mean wounded per expected death"`
	MaxDeaths     int     `toml:"max_deaths" range:"[1,)" help:"cap on the deaths of one attack"`
	Claim         float64 `toml:"claim" range:"[0,1]" help:"probability ISK claims it"`
}

// Rank is one level of ISK's hierarchy ([[rank]]), with what losing a
// holder of that rank does.
type Rank struct {
	Name           string  `toml:"name" help:"e.g. emir, military_chief, ideologue, wali, commander"`
	Effect         float64 `toml:"effect" range:"[0,1]" help:"share of tempo the cells below lose while the post is vacant"`
	SuccessionDays float64 `toml:"succession_days" range:"[0,)" help:"mean days until a successor takes over"`
}

// Leader is a named senior figure ([[leader]]). Cell commanders are not
// listed: every cell has one, of rank "commander".
type Leader struct {
	Name   string   `toml:"name" help:"unique name of the leader"`
	Rank   string   `toml:"rank" help:"one of the ranks"`
	Parent string   `toml:"parent" help:"superior (empty for the top)"`
	Region string   `toml:"region" help:"where based"`
	Groups []string `toml:"groups" help:"groups whose cells report to this leader (walis); empty = inherits"`
	Killed string   `toml:"killed" help:"YYYY-MM-DD scripted kill (a scenario input); empty: none"`
}

// Pool is a reservoir of potential recruits ([[pool]]).
type Pool struct {
	Name           string    `toml:"name" help:"unique name of the pool"`
	Region         string    `toml:"region" help:"where they live; abroad pools send recruits across a border"`
	Size           float64   `toml:"size" range:"[0,)" bound:"MaxPoolSize" help:"people"`
	Susceptibility float64   `toml:"susceptibility" range:"[0,1]" help:"monthly recruits per person at full reach"`
	Languages      []string  `toml:"languages" help:"languages that reach them"`
	From           sim.Month `toml:"from" help:"month YYYY-MM the pool opens (empty: from the start)"`
}

// Default returns the defaults of every optional key, as declared by
// the default tags of the fields. Arrays of tables (regions, borders,
// attack types, ranks, leaders, pools, languages, raid phases) are empty:
// a scenario must give them.
func Default() Params {
	var p Params
	applyDefaults(&p)
	return p
}
