#!/bin/sh
# Reruns every command of docs/walkthrough.md into a scratch directory, so
# the numbers there can be refreshed after the model changes:
#
#	go build -o /tmp/insurgo ./cmd/insurgo && sh docs/walkthrough.sh /tmp/insurgo /tmp/walkthrough
#
# Each command's table goes to DIR/NAME.txt, its outputs to DIR/NAME/.
set -eu
bin=${1:?usage: walkthrough.sh INSURGO DIR}
dir=${2:?usage: walkthrough.sh INSURGO DIR}
mkdir -p "$dir"
cd "$dir"
for h in slowdown degradation; do
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
"$bin" compare slowdown degradation -window 2023-01:2023-12 -targets -out sd -force > sd.txt
"$bin" compare slowdown degradation -window 2023-01:2023-12 -targets -synthetic slowdown -out syn-s -force -no-plots > syn-s.txt
"$bin" compare slowdown degradation -window 2023-01:2023-12 -targets -synthetic degradation -out syn-d -force -no-plots > syn-d.txt
"$bin" compare slowdown-lapse.toml degradation-lapse.toml -window 2023-07:2024-06 -rebound-level 1 -out lapse -force > lapse.txt
"$bin" compare lapsed-pressure sustained-pressure -window 2024-01:2024-12 -out raids-2024 -force > raids-2024.txt
"$bin" compare lapsed-pressure sustained-pressure -window 2024-01:2024-12 -scope total -out raids-2024-total -force -no-plots > raids-2024-total.txt
"$bin" compare lapsed-pressure sustained-pressure -window 2024-01:2024-12 -scope group:kp -out raids-2024-kp -force -no-plots > raids-2024-kp.txt
"$bin" compare lapsed-pressure sustained-pressure -window 2023-07:2023-12 -out raids-2023h2 -force -no-plots > raids-2023h2.txt
echo "tables in $dir/*.txt"
