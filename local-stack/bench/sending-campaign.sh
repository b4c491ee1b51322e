#!/usr/bin/env bash
# A campaign sent end to end on the emulators (audience chunks -> enrolments queue -> tick -> sends queue -> sender
# worker -> GreenMail, with dynalite and ElasticMQ) against a raw loop (render + DKIM + SMTP in a thread pool), same
# JVM, same run (issue 11). Writes the raw output to docs/benchmarks/sending-campaign-<date>.txt.
#
#   local-stack/bench/sending-campaign.sh [RECIPIENTS] [RAW] [MAILBOXES] [THREADS] [TIMEOUT_MINUTES]
#   (defaults 100000 100000 20 8 120: the issue's 100,000-recipient campaign)
#   MVN_REPO=/path/to/repo uses that local Maven repository (offline); the modules it needs must be installed.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
OUT="${OUT:-docs/benchmarks/sending-campaign-$(date -u +%Y-%m-%d).txt}"
REPO=${MVN_REPO:+-Dmaven.repo.local=$MVN_REPO}
{
  echo "# $(date -u +%FT%TZ) $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "# $0 $*"
  mvn -B -o $REPO -Dpenguinmails.node-modules="${NODE_MODULES:-$ROOT/node_modules}" -DargLine= -pl functions/sending test \
    -Dtest=CampaignSendBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
    -Dbench.recipients="${1:-100000}" -Dbench.raw="${2:-${1:-100000}}" -Dbench.mailboxes="${3:-20}" \
    -Dbench.threads="${4:-8}" -Dbench.timeout-minutes="${5:-120}" \
    | grep --line-buffered -E 'BENCH|Tests run:|BUILD|ERROR|expected|Expect'
  echo "# done $(date -u +%FT%TZ), load $(cut -d' ' -f1-3 /proc/loadavg)"
} | tee "$OUT"
