#!/usr/bin/env bash
# The scheduler tick over many active mailboxes (issue 11, decision 0053): seeds dynalite, runs the real
# schedule-sends handler a few times and prints per tick wall time, JVM CPU time, DynamoDB requests by operation,
# items read and the send tasks queued in ElasticMQ. Writes the raw output to docs/benchmarks/sending-tick-<date>.txt.
#
#   local-stack/bench/sending-tick.sh [WORKSPACES] [MAILBOXES_PER_WORKSPACE] [DUE_ENROLMENTS_PER_WORKSPACE] [TICKS]
#   (defaults 100 100 50 4: 10,000 active mailboxes, 5,000 due enrolments, at most 2,000 a tick)
#   MVN_REPO=/path/to/repo uses that local Maven repository (offline); the modules it needs must be installed.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
OUT="${OUT:-docs/benchmarks/sending-tick-$(date -u +%Y-%m-%d).txt}"
REPO=${MVN_REPO:+-Dmaven.repo.local=$MVN_REPO}
{
  echo "# $(date -u +%FT%TZ) $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "# $0 $*"
  mvn -B -o $REPO -Dpenguinmails.node-modules="${NODE_MODULES:-$ROOT/node_modules}" -DargLine= -pl functions/sending test \
    -Dtest=SchedulerTickBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
    -Dbench.workspaces="${1:-100}" -Dbench.mailboxes="${2:-100}" -Dbench.enrolments="${3:-50}" -Dbench.ticks="${4:-4}" \
    | grep --line-buffered -E 'BENCH|Tests run:|BUILD|ERROR'
  echo "# done $(date -u +%FT%TZ), load $(cut -d' ' -f1-3 /proc/loadavg)"
} | tee "$OUT"
