#!/usr/bin/env bash
# slurm-stop.sh - stop the daemons that slurm-start.sh started, by recorded PID
# only (never by name). Cancels this cluster's jobs first so no job steps linger.
# Idempotent: exits 0 when nothing is running.
set -uo pipefail
export PATH=$PATH:/usr/local/sbin:/usr/sbin:/sbin

BASE=${SLURM_CI_DIR:-/tmp/hpc/slurm}
RUN=$BASE/run
say() { echo "[slurm-stop] $*" >&2; }

ours() {  # ours NAME -> prints PID if the recorded PID is still that program
  local pf=$RUN/$1.ci.pid pid cmd
  [ -s "$pf" ] || return 1
  pid=$(cat "$pf")
  cmd=$(tr '\0' ' ' < "/proc/$pid/cmdline" 2>/dev/null) || return 1
  [[ "$cmd" == *"$1"* ]] || return 1
  echo "$pid"
}

# cancel jobs of this (our own) cluster while the controller still answers
if ours slurmctld >/dev/null && scontrol ping 2>/dev/null | grep -q 'is UP'; then
  ids=$(squeue -h -o %A 2>/dev/null | sort -u | tr '\n' ' ')
  if [ -n "${ids// /}" ]; then
    say "cancelling jobs: $ids"
    scancel $ids 2>/dev/null || true
    for _ in $(seq 1 40); do
      [ -z "$(squeue -h -o %A 2>/dev/null)" ] && break; sleep 0.25
    done
  fi
fi

for d in slurmd slurmctld munged; do
  if pid=$(ours $d); then
    say "stopping $d (pid $pid)"
    kill -TERM "$pid" 2>/dev/null
    for _ in $(seq 1 60); do ours $d >/dev/null || break; sleep 0.25; done   # gone or zombie
    if ours $d >/dev/null; then say "$d did not exit, SIGKILL"; kill -KILL "$pid" 2>/dev/null; fi
  fi
  rm -f "$RUN/$d.ci.pid"
done
exit 0
