#!/bin/sh
# Reruns every command of docs/walkthrough.md (and the quoted commands of
# docs/historical.md) into a scratch directory, so
# the numbers there can be refreshed after the model changes:
#
#	go build -o /tmp/insurgo ./cmd/insurgo && sh docs/walkthrough.sh /tmp/insurgo /tmp/walkthrough
#
# Each command's table goes to DIR/NAME.txt, its outputs to DIR/NAME/.
# With a third argument (docs/img), the walkthrough's figures are copied
# there from the new outputs.
set -eu
bin=${1:?usage: walkthrough.sh INSURGO DIR [IMGDIR]}
dir=${2:?usage: walkthrough.sh INSURGO DIR [IMGDIR]}
img=${3:-}
if [ -n "$img" ]; then
	mkdir -p "$img"
	img=$(cd "$img" && pwd)
fi
mkdir -p "$dir"
cd "$dir"
for h in slowdown degradation degradation-fitted; do
	cat > "$h-lapse.toml" <<TOML
# $h, but the GDI's raids stop in July 2023
name = "$h-lapse"
extends = "$h"

[[raid_phase]]
name = "late-2023"
per_month = 0.0
TOML
done
"$bin" scenarios > scenarios.txt
# Part 4 (run first, it is short): historical with its shipped posterior,
# at the posterior median, and with the file's hand-set settings.
"$bin" run historical -replicates 300 -seed 1 -no-plots -out hist -force > hist.txt
"$bin" run historical -point -replicates 300 -seed 1 -no-plots -out hist-point -force > hist-point.txt
"$bin" run historical -posterior none -replicates 300 -seed 1 -no-plots -out hist-file -force > hist-file.txt
"$bin" compare slowdown degradation -window 2023-01:2023-12 -targets -out sd -force > sd.txt
"$bin" compare slowdown degradation -window 2023-01:2023-12 -targets -synthetic slowdown -out syn-s -force -no-plots > syn-s.txt
"$bin" compare slowdown degradation -window 2023-01:2023-12 -targets -synthetic degradation -out syn-d -force -no-plots > syn-d.txt
"$bin" compare slowdown-lapse.toml degradation-lapse.toml -window 2023-07:2024-06 -rebound-level 1 -out lapse -force > lapse.txt
# Part 1, section 6: degradation re-fitted on its own.
"$bin" run degradation-fitted -replicates 300 -seed 1 -no-plots -out df -force > df.txt
"$bin" run degradation -replicates 300 -seed 1 -no-plots -out deg -force > deg.txt
"$bin" compare slowdown degradation-fitted -window 2023-01:2023-12 -targets -out sdf -force > sdf.txt
"$bin" compare slowdown degradation-fitted -window 2023-01:2023-12 -targets -synthetic slowdown -out syn-sf -force -no-plots > syn-sf.txt
"$bin" compare slowdown degradation-fitted -window 2023-01:2023-12 -targets -synthetic degradation-fitted -out syn-df -force -no-plots > syn-df.txt
"$bin" compare slowdown-lapse.toml degradation-fitted-lapse.toml -window 2023-07:2024-06 -rebound-level 1 -out lapse-f -force -no-plots > lapse-f.txt
# Fighters (all of ISK) and named leaders killed per year in Afghanistan, for the strength cost.
grep -E '^(2022-02|2023-06),fighters,total,' df/monthly.csv > df-strength.txt
awk -F, '$2 == "leaders_killed" && $3 == "country:afghanistan" { s[substr($1, 1, 4)] += $9 } END { for (y in s) printf "leaders killed %s %.2f\n", y, s[y] }' df/monthly.csv | sort >> df-strength.txt
"$bin" compare lapsed-pressure sustained-pressure -window 2024-01:2024-12 -out raids-2024 -force > raids-2024.txt
"$bin" compare lapsed-pressure sustained-pressure -window 2024-01:2024-12 -scope total -out raids-2024-total -force -no-plots > raids-2024-total.txt
"$bin" compare lapsed-pressure sustained-pressure -window 2024-01:2024-12 -scope group:kp -out raids-2024-kp -force -no-plots > raids-2024-kp.txt
"$bin" compare lapsed-pressure sustained-pressure -window 2023-07:2023-12 -out raids-2023h2 -force -no-plots > raids-2023h2.txt
# The same policy comparison at historical's hand-set point (-posterior
# none: the files' own settings, chance alone).
"$bin" compare lapsed-pressure sustained-pressure -window 2024-01:2024-12 -posterior none -out raids-2024-none -force -no-plots > raids-2024-none.txt

# The same policy comparison with the slowdown posture switched off.
for s in lapsed sustained; do
	cat > "$s-degradation.toml" <<TOML
name = "$s-degradation"
extends = "$s-pressure"

[posture]
choice = 0
depth = 0
tempo = 1
TOML
done
"$bin" compare lapsed-degradation.toml sustained-degradation.toml -window 2024-01:2024-12 -out raids-2024-degradation -force -no-plots > raids-2024-degradation.txt

# Sensitivity of the 2024 policy effect to the slowdown posture's two fitted
# settings: the same 4 x 3 grid over posture.depth and posture.tempo, once on
# lapsed-pressure and once on sustained-pressure. Both sweeps have the same
# seed, so point p, replicate r of each draws the same random numbers.
for s in lapsed sustained; do
	cat > "$s-posture.toml" <<TOML
# $s-pressure over the slowdown posture's two fitted settings
[sweep]
name = "$s-posture"
extends = "$s-pressure"
design = "grid"
size = 4          # unused: both parameters list their levels
replicates = 100
seed = 1

[[sweep.param]]
key = "posture.depth"
levels = [0.0, 1.0, 2.0, 3.0]

[[sweep.param]]
key = "posture.tempo"
levels = [0.5, 0.7, 0.9]

[[sweep.output]]
name = "af_attacks_2024"
metric = "attacks"
scope = "country:afghanistan"
from = "2024-01"
to = "2024-12"
statistic = "sum"

[[sweep.output]]
name = "claimed_2022"
metric = "claimed"
scope = "total"
from = "2022-01"
to = "2022-12"
statistic = "sum"
TOML
	"$bin" sweep plan "$s-posture.toml" -out "$s.sweep" -force > "$s-sweep.txt"
	"$bin" sweep run "$s.sweep" >> "$s-sweep.txt"
	"$bin" sweep merge "$s.sweep" >> "$s-sweep.txt"
	"$bin" sweep analyze "$s.sweep" >> "$s-sweep.txt"
done
# One row per grid point: mean Afghan attacks in 2024 under each scenario,
# the cut of means (1 - sustained/lapsed), and the claimed attacks of 2022
# the point produces (mean, s.d. and range over its replicates) with
# whether it covers the training target attacks-2022 (217, observation
# error s.d. 12), by a normal approximation of the coverage rule: 217
# within mean +- 1.645 sqrt(s.d.^2 + 12^2).
awk -F, '
	FNR == 1 { for (i = 1; i <= NF; i++) col[$i] = i; next }
	FILENAME ~ /^lapsed/ { lapsed[$1] = $col["af_attacks_2024_mean"]; next }
	{
		if (!header++) printf "%-6s %-6s %-9s %-9s %-6s %-34s %s\n", "depth", "tempo", "lapsed", "sustained", "cut", "claimed 2022 mean (s.d.) [min, max]", "covers 217"
		m = $col["claimed_2022_mean"]; sd = $col["claimed_2022_sd"]; h = 1.645 * sqrt(sd * sd + 144)
		printf "%-6s %-6s %-9s %-9s %-6s %-34s %s\n", $col["posture.depth"], $col["posture.tempo"], lapsed[$1], $col["af_attacks_2024_mean"], sprintf("%.1f%%", 100 * (1 - $col["af_attacks_2024_mean"] / lapsed[$1])), sprintf("%s (%.0f) [%s, %s]", m, sd, $col["claimed_2022_min"], $col["claimed_2022_max"]), (m - h <= 217 && 217 <= m + h) ? "yes" : "no"
	}' lapsed.sweep/points.csv sustained.sweep/points.csv > posture-sweep.txt

# Part 3: the other levers against historical, over its whole run
# (regional cooperation) or from the month the lever starts (deplatforming).
w=2021-09:2023-12
"$bin" compare historical regional-cooperation -window $w -metric moves -scope border:durand -out rc-moves-durand -force -no-plots > rc-moves-durand.txt
"$bin" compare historical regional-cooperation -window $w -metric moves -scope group:kp -out rc-moves-kp -force -no-plots > rc-moves-kp.txt
"$bin" compare historical regional-cooperation -window $w -metric arrivals -scope total -out rc-arrivals -force -no-plots > rc-arrivals.txt
"$bin" compare historical regional-cooperation -window $w -metric attacks -scope group:kp -out rc-kp -force > rc-kp.txt
"$bin" compare historical regional-cooperation -window $w -metric attacks -scope country:afghanistan -out rc-af -force -no-plots > rc-af.txt
"$bin" compare historical regional-cooperation -window $w -metric attacks -scope group:north -out rc-north -force -no-plots > rc-north.txt
"$bin" compare historical regional-cooperation -window 2023-01:2023-12 -metric attacks -scope group:kp -out rc-kp-2023 -force -no-plots > rc-kp-2023.txt
w=2022-01:2023-12
"$bin" compare historical deplatforming -window $w -metric propaganda -scope total -out dp-propaganda -force -no-plots > dp-propaganda.txt
"$bin" compare historical deplatforming -window $w -metric recruits -scope total -out dp-recruits -force > dp-recruits.txt
"$bin" compare historical deplatforming -window $w -metric arrivals -scope total -out dp-arrivals -force -no-plots > dp-arrivals.txt
"$bin" compare historical deplatforming -window $w -metric fighters -scope total -statistic end_value -out dp-fighters -force -no-plots > dp-fighters.txt
"$bin" compare historical deplatforming -window $w -metric attacks -scope country:afghanistan -out dp-af -force -no-plots > dp-af.txt

# docs/historical.md: what historical predicts for the held-back period,
# with each replicate's settings drawn from its shipped posterior (the
# scenario against itself: compare needs two; read the first row).
p="compare historical historical -posterior historical -replicates 500 -no-plots -force"
"$bin" $p -metric claimed -scope country:afghanistan -window 2022-09:2022-12 -out p-af-sep-dec-2022 > p-af-sep-dec-2022.txt
"$bin" $p -metric claimed -scope country:afghanistan -window 2023-01:2023-06 -out p-af-h1-2023 > p-af-h1-2023.txt
"$bin" $p -metric claimed -scope country:afghanistan -window 2023-07:2023-12 -out p-af-h2-2023 > p-af-h2-2023.txt
"$bin" $p -metric claimed -scope country:afghanistan -window 2023-01:2023-12 -out p-af-2023 > p-af-2023.txt
"$bin" $p -metric claimed -scope group:kp -window 2023-01:2023-12 -out p-kp-2023 > p-kp-2023.txt
"$bin" $p -metric claimed -scope group:kp -of total -statistic share -window 2023-01:2023-12 -out p-kp-share-2023 > p-kp-share-2023.txt
"$bin" $p -metric claimed,suicide_attacks -scope total -window 2023-01:2023-12 -out p-all-2023 > p-all-2023.txt

if [ -n "$img" ]; then
	cp lapse/plots/signature-tempo-under-pressure-2022-09-2023-06-before.png "$img/lapse-tempo-under-pressure.png"
	cp raids-2024/plots/compare.png "$img/raids-2024-compare.png"
	cp raids-2024/plots/difference.png "$img/raids-2024-difference.png"
	cp sustained.sweep/analysis/heatmap-af_attacks_2024.png "$img/posture-sweep-sustained-af-attacks-2024.png"
	cp rc-kp/plots/difference.png "$img/regional-cooperation-kp-difference.png"
	cp dp-recruits/plots/compare.png "$img/deplatforming-recruits.png"
	echo "figures in $img"
fi
echo "tables in $dir/*.txt"
