#!/usr/bin/env bash
# Measures the local stack's start time and each Lambda's cold first invocation, each run in a fresh JVM
# with an empty data folder, and writes the table to docs/benchmarks/local-stack-startup-run.md.
#
#   local-stack/bench/startup.sh [RUNS]        (default 3; needs the jars: mvn -DskipTests install)
#   BENCH_JAVA_OPTS="..." adds JVM options to the measured stack (e.g. a class-data-sharing archive).
#
# Ports 18080.. are used so that a running local stack on the defaults is not disturbed.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
RUNS="${1:-3}"
API=18080 SES=18005
REPORT="${REPORT:-docs/benchmarks/local-stack-startup-run.md}"  # the latest run; local-stack-startup.md keeps the recorded ones
ROWS=()

for run in $(seq 1 "$RUNS"); do
  data="$(mktemp -d)"
  log="$(mktemp)"
  java -XX:TieredStopAtLevel=1 ${BENCH_JAVA_OPTS:-} -jar local-stack/target/local-stack.jar --data-dir "$data" --api-port $API \
    --ses-port $SES --smtp-port 13025 --imap-port 13143 --dynamodb-port 18000 --sqs-port 19324 --s3-port 19000 \
    --eventbridge-port 19195 >"$log" 2>&1 &
  pid=$!
  for _ in $(seq 1 240); do grep -q "Ready in" "$log" && break; kill -0 $pid 2>/dev/null || break; sleep 0.5; done
  ready=$(sed -n 's/.*Ready in \([0-9.]*\) s.*/\1/p' "$log" | head -1)
  [ -n "$ready" ] || { cat "$log"; kill $pid 2>/dev/null; echo "the stack did not start" >&2; exit 1; }

  # Wake every entry point once: the API (signup), the email consumer (the signup's event), the schedule.
  email="bench-$run-$RANDOM@example.com"
  curl -fsS -o /dev/null -X POST "http://127.0.0.1:$API/v1/signup" -H 'Content-Type: application/json' \
    -d "{\"email\":\"$email\",\"password\":\"violet-tractor-sings-Quarterly-42\",\"name\":\"Bench\",\"workspaceName\":\"Bench\"}"
  for _ in $(seq 1 300); do curl -fsS "http://127.0.0.1:$SES/store" | grep -q "$email" && break; sleep 0.2; done
  curl -fsS -o /dev/null -X POST "http://127.0.0.1:$API/_local/schedules/identity/purge-workspaces" || true
  cold=$(curl -fsS "http://127.0.0.1:$API/_local/cold-starts")
  kill -TERM $pid; wait $pid 2>/dev/null || true  # a background job ignores SIGINT; TERM runs the same shutdown hook
  rm -rf "$data" "$log"
  ROWS+=("$(node -e '
    const c = JSON.parse(process.argv[1]).coldStarts;
    const f = n => { const x = c.find(e => e.functionName.endsWith(n)); return x ? `${x.initMillis} + ${x.firstInvocationMillis}` : "n/a"; };
    console.log(`| ${process.argv[2]} | ${process.argv[3]} | ${f("identity-api")} | ${f("identity-emails")} | ${f("identity-purge-workspaces")} |`);
  ' "$cold" "$run" "$ready")")
done

{
  echo "# Local stack start and Lambda cold starts"
  echo
  echo "Command: \`local-stack/bench/startup.sh $RUNS\` on $(nproc) cores, $(java -version 2>&1 | head -1), $(date -u +%Y-%m-%d)."
  echo "Each run is a fresh JVM with an empty data folder. \"Ready\" is the time from start to the ready banner"
  echo "(emulators started, topology provisioned, function jars loaded). Each cold start is the Lambda's init"
  echo "phase (class loader, Micronaut context) plus its first invocation, in milliseconds, measured by the"
  echo "local stack (GET /_local/cold-starts). Targets: ready under 45 s; handler cold start under 1.5 s."
  echo
  echo "| run | ready (s) | identity-api (init + call, ms) | identity-emails | identity-purge-workspaces |"
  echo "|---|---|---|---|---|"
  printf '%s\n' "${ROWS[@]}"
} > "$REPORT"
cat "$REPORT"
