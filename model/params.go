package model

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
	Choice float64 `toml:"choice"`
	// Pressure is a smoothed monthly loss rate: fighters lost to raids in
	// the month over fighters at its start (plus LeaderWeight per named
	// leader killed), averaged with weight 1/Memory.
	Memory float64 `toml:"memory"` // months, >= 1
	// Recovery is the memory, in months, of the damage that drives the
	// imposed part of the cut: the same loss rate averaged with weight
	// 1/Recovery (>= 1; longer = slower recovery).
	Recovery float64 `toml:"recovery"`
	// Threshold: the cut starts when pressure (or damage) exceeds it;
	// Release: the chosen slowdown ends when pressure falls below it.
	Threshold float64 `toml:"threshold"`
	Release   float64 `toml:"release"`
	// Tempo is the share of tempo kept at the threshold (0..1].
	Tempo float64 `toml:"tempo"`
	// Depth makes the cut graded: Tempo * min(1, Threshold/x)^Depth, so
	// it deepens the harder ISK is pressed (0 = a flat cut to Tempo).
	Depth float64 `toml:"depth"`
	// SuicideBoost multiplies suicide probabilities while slowed by
	// choice, raised to the power Choice (>= 1; 1 = no boost).
	SuicideBoost float64 `toml:"suicide_boost"`
	// ImpactBoost multiplies the weight of high-impact attack types while
	// slowed by choice, raised to the power Choice (>= 1; 1 = no boost).
	ImpactBoost float64 `toml:"impact_boost"`
	// LeaderWeight is the pressure a named leader's death adds, on top of
	// the loss rate (the leadership feels decapitation as pressure).
	LeaderWeight float64 `toml:"leader_weight"`
	// Hide is the share by which lying low cuts, while slowed by choice,
	// both the intelligence the state gathers on cells from informants and
	// the chance that a raid finds its cell (0..1), times Choice.
	Hide float64 `toml:"hide"`
}

// ISK holds the organisation's initial strength and upkeep ([isk]).
type ISK struct {
	FighterPerCell float64 `toml:"fighters_per_cell"` // initial mean fighters per cell
	VolunteerShare float64 `toml:"volunteer_share"`   // share of fighters who are suicide volunteers
	Income         float64 `toml:"income"`            // money per fighter per month
	Supply         float64 `toml:"supply"`            // explosives per fighter per month
	StockMonths    float64 `toml:"stock_months"`      // months of income a cell can hold (cap on money and explosives)
	Attrition      float64 `toml:"attrition"`         // share of fighters lost to desertion etc. per month
	SplitSize      int     `toml:"split_size"`        // a cell this large splits in two
	NewCellSize    int     `toml:"new_cell_size"`     // recruits that found a new cell where there is none
	Skill          float64 `toml:"skill"`             // initial skill of cells (0..1]
	SkillGain      float64 `toml:"skill_gain"`        // skill gained per attack, toward 1
}

// Attacks holds the tempo of attacks ([attacks]).
type Attacks struct {
	// Rate is attacks per fighter per month of a cell at full tempo and
	// skill; a cell of f fighters attacks at Rate * f^Exponent * Scale
	// where Scale = 10^(1-Exponent) keeps a 10-fighter cell at 10*Rate.
	Rate     float64 `toml:"rate"`
	Exponent float64 `toml:"exponent"` // returns to cell size, (0..1]
	// Excitation is the branching ratio: expected further attacks each
	// attack triggers in the same cell (Lewis et al. 2012: 0.37-0.50).
	Excitation float64 `toml:"excitation"`
	// ExcitationDays is the mean delay of a triggered attack.
	ExcitationDays float64 `toml:"excitation_days"`
	// Loss is the expected fighters a cell loses per non-suicide attack.
	Loss float64 `toml:"loss"`
	// Exposure is the intelligence a cell leaks per attack (before quality).
	Exposure float64 `toml:"exposure"`
	// Ceiling bounds tempo by opportunity: the combined (unexcited) attack
	// rate of the cells in a region saturates as raw/(1 + raw/cap), a
	// Holling type II response, with cap = Ceiling × the region's
	// opportunity (the sum over attack types of weight × target
	// abundance, abroad neighbours included for cross-border types).
	// Ceiling is in attacks per month per unit of opportunity; 0 = no
	// ceiling (tempo grows with fighters without bound).
	Ceiling float64 `toml:"ceiling"`
	// TheatreCeiling bounds tempo per country (theatre) the same way, one
	// level up: the combined rate of a country's regions (each already
	// under Ceiling) saturates at TheatreCeiling × the summed opportunity
	// of the country's regions: the theatre command's planners,
	// bomb-makers and supply lines reach only so many of its targets a
	// month. Attacks per month per unit of opportunity; 0 = no ceiling.
	TheatreCeiling float64 `toml:"theatre_ceiling"`
	// OpportunityExponent ties a cell's capacity to the targets around
	// it: capacity is multiplied by opportunity^OpportunityExponent, with
	// a region's opportunity (Σ over attack types of weight × target
	// abundance) normalised to 1 in the richest region. Cells in
	// target-rich places (a capital's officials, shrines and embassies)
	// find, scout and reach targets faster than cells in thin ones; under
	// a theatre ceiling this shifts a country's attacks toward its rich
	// regions. 0 = off (capacity independent of place).
	OpportunityExponent float64 `toml:"opportunity_exponent"`
	// PlotGrowth is the monthly growth rate of an attack's potential
	// deaths with the time its cell has prepared it: the mean deaths are
	// multiplied by exp(PlotGrowth × months since the cell's last attack,
	// or since a raid last hit it, which disrupts the plot). Waiting
	// times that end by attack or by detection make the deaths per attack
	// heavy-tailed with exponent about 1 + (attack + hit rate)/PlotGrowth
	// (Clauset, Young and Gleditsch 2007): the tail comes out of tempo
	// and pressure, not out of an input exponent. 0 = off.
	PlotGrowth float64 `toml:"plot_growth"`
	// CrowdExponent scales an attack's mean deaths with the population of
	// the region struck (in millions) to this power: crowds are larger in
	// populous places. 0 = off.
	CrowdExponent float64 `toml:"crowd_exponent"`
}

// Raids holds the GDI's intelligence-led raids in Afghanistan ([raids]).
// The raid count per month follows [[raid_phase]]; PerMonth applies before
// the first phase.
type Raids struct {
	PerMonth float64 `toml:"per_month"` // raids per month before the first phase
	Quality  float64 `toml:"quality"`   // chance a raid on a fully known cell hits it
	// CapacityBuilding multiplies the odds that a GDI raid finds its cell
	// (>= 0; 1 = none): support to the GDI's targeting, which raises the
	// hit chance p to cb*p/(1 - p + cb*p) without ever saturating below 1.
	CapacityBuilding float64 `toml:"capacity_building"`
	Sharpness        float64 `toml:"sharpness"`       // targeting weight is intel^sharpness
	LeaderPriority   float64 `toml:"leader_priority"` // extra targeting weight of cells near a named leader
	KillFraction     float64 `toml:"kill_fraction"`   // share of a hit cell's fighters killed or captured
	Seizure          float64 `toml:"seizure"`         // share of a hit cell's money and explosives seized
	CommanderKill    float64 `toml:"commander_kill"`  // chance a hit kills or captures the cell commander
	SeniorKill       float64 `toml:"senior_kill"`     // chance a hit catches a named leader based in the region
	CaptureIntel     float64 `toml:"capture_intel"`   // intel gained on sibling cells (same leader) per hit
}

// RaidPhase is one period of the GDI raid schedule ([[raid_phase]]): from
// month From until the next phase, PerMonth raids at Quality.
type RaidPhase struct {
	Name     string  `toml:"name"`
	From     string  `toml:"from"` // YYYY-MM
	PerMonth float64 `toml:"per_month"`
	Quality  float64 `toml:"quality"`
	// Informants is the extra monthly intelligence accrual the GDI's
	// informant networks bring during the phase, added to
	// intel.informants (0..1; 0 = none).
	Informants float64 `toml:"informants"`
}

// Pakistan holds the Pakistani security forces' raids in KP ([pakistan]);
// their attention is split with the TTP.
type Pakistan struct {
	PerMonth     float64 `toml:"per_month"`
	Quality      float64 `toml:"quality"`
	KillFraction float64 `toml:"kill_fraction"`
}

// Intel holds how the state's knowledge of each cell grows and decays
// ([intel]). Intel on a cell is in [0, 1].
type Intel struct {
	Initial    float64 `toml:"initial"`    // intel on each cell at the start
	Informants float64 `toml:"informants"` // monthly accrual toward 1, times the region's state presence
	Decay      float64 `toml:"decay"`      // monthly share lost
	MoveLoss   float64 `toml:"move_loss"`  // share lost when a cell moves within a country
}

// Recruitment holds what drives the inflow of recruits ([recruitment]).
// A pool's monthly expected recruits are size * susceptibility * reach *
// (1 + notoriety_weight * notoriety) * (1 + grievance_weight * grievance)
// * exp(-loss_weight * recent loss rate).
type Recruitment struct {
	NotorietyWeight float64 `toml:"notoriety_weight"`
	NotorietyMemory float64 `toml:"notoriety_memory"` // months
	NotorietyRef    float64 `toml:"notoriety_ref"`    // claimed attacks per month that make notoriety 1
	GrievanceWeight float64 `toml:"grievance_weight"`
	LossWeight      float64 `toml:"loss_weight"`
	VolunteerShare  float64 `toml:"volunteer_share"` // share of recruits who volunteer for suicide attacks
}

// Media holds propaganda reach ([media]); output per language is in
// [[language]].
type Media struct {
	// Saturation: a pool's reach is 1 - exp(-output/Saturation), output
	// being the monthly items in its languages that get through.
	Saturation      float64 `toml:"saturation"`
	CounterFrom     string  `toml:"counter_from"`     // YYYY-MM counter-messaging starts ("" never)
	CounterStrength float64 `toml:"counter_strength"` // share of reach it removes
	// IdeologueEffect is the share of output lost while an ideologue's
	// post is vacant.
	IdeologueEffect float64 `toml:"ideologue_effect"`
}

// Language is one propaganda language ([[language]]).
type Language struct {
	Name           string  `toml:"name"`
	Output         float64 `toml:"output"`          // items per month
	From           string  `toml:"from"`            // YYYY-MM output starts ("" from the start)
	Deplatformed   float64 `toml:"deplatformed"`    // share of output removed by platforms
	DeplatformFrom string  `toml:"deplatform_from"` // YYYY-MM removal starts ("" from the start)
}

// Movement holds how cells choose where to be ([movement]). Once a month
// each cell considers moving with probability Rate; it scores its region
// and each neighbour by opportunity_weight * targets + recruit_weight *
// recruits - risk_weight * raid risk - crossing difficulty, and moves to
// the best with a softmax of the given Temperature.
type Movement struct {
	Rate               float64 `toml:"rate"`
	OpportunityWeight  float64 `toml:"opportunity_weight"`
	RecruitWeight      float64 `toml:"recruit_weight"`
	RiskWeight         float64 `toml:"risk_weight"`
	InternalDifficulty float64 `toml:"internal_difficulty"` // crossing cost of a border-free edge
	Temperature        float64 `toml:"temperature"`
}

// Region is one node of the map ([[region]]).
type Region struct {
	Name          string  `toml:"name"`
	Country       string  `toml:"country"`        // lower case: afghanistan, pakistan, tajikistan, ...
	Group         string  `toml:"group"`          // east, kabul, north, other, kp or abroad
	Population    float64 `toml:"population"`     // millions
	StatePresence float64 `toml:"state_presence"` // 0..1: how much the state sees
	Grievance     float64 `toml:"grievance"`      // 0..1
	Terrain       float64 `toml:"terrain"`        // 0..1: how hard to search
	Cells         int     `toml:"cells"`          // ISK cells at the start
	// FightersPerCell is the mean initial strength of this region's cells
	// (Poisson, at least 3); 0 = isk.fighters_per_cell. For places where
	// ISK started thin (a few small cells) or strong.
	FightersPerCell float64            `toml:"fighters_per_cell"`
	Targets         map[string]float64 `toml:"targets"`   // target kind -> abundance (0..)
	Neighbors       []string           `toml:"neighbors"` // border-free edges (symmetric)
}

// Border is a named set of cross-border edges ([[border]]), such as the
// Durand Line.
type Border struct {
	Name       string     `toml:"name"`
	Difficulty float64    `toml:"difficulty"` // 0..1: chance a crossing fails
	Control    float64    `toml:"control"`    // 0..1: extra policy control; effective = 1-(1-difficulty)(1-control)
	Sharing    float64    `toml:"sharing"`    // 0..1: share of intel on a cell kept when it crosses
	Links      [][]string `toml:"links"`      // pairs of region names
}

// AttackType is one kind of attack, given as data ([[attack_type]]).
type AttackType struct {
	Name       string  `toml:"name"`
	Target     string  `toml:"target"`      // target kind a region must offer
	Abroad     bool    `toml:"abroad"`      // strikes a neighbouring region across a border
	Weight     float64 `toml:"weight"`      // base choice weight
	Cost       float64 `toml:"cost"`        // money
	Explosives float64 `toml:"explosives"`  // explosives
	MinSkill   float64 `toml:"min_skill"`   // cells below this skill cannot mount it
	Suicide    float64 `toml:"suicide"`     // probability it is a suicide attack (needs a volunteer)
	HighImpact bool    `toml:"high_impact"` // favoured under slowdown
	// Deaths: Poisson of mean Deaths × SuicideDeaths (if suicide) ×
	// population^attacks.crowd_exponent (of the region struck) ×
	// exp(attacks.plot_growth × months the cell has prepared), at most
	// MaxDeaths; the wounded are Poisson of Wounded times that mean.
	Deaths        float64 `toml:"deaths"`         // mean deaths of an unprepared attack (> 0)
	SuicideDeaths float64 `toml:"suicide_deaths"` // multiplies the mean for a suicide attack (>= 1)
	Wounded       float64 `toml:"wounded"`        // mean wounded per expected death (>= 0)
	MaxDeaths     int     `toml:"max_deaths"`     // cap on the deaths of one attack (>= 1)
	Claim         float64 `toml:"claim"`          // probability ISK claims it
}

// Rank is one level of ISK's hierarchy ([[rank]]), with what losing a
// holder of that rank does.
type Rank struct {
	Name           string  `toml:"name"`            // e.g. emir, military_chief, ideologue, wali, commander
	Effect         float64 `toml:"effect"`          // share of tempo the cells below lose while the post is vacant
	SuccessionDays float64 `toml:"succession_days"` // mean days until a successor takes over
}

// Leader is a named senior figure ([[leader]]). Cell commanders are not
// listed: every cell has one, of rank "commander".
type Leader struct {
	Name   string   `toml:"name"`
	Rank   string   `toml:"rank"`
	Parent string   `toml:"parent"` // superior ("" for the top)
	Region string   `toml:"region"` // where based
	Groups []string `toml:"groups"` // groups whose cells report to this leader (walis); empty = inherits
	Killed string   `toml:"killed"` // YYYY-MM-DD scripted kill (a scenario input), "" none
}

// Pool is a reservoir of potential recruits ([[pool]]).
type Pool struct {
	Name           string   `toml:"name"`
	Region         string   `toml:"region"`         // where they live; abroad pools send recruits across a border
	Size           float64  `toml:"size"`           // people
	Susceptibility float64  `toml:"susceptibility"` // monthly recruits per person at full reach
	Languages      []string `toml:"languages"`      // languages that reach them
	From           string   `toml:"from"`           // YYYY-MM the pool opens ("" from the start)
}

// Default returns the defaults of every optional key. Arrays of tables
// (regions, borders, attack types, ranks, leaders, pools, languages, raid
// phases) are empty: a scenario must give them.
func Default() Params {
	return Params{
		Posture: Posture{
			Choice: 1, Memory: 3, Recovery: 6, Threshold: 0.05, Release: 0.02,
			Tempo: 0.35, SuicideBoost: 2, ImpactBoost: 3, LeaderWeight: 0, Hide: 0.5,
		},
		ISK: ISK{
			FighterPerCell: 25, VolunteerShare: 0.03, Income: 1, Supply: 0.5,
			StockMonths: 6, Attrition: 0.01, SplitSize: 80, NewCellSize: 8,
			Skill: 0.5, SkillGain: 0.02,
		},
		Attacks: Attacks{
			Rate: 0.01, Exponent: 0.7, Excitation: 0.4, ExcitationDays: 14,
			Loss: 0.3, Exposure: 0.05,
		},
		Raids: Raids{
			PerMonth: 0, Quality: 0.5, CapacityBuilding: 1, Sharpness: 2,
			LeaderPriority: 1, KillFraction: 0.3, Seizure: 0.5,
			CommanderKill: 0.2, SeniorKill: 0.02, CaptureIntel: 0.1,
		},
		Pakistan: Pakistan{PerMonth: 1, Quality: 0.4, KillFraction: 0.3},
		Intel:    Intel{Initial: 0.1, Informants: 0.05, Decay: 0.1, MoveLoss: 0.3},
		Recruitment: Recruitment{
			NotorietyWeight: 0.5, NotorietyMemory: 3, NotorietyRef: 20,
			GrievanceWeight: 1, LossWeight: 2, VolunteerShare: 0.03,
		},
		Media: Media{Saturation: 100, CounterStrength: 0.2, IdeologueEffect: 0.3},
		Movement: Movement{
			Rate: 0.2, OpportunityWeight: 1, RecruitWeight: 0.5, RiskWeight: 3,
			InternalDifficulty: 0.1, Temperature: 0.5,
		},
	}
}
