#!/usr/bin/env bash
# Measures every Lambda entry point's cold start in a fresh JVM of its own, as Lambda runs it, and writes
# the table to docs/benchmarks/cold-starts-run.md (REPORT=path overrides it).
#
#   local-stack/bench/cold-starts.sh [RUNS]        (default 3; needs the jars: mvn -DskipTests install)
#
# Each run starts the local stack (fresh data folder, no timed schedules), pauses its queue pollers so that
# messages wait for the probes, then runs ColdStartProbe once per entry point of every function in the
# topology: the HTTP API first (its signup publishes an event onto the email queue), then the queue
# consumers (which handle that event and send the email), then the scheduled jobs.
#
#   PROBE_JVM_FLAGS="..."   the probes' JVM flags instead of Lambda's defaults for the function's memory
#   PROBE_EXTRA_OPTS="..."  more JVM options for the probes
#   PROBE_PROJECT_ROOT=DIR  take the function jars from another checkout's build (e.g. to measure a baseline)
#   PROBE_CDS=on            class-data sharing, as run-local.sh uses it: an extra first run (not reported)
#                           records one archive per entry point, and the reported runs map it
#   API_PORT SES_PORT SMTP_PORT IMAP_PORT DYNAMODB_PORT SQS_PORT S3_PORT EVENTBRIDGE_PORT
#                           the stack's ports; the defaults are startup.sh's, away from a stack on the defaults
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
RUNS="${1:-3}"
API="${API_PORT:-18080}" SES="${SES_PORT:-18005}" SMTP="${SMTP_PORT:-13025}" IMAP="${IMAP_PORT:-13143}"
DYNAMODB="${DYNAMODB_PORT:-18000}" SQS="${SQS_PORT:-19324}" S3="${S3_PORT:-19000}" EVENTBRIDGE="${EVENTBRIDGE_PORT:-19195}"
REPORT="${REPORT:-docs/benchmarks/cold-starts-run.md}"  # the latest run; the recorded ones are kept elsewhere
JAR=local-stack/target/local-stack.jar
PROBE=dev.penguinmails.local.bench.ColdStartProbe
BASE="http://127.0.0.1:$API"
ROWS=()
pid="" data="" log="" probe_log=""

fail() { echo "cold-starts.sh: $*" >&2; exit 1; }

stop_stack() {
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid"; wait "$pid" 2>/dev/null || true  # TERM runs the stack's shutdown hook
  fi
  pid=""
  rm -rf "$data" "$log" "$probe_log"
}
CDS_DIR=""
trap 'stop_stack; if [ -n "$CDS_DIR" ]; then rm -rf "$CDS_DIR"; fi' EXIT

[ "$RUNS" -ge 1 ] 2>/dev/null || fail "RUNS must be a positive number, not '$RUNS'."
[ -f "$JAR" ] || fail "$JAR is missing; build it with mvn -B -DskipTests install."

# The flags CDK gives deployed functions (FunctionEnvironment.JAVA_TOOL_OPTIONS: C1 only, the serial
# collector) and a heap of about 85% of the function's memory (an approximation of how Lambda sizes it;
# 1024 MB gives -Xmx870m).
lambda_flags() { echo "-XX:+TieredCompilation -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xmx$(( $1 * 85 / 100 ))m"; }

mapfile -t ENTRY_POINTS < <(java -cp "$JAR" "$PROBE" --list)
[ "${#ENTRY_POINTS[@]}" -gt 0 ] || fail "the topology lists no entry points."
declare -A FLAGS=()
QUEUES=()
for entry in "${ENTRY_POINTS[@]}"; do
  IFS=$'\t' read -r family name kind memory queue <<<"$entry"
  FLAGS[$family]="${PROBE_JVM_FLAGS:-$(lambda_flags "$memory")}"
  if [ "$kind" = queue ]; then QUEUES+=("$queue"); fi
done

first_run=1
if [ "${PROBE_CDS:-off}" = on ]; then
  CDS_DIR="$(mktemp -d)"
  first_run=0  # run 0 records the archives; it is not reported
fi

for run in $(seq "$first_run" "$RUNS"); do
  data="$(mktemp -d)" log="$(mktemp)" probe_log="$(mktemp)"
  java -XX:TieredStopAtLevel=1 -jar "$JAR" --data-dir "$data" --no-schedules --api-port "$API" --ses-port "$SES" \
    --smtp-port "$SMTP" --imap-port "$IMAP" --dynamodb-port "$DYNAMODB" --sqs-port "$SQS" --s3-port "$S3" \
    --eventbridge-port "$EVENTBRIDGE" >"$log" 2>&1 &
  pid=$!
  for _ in $(seq 1 240); do grep -q "Ready in" "$log" && break; kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
  grep -q "Ready in" "$log" || { cat "$log" >&2; fail "run $run: the local stack did not start (its log is above)."; }

  for queue in ${QUEUES[@]+"${QUEUES[@]}"}; do
    curl -fsS -X POST "$BASE/_local/queues/$queue/pause" | grep -q '"paused":true' \
      || fail "run $run: the $queue poller did not pause."
  done

  email=""
  for entry in "${ENTRY_POINTS[@]}"; do
    IFS=$'\t' read -r family name kind memory queue <<<"$entry"
    cds=""
    if [ -n "$CDS_DIR" ]; then
      archive="$CDS_DIR/$family-$name.jsa"
      if [ "$run" -eq 0 ]; then cds="-XX:ArchiveClassesAtExit=$archive"; else cds="-XX:SharedArchiveFile=$archive"; fi
    fi
    # Word splitting of the flags is intended.
    # shellcheck disable=SC2086
    line=$(java ${FLAGS[$family]} ${PROBE_EXTRA_OPTS:-} $cds -cp "$JAR" "$PROBE" --api "$BASE" --function "$family" \
      --entry-point "$name" --project-root "${PROBE_PROJECT_ROOT:-$ROOT}" 2>"$probe_log") && status=0 || status=$?
    if [ "$status" -ne 0 ]; then
      echo "--- the probe's stderr (last 40 lines):" >&2; tail -n 40 "$probe_log" >&2
      echo "--- the stack's log (last 20 lines):" >&2; tail -n 20 "$log" >&2
      fail "run $run: the $family $name probe failed (exit $status): ${line:-no report}"
    fi
    if [ "$run" -eq 0 ]; then
      [ -f "$archive" ] || fail "the $family $name probe recorded no class-data archive."
      continue
    fi
    ROWS+=("$(node -e '
      const r = JSON.parse(process.argv[1]);
      console.log(`| ${process.argv[2]} | ${r.function} ${r.entryPoint} | ${r.jvmBootMillis} | ${r.initMillis} | ${r.firstInvocationMillis} | ${r.coldStartMillis} | ${r.outcome} |`);
    ' "$line" "$run")")
    if [ "$kind" = http ]; then email=$(grep -o 'cold-[0-9a-f]*@example\.com' <<<"$line" || true); fi
  done

  # The queue probe handled the API probe's signup: its verification email must be in the SES store.
  if [ -n "$email" ] && [ "${#QUEUES[@]}" -gt 0 ]; then
    found=""
    for _ in $(seq 1 50); do
      store=$(curl -fsS "http://127.0.0.1:$SES/store" || true)
      if grep -qF "$email" <<<"$store"; then found=1; break; fi
      sleep 0.1
    done
    [ -n "$found" ] || fail "run $run: no email to $email in the SES store after the queue probes ran."
  fi

  for queue in ${QUEUES[@]+"${QUEUES[@]}"}; do
    curl -fsS -o /dev/null -X POST "$BASE/_local/queues/$queue/resume" || fail "run $run: the $queue poller did not resume."
  done
  stop_stack
done

command=""
for var in PROBE_JVM_FLAGS PROBE_EXTRA_OPTS PROBE_CDS PROBE_PROJECT_ROOT API_PORT SES_PORT SMTP_PORT IMAP_PORT DYNAMODB_PORT SQS_PORT S3_PORT EVENTBRIDGE_PORT; do
  if [ -n "${!var:-}" ]; then command+="$var=\"${!var}\" "; fi
done
command+="local-stack/bench/cold-starts.sh $RUNS"
{
  echo "# Lambda cold starts, one fresh JVM per entry point"
  echo
  echo "Command: \`$command\` on $(nproc) cores, $(java -version 2>&1 | head -1), $(date -u +%Y-%m-%d)."
  for family in "${!FLAGS[@]}"; do
    echo "Probe JVM flags ($family): \`${FLAGS[$family]}${PROBE_EXTRA_OPTS:+ $PROBE_EXTRA_OPTS}\`."
  done
  if [ -n "$CDS_DIR" ]; then
    echo "Class-data sharing: each entry point maps an archive its own first (unreported) run recorded."
  fi
  echo
  echo "Each row is ColdStartProbe in a JVM of its own against a running local stack, in milliseconds: JVM boot"
  echo "(JVM start to main), init (the function's jar in its own class loader, the handler and its Micronaut"
  echo "context) and the first call; the cold start is their sum. No SnapStart, and the CPU share of the"
  echo "function's memory is not emulated: the JVM has every core above."
  echo
  echo "| run | entry point | JVM boot | init | first call | cold start (ms) | outcome |"
  echo "|---|---|---|---|---|---|---|"
  printf '%s\n' "${ROWS[@]}"
} > "$REPORT"
cat "$REPORT"
