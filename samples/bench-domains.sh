#!/usr/bin/env bash
# Measures the domains family on a running local stack (./run-local.sh): adding BENCH_DOMAINS domains (each makes
# and seals an RSA-2048 DKIM key: p50/p95/p99 of POST .../domains), then the scheduled re-verification of all of
# them after their printed records are published to the local DNS server: wall time, runs of the job, and DNS
# queries per domain, with at most penguinmails.dns.parallelism (8) domains checked at once. Writes a report
# under docs/benchmarks/ and prints it. Exits non-zero at the first step that does not happen.
#
#   samples/bench-domains.sh [--help]
#
# Environment:
#   BENCH_DOMAINS      domains to add and re-verify (default 1000)
#   BENCH_PARALLEL     requests in flight while adding and publishing (default 8)
#   BENCH_REPORT       the report file (default docs/benchmarks/domains-<date>.md)
#   PENGUINMAILS_API, PENGUINMAILS_MAIL_VIEWER   the local stack, as for the demos
set -euo pipefail
# shellcheck source=lib/api.sh
. "$(dirname "$0")/lib/api.sh"

cd "$(dirname "$0")/.."
DOMAINS="${BENCH_DOMAINS:-1000}"
PARALLEL="${BENCH_PARALLEL:-8}"
REPORT="${BENCH_REPORT:-docs/benchmarks/domains-$(date -u +%F).md}"

require_stack
sign_in "domains-bench+$(date +%s)-$RANDOM@example.com" "violet-tractor-sings-Quarterly-42" "Domains Bench" "Domains Bench"
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
result=$(API="$API" TOKEN="$TOKEN" WS="$WS" DOMAINS="$DOMAINS" PARALLEL="$PARALLEL" node samples/bench/domains.mjs) \
  || fail "the benchmark driver stopped"
load_after=$(cut -d' ' -f1-3 /proc/loadavg)
echo "$result" > "$OUT/result.json"
[ "$(field "$OUT/result.json" .checked)" = "$DOMAINS" ] || fail "the re-verification checked $(field "$OUT/result.json" .checked) of $DOMAINS domains: $result"

{
  echo "# Domains benchmark, $(date -u '+%F %H:%M') UTC"
  echo
  echo "Command: \`BENCH_DOMAINS=$DOMAINS BENCH_PARALLEL=$PARALLEL samples/bench-domains.sh\` against \`./run-local.sh\`"
  echo "on commit $(git rev-parse --short HEAD), $(nproc) cores, $(java -version 2>&1 | head -1). Load average $load_before"
  echo "before and $load_after after. One resolver (the local DNS server), so no network latency: on AWS each"
  echo "query waits on a public resolver, and the wall time grows with it, not the query count."
  echo
  node -e 'const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
    const f = n => typeof n === "number" ? (Number.isInteger(n) ? n : n.toFixed(1)) : n;
    console.log("| measure | value |\n|---|---|");
    console.log(`| domains added (RSA-2048 key made and sealed each) | ${r.domains}, ${r.parallel} at a time |`);
    console.log(`| POST .../domains p50 / p95 / p99 | ${f(r.addP50)} / ${f(r.addP95)} / ${f(r.addP99)} ms |`);
    console.log(`| adding all | ${(r.addWall / 1000).toFixed(1)} s |`);
    console.log(`| reading the records of each domain and publishing them | ${(r.publishWall / 1000).toFixed(1)} s |`);
    console.log(`| re-verification of all (job runs) | ${(r.reverifyWall / 1000).toFixed(1)} s (${r.reverifyRuns}) |`);
    console.log(`| domains checked: verified / failing / unknown | ${r.checked}: ${r.verified} / ${r.failing} / ${r.unknown} |`);
    console.log(`| DNS queries, per domain | ${r.dnsQueries}, ${f(r.queriesPerDomain)} |`);' "$OUT/result.json"
} > "$REPORT"
cat "$REPORT"
