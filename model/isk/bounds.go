package isk

// Upper bounds on the settings that scale a run's work or memory. A
// value above its bound is a validation error naming the bound, so that a
// typo (cells = 10000000, attacks.rate = 1e308) is refused when the
// scenario loads instead of exhausting memory or never finishing. Each
// bound is far above any value a calibrated scenario uses (the shipped
// ones are given for scale) and is documented in docs/reliability.md.
const (
	// MaxCellsPerRegion bounds region.cells (shipped: at most 36).
	MaxCellsPerRegion = 10_000
	// MaxCells bounds the sum of region.cells (shipped: 78).
	MaxCells = 100_000
	// MaxFightersPerCell bounds isk.fighters_per_cell and
	// region.fighters_per_cell (shipped: 15 to 28).
	MaxFightersPerCell = 10_000
	// MaxStartStrength bounds isk.start_strength, the fighters placed at
	// the start (shipped: 2,200): as many as MaxCells full cells.
	MaxStartStrength = MaxCells * MaxFightersPerCell
	// MaxCellSize bounds isk.split_size and isk.new_cell_size (shipped:
	// 70 and 8).
	MaxCellSize = 100_000
	// MaxPopulation bounds region.population, in millions (shipped: at
	// most 35).
	MaxPopulation = 10_000
	// MaxAttackRate bounds attacks.rate, attacks per fighter-month of
	// capacity (shipped: 0.046 to 0.18).
	MaxAttackRate = 100
	// MaxRaidsPerMonth bounds raids.per_month, pakistan.per_month and
	// raid_phase.per_month (shipped: at most 15).
	MaxRaidsPerMonth = 10_000
	// MaxPoolSize bounds pool.size, in people (shipped: at most 2
	// million).
	MaxPoolSize = 1e9
	// MaxPoolRecruits bounds the sum over pools of pool.size ×
	// pool.susceptibility, the expected recruits per month before their
	// multipliers (shipped: about 90), so that cells founded by recruits
	// cannot outgrow memory.
	MaxPoolRecruits = 20_000
	// MaxMemoryMonths bounds posture.memory, posture.recovery and
	// recruitment.notoriety_memory, in months (shipped: 2 to 3).
	MaxMemoryMonths = 1_000
	// MaxItems bounds the elements of each array of tables (regions,
	// borders, attack types, ranks, leaders, languages, pools, raid
	// phases); some checks and mechanisms visit pairs of them.
	MaxItems = 10_000
)
