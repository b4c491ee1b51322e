#!/usr/bin/env bash
# Measures every Lambda entry point's cold start in a fresh JVM of its own, as Lambda runs it, as a ratio to
# the reference function's cold start in the same run, and writes the tables to
# docs/benchmarks/cold-starts-run.md (REPORT=path overrides it; RESULTS=path keeps the raw probe reports).
#
#   local-stack/bench/cold-starts.sh [RUNS]        (default 3; needs the jars: mvn -B -DskipTests package)
#
# Each run starts the local stack (fresh data folder, no timed schedules), pauses its queue pollers so that
# messages wait for the probes, then runs ColdStartProbe in a fresh JVM per measurement: the reference function
# (local-stack/reference-function, once per memory size the families use, with that size's flags, at the start,
# middle and end of the run; the run divides by the median of the three); then every
# entry point of every function in the topology: the HTTP API first (its signup publishes an event onto the
# email queue), then the queue consumers (each with a message of its own: see "feed" in `ColdStartProbe --list`;
# the email consumer handles the signup's event and sends the verification email, a consumer the signup does not
# reach gets the registered sample event its rule routes, published to the bus by its probe), then the
# scheduled jobs. Then the first authenticated request: the script verifies that signup's address and signs in
# through the stack, and probes the authorizer entry point (if the topology has one) with the payload 2.0
# REQUEST event of GET /v1/workspaces/{id}, then the HTTP API with that GET and the authorizer's context.
# Then each HTTP API whose routes are all authorized (domains) with its first GET of that workspace (the sixth
# column of --list). Last, billing's Stripe consumer: the signed-in workspace completes a Stripe Checkout on the
# stand-in, whose signed webhooks billing's endpoint (in the stack) queues, and the probe handles them.
#
#   PROBE_JVM_FLAGS="..."   the probes' JVM flags instead of Lambda's defaults for the function's memory
#   PROBE_EXTRA_OPTS="..."  more JVM options for the probes
#   PROBE_JAVA=PATH         the probes' java (default: java on the PATH), e.g. a JDK 25 as Lambda's java25 runtime
#   PROBE_PROJECT_ROOT=DIR  take the function jars from another checkout's build (e.g. to measure a baseline)
#   PROBE_AUTH_FAMILY=F PROBE_AUTH_PATH=P
#                           the authenticated request's family and path ({workspaceId} is the signed-in account's
#                           workspace); default identity and /v1/workspaces/{workspaceId}: with one family, a
#                           protected identity route stands for "another family" behind the authorizer
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
RESULTS="${RESULTS:-}"
PROBE_JAVA_BIN="${PROBE_JAVA:-java}"
AUTH_FAMILY="${PROBE_AUTH_FAMILY:-identity}" AUTH_PATH="${PROBE_AUTH_PATH:-/v1/workspaces/{workspaceId\}}"
JAR=local-stack/target/local-stack.jar
REFERENCE_JAR="${PROBE_PROJECT_ROOT:-$ROOT}/local-stack/reference-function/target/reference-lambda.jar"
PROBE=dev.penguinmails.local.bench.ColdStartProbe
SUMMARY=dev.penguinmails.local.bench.ColdStartSummary
BASE="http://127.0.0.1:$API"
PASSWORD="violet-tractor-sings-Quarterly-42"  # the probe's signup password
pid="" data="" log="" probe_log="" results_file=""

fail() { echo "cold-starts.sh: $*" >&2; exit 1; }

stop_stack() {
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid"; wait "$pid" 2>/dev/null || true  # TERM runs the stack's shutdown hook
  fi
  pid=""
  rm -rf "$data" "$log" "$probe_log"
}
CDS_DIR=""
trap 'stop_stack; if [ -n "$CDS_DIR" ]; then rm -rf "$CDS_DIR"; fi; if [ -z "$RESULTS" ]; then rm -f "$results_file"; fi' EXIT

[ "$RUNS" -ge 1 ] 2>/dev/null || fail "RUNS must be a positive number, not '$RUNS'."
[ -f "$JAR" ] || fail "$JAR is missing; build it with mvn -B -DskipTests package."
[ -f "$REFERENCE_JAR" ] || fail "$REFERENCE_JAR is missing; build it with mvn -B -DskipTests package."
results_file="${RESULTS:-$(mktemp)}"
: >"$results_file"

# The flags CDK gives deployed functions (FunctionEnvironment.JAVA_TOOL_OPTIONS: C1 only, the serial
# collector) and a heap of about 85% of the function's memory (an approximation of how Lambda sizes it;
# 1024 MB gives -Xmx870m).
lambda_flags() { echo "-XX:+TieredCompilation -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xmx$(( $1 * 85 / 100 ))m"; }

mapfile -t ENTRY_POINTS < <(java -cp "$JAR" "$PROBE" --list --project-root "$ROOT")
[ "${#ENTRY_POINTS[@]}" -gt 0 ] || fail "the topology lists no entry points."
declare -A FLAGS=() MEMORY_FLAGS=()
QUEUES=()
CHECKOUT_CONSUMERS=()  # queue consumers fed by a Stripe Checkout, which needs the signed-in account: probed last
AUTHENTICATED_APIS=()  # HTTP APIs with authorized routes only: probed with a signed-in GET (family, name, path)
AUTHORIZER=""
for entry in "${ENTRY_POINTS[@]}"; do
  IFS=$'\t' read -r family name kind memory queue feed <<<"$entry"
  FLAGS[$family]="${PROBE_JVM_FLAGS:-$(lambda_flags "$memory")}"
  MEMORY_FLAGS[$memory]="${FLAGS[$family]}"
  if [ "$kind" = queue ]; then QUEUES+=("$queue"); fi
  if [ "$kind" = authorizer ]; then AUTHORIZER="$family"$'\t'"$name"; fi
  if [ "$feed" = stripe-checkout ]; then CHECKOUT_CONSUMERS+=("$family"$'\t'"$name"); fi
  if [ "$kind" = http ] && [ "${feed#authenticated:}" != "$feed" ]; then
    AUTHENTICATED_APIS+=("$family"$'\t'"$name"$'\t'"${feed#authenticated:}")
  fi
done

# One probe in a JVM of its own: probe RUN KEY FLAGS ARGS...; its report goes to the results (not for run 0).
probe() {
  local run="$1" key="$2" flags="$3"; shift 3
  local cds="" archive=""
  if [ -n "$CDS_DIR" ]; then
    archive="$CDS_DIR/$key.jsa"
    if [ "$run" -eq 0 ]; then cds="-XX:ArchiveClassesAtExit=$archive"; else cds="-XX:SharedArchiveFile=$archive"; fi
  fi
  local line status
  # Word splitting of the flags is intended.
  # shellcheck disable=SC2086
  line=$("$PROBE_JAVA_BIN" $flags ${PROBE_EXTRA_OPTS:-} $cds -cp "$JAR" "$PROBE" --api "$BASE" \
    --project-root "${PROBE_PROJECT_ROOT:-$ROOT}" "$@" 2>"$probe_log") && status=0 || status=$?
  if [ "$status" -ne 0 ]; then
    echo "--- the probe's stderr (last 40 lines):" >&2; tail -n 40 "$probe_log" >&2
    echo "--- the stack's log (last 20 lines):" >&2; tail -n 20 "$log" >&2
    fail "run $run: the $key probe failed (exit $status): ${line:-no report}"
  fi
  if [ "$run" -eq 0 ]; then
    [ -f "$archive" ] || fail "the $key probe recorded no class-data archive."
  else
    printf '%s\t%s\n' "$run" "$line" >>"$results_file"
  fi
  PROBE_LINE="$line"
}

# A JSON field of the text on stdin: json_field EXPRESSION (JavaScript over the parsed value `v`).
json_field() { node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{const v=JSON.parse(s);const r=('"$1"');if(r===undefined||r===null)process.exit(1);console.log(typeof r==="string"?r:JSON.stringify(r));});'; }

# Verifies the signup's address with the token in its email, signs in, and prints "<access token> <workspace id>".
sign_in() {
  local email="$1" token access workspace
  token=$(curl -fsS "http://127.0.0.1:$SES/store" | json_field "
    decodeURIComponent(((JSON.stringify(v.emails.filter(m => JSON.stringify(m).includes('$email')))
      .match(/#token=([^\\s\"\\\\<&]+)/)) || [])[1] || '')") || fail "no verification link in the email to $email."
  curl -fsS -o /dev/null -X POST "$BASE/v1/auth/verify-email" -H 'Content-Type: application/json' \
    -d "{\"token\":\"$token\"}" || fail "verifying $email failed."
  access=$(curl -fsS -X POST "$BASE/v1/auth/login" -H 'Content-Type: application/json' \
    -d "{\"email\":\"$email\",\"password\":\"$PASSWORD\"}" | json_field 'v.accessToken') || fail "signing in as $email failed."
  workspace=$(curl -fsS "$BASE/v1/workspaces" -H "Authorization: Bearer $access" | json_field 'v.items[0].id') \
    || fail "$email has no workspace."
  echo "$access $workspace"
}

# Completes a Stripe Checkout for Growth in the workspace on the stand-in, and waits until the stand-in has
# delivered its webhooks to billing (whose endpoint queues them for the paused Stripe consumer).
stripe_checkout() {
  local access="$1" workspace="$2" url standin count="" last="" same=0
  curl -fsS -o /dev/null -X POST "$BASE/_local/schedules/billing/sync-catalog" || fail "the catalog sync failed."
  url=$(curl -fsS -X POST "$BASE/v1/workspaces/$workspace/billing/checkout-sessions" -H "Authorization: Bearer $access" \
    -H 'Content-Type: application/json' -d '{"planId":"growth","interval":"monthly"}' | json_field 'v.url') \
    || fail "opening a Checkout for $workspace failed."
  curl -fsS -o /dev/null -X POST "$url/complete" || fail "the Stripe stand-in did not complete $url."
  standin="${url%%/_standin/*}"
  for _ in $(seq 1 100); do
    count=$(curl -fsS "$standin/_standin/webhook-deliveries" | json_field 'v.count') || count=""
    # Settled: the same number of deliveries for a second.
    if [ -n "$count" ] && [ "$count" != 0 ] && [ "$count" = "$last" ]; then same=$((same + 1)); else same=0; fi
    if [ "$same" -ge 5 ]; then return 0; fi
    last="$count"; sleep 0.2
  done
  fail "the Stripe stand-in's webhook deliveries did not settle (last count: ${count:-none})."
}

# The reference, once per memory size the families use. Each run measures it at its start, middle and end, and
# divides by the median of the three (ColdStartRatios), so that one fast or slow start moves no ratio.
probe_references() {
  for memory in "${!MEMORY_FLAGS[@]}"; do
    probe "$1" "reference-$memory" "${MEMORY_FLAGS[$memory]}" --reference --memory "$memory"
  done
}

first_run=1
if [ "${PROBE_CDS:-off}" = on ]; then
  CDS_DIR="$(mktemp -d)"
  first_run=0  # run 0 records the archives; it is not reported
fi

LOAD_BEFORE=$(uptime | sed 's/.*load average: //')
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

  # Stripe holds the catalog before anything is probed, as it does for every cold start of a deployment but
  # the first: billing's sync-catalog then measures the sync that finds it in place (two list calls).
  if printf '%s\n' "${ENTRY_POINTS[@]}" | grep -q $'^billing\tsync-catalog\t'; then
    curl -fsS -o /dev/null -X POST "$BASE/_local/schedules/billing/sync-catalog" || fail "run $run: the catalog sync failed."
  fi

  probe_references "$run"

  email=""
  for entry in "${ENTRY_POINTS[@]}"; do
    IFS=$'\t' read -r family name kind memory queue feed <<<"$entry"
    # These need a signed-in account: below.
    if [ "$kind" = authorizer ] || [ "$feed" = stripe-checkout ] || [ "${feed#authenticated:}" != "$feed" ]; then continue; fi
    probe "$run" "$family-$name" "${FLAGS[$family]}" --function "$family" --entry-point "$name"
    # Only the signup's report names the address; a later family's API must not clear it.
    if [ "$kind" = http ] && [ "$feed" = signup ]; then email=$(grep -o 'cold-[0-9a-f]*@example\.com' <<<"$PROBE_LINE" || true); fi
  done
  probe_references "$run"

  # The queue probe handled the API probe's signup: its verification email must be in the SES store.
  if [ -n "$email" ] && [ "${#QUEUES[@]}" -gt 0 ]; then
    found=""
    for _ in $(seq 1 50); do
      store=$(curl -fsS "http://127.0.0.1:$SES/store" || true)
      if grep -qF "$email" <<<"$store"; then found=1; break; fi
      sleep 0.1
    done
    [ -n "$found" ] || fail "run $run: no email to $email in the SES store after the queue probes ran."

    # The first authenticated request: the authorizer (cold, then warm), then the function with its answer.
    credentials=$(sign_in "$email") || exit 1
    read -r access workspace <<<"$credentials"
    path="${AUTH_PATH//\{workspaceId\}/$workspace}"
    context=()
    if [ -n "$AUTHORIZER" ]; then
      IFS=$'\t' read -r family name <<<"$AUTHORIZER"
      probe "$run" "$family-$name" "${FLAGS[$family]}" --function "$family" --entry-point "$name" \
        --path "$path" --authorization "Bearer $access"
      context=(--authorizer-context "$(json_field 'v.authorizerContext' <<<"$PROBE_LINE")")
    fi
    probe "$run" "$AUTH_FAMILY-api-authenticated" "${FLAGS[$AUTH_FAMILY]}" --function "$AUTH_FAMILY" --entry-point api \
      --path "$path" --authorization "Bearer $access" ${context[@]+"${context[@]}"}

    for api in ${AUTHENTICATED_APIS[@]+"${AUTHENTICATED_APIS[@]}"}; do
      IFS=$'\t' read -r family name route <<<"$api"
      probe "$run" "$family-$name" "${FLAGS[$family]}" --function "$family" --entry-point "$name" \
        --path "${route//\{workspaceId\}/$workspace}" --authorization "Bearer $access" ${context[@]+"${context[@]}"}
    done

    if [ "${#CHECKOUT_CONSUMERS[@]}" -gt 0 ]; then
      stripe_checkout "$access" "$workspace"
      for consumer in "${CHECKOUT_CONSUMERS[@]}"; do
        IFS=$'\t' read -r family name <<<"$consumer"
        probe "$run" "$family-$name" "${FLAGS[$family]}" --function "$family" --entry-point "$name"
      done
    fi
  fi

  probe_references "$run"

  for queue in ${QUEUES[@]+"${QUEUES[@]}"}; do
    curl -fsS -o /dev/null -X POST "$BASE/_local/queues/$queue/resume" || fail "run $run: the $queue poller did not resume."
  done
  stop_stack
done

command=""
for var in PROBE_JAVA PROBE_JVM_FLAGS PROBE_EXTRA_OPTS PROBE_CDS PROBE_AUTH_FAMILY PROBE_AUTH_PATH PROBE_PROJECT_ROOT REPORT RESULTS API_PORT SES_PORT SMTP_PORT IMAP_PORT DYNAMODB_PORT SQS_PORT S3_PORT EVENTBRIDGE_PORT; do
  if [ -n "${!var:-}" ]; then command+="$var=\"${!var}\" "; fi
done
command+="local-stack/bench/cold-starts.sh $RUNS"
tables=$(java -cp "$JAR" "$SUMMARY" "$results_file") || fail "the summary of $results_file failed."
{
  echo "# Lambda cold starts, one fresh JVM per entry point, as ratios to the reference function"
  echo
  echo "Command: \`$command\` on $(nproc) cores, $("$PROBE_JAVA_BIN" -version 2>&1 | head -1), $(date -u '+%Y-%m-%d %H:%M UTC')."
  echo "Load while measuring (uptime before and after): $LOAD_BEFORE / $(uptime | sed 's/.*load average: //')."
  for family in "${!FLAGS[@]}"; do
    echo "Probe JVM flags ($family): \`${FLAGS[$family]}${PROBE_EXTRA_OPTS:+ $PROBE_EXTRA_OPTS}\`."
  done
  if [ -n "$CDS_DIR" ]; then
    echo "Class-data sharing: each entry point maps an archive its own first (unreported) run recorded."
  fi
  echo
  echo "Each measurement is ColdStartProbe in a JVM of its own against a running local stack, in milliseconds: JVM"
  echo "boot (JVM start to main), init (the function's jar in its own class loader, the handler and its Micronaut"
  echo "context) and the first call; the cold start is their sum. An authorizer is called a second time (warm call)."
  echo "The ratio divides a cold start by the reference function's in the same run, with the same memory and flags;"
  echo "the table gives the median of the per-run ratios. Goals: at most 1.5 for HTTP API and authorizer entry"
  echo "points, 1.3 for queue and schedule entry points. No SnapStart, and the CPU share of the function's memory"
  echo "is not emulated: the JVM has every core above."
  echo
  echo "$tables"
} > "$REPORT"
cat "$REPORT"
