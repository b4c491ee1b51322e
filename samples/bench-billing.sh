#!/usr/bin/env bash
# Measures billing's Stripe webhook path on a running local stack (./run-local.sh): how long
# POST /v1/billing/stripe/webhook takes to answer Stripe's signed POST (p50/p95/p99), and how many
# events per second billing's Stripe event consumer processes. Writes a report under docs/benchmarks/
# and prints a summary. Exits non-zero at the first step that does not happen. docs/benchmarks/billing.md
# explains what is and is not measured.
#
#   samples/bench-billing.sh [--help]
#
# The load comes from the Stripe stand-in, which signs and delivers webhooks as Stripe does (the stack's
# webhook secret is new at every start): the script makes BENCH_CONCURRENCY customers with a Starter
# subscription (the warm-up), then updates those subscriptions BENCH_EVENTS times, BENCH_CONCURRENCY at
# a time; each update makes one customer.subscription.updated event, which billing queues and then
# processes by reading the subscription from the stand-in (GET /v1/subscriptions/{id}) and writing the
# workspace's billing account.
#
# Environment:
#   BENCH_EVENTS        events to measure (default 500)
#   BENCH_CONCURRENCY   subscriptions updated in parallel, one customer (FIFO message group) each (default 8)
#   BENCH_CONSUMER      backlog (default): the consumer is paused while the webhooks arrive and resumed once
#                       all are queued, so intake and consumer are measured apart; live: it runs throughout
#   BENCH_TIMEOUT       seconds to wait for each phase (default 300)
#   BENCH_REPORT        the report file (default docs/benchmarks/billing-<date>.md, and .tsv beside it)
#   PENGUINMAILS_API    the local stack (default http://127.0.0.1:8080)
#   STRIPE_API          the Stripe stand-in (default http://127.0.0.1:12111)
set -euo pipefail

if [ "${1:-}" = "--help" ] || [ "${1:-}" = "-h" ]; then
  sed -n '2,/^set -euo/p' "$0" | sed -e '/^set -euo/d' -e 's/^# \{0,1\}//'
  exit 0
fi

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
EVENTS="${BENCH_EVENTS:-500}"
CONCURRENCY="${BENCH_CONCURRENCY:-8}"
CONSUMER="${BENCH_CONSUMER:-backlog}"
TIMEOUT="${BENCH_TIMEOUT:-300}"
API="${PENGUINMAILS_API:-http://127.0.0.1:8080}"
STRIPE="${STRIPE_API:-http://127.0.0.1:12111}"
KEY="sk_test_penguinmails_local"
QUEUE="billing-stripe-events"
PLAN_PRICE="penguinmails_starter_monthly"
RUN="bench$(date +%s)"
REPORT="${BENCH_REPORT:-$ROOT/docs/benchmarks/billing-$(date -u +%F).md}"
if [ -z "${BENCH_REPORT:-}" ] && [ -e "$REPORT" ]; then
  REPORT="${REPORT%.md}-$(date -u +%H%M%S).md"
fi
TSV="${REPORT%.md}.tsv"

fail() { echo "FAILED: $*" >&2; exit 1; }
[[ "$EVENTS" =~ ^[1-9][0-9]*$ ]] || fail "BENCH_EVENTS must be a positive number: $EVENTS"
[[ "$CONCURRENCY" =~ ^[1-9][0-9]*$ ]] || fail "BENCH_CONCURRENCY must be a positive number: $CONCURRENCY"
[ "$CONSUMER" = backlog ] || [ "$CONSUMER" = live ] || fail "BENCH_CONSUMER must be backlog or live: $CONSUMER"
command -v jq >/dev/null || fail "jq is needed to read the stand-in's answers"

# A Stripe API call, form-encoded as Stripe's clients send it; prints the answer, fails on any non-2xx.
stripe() {
  local method="$1" path="$2"
  shift 2
  curl -sS --fail-with-body -u "$KEY:" -X "$method" "$STRIPE$path" "$@" \
    || { echo "Stripe stand-in: $method $path failed" >&2; return 1; }
}

# The local stack's admin endpoints.
stack() {
  local method="$1" path="$2"
  curl -sS --fail-with-body -X "$method" "$API$path" || { echo "local stack: $method $path failed" >&2; return 1; }
}

# The billing-stripe-events queue: messages waiting, in flight and delayed, and in its dead-letter queue.
queue_depth() {
  stack GET /_local/queues | jq -e --arg q "$QUEUE" \
    '.queues[] | select(.name == $q) | [.queue.visible + .queue.inFlight + .queue.delayed, (.deadLetterQueue.visible // "none")] | @tsv' -r
}

# Waits until the command succeeds, polling every half second, for at most TIMEOUT seconds.
wait_until() {
  local what="$1"
  shift
  local deadline=$((SECONDS + TIMEOUT))
  until "$@"; do
    ((SECONDS < deadline)) || fail "gave up after ${TIMEOUT}s waiting for $what (the local stack's log says why)"
    sleep 0.5
  done
}

deliveries_at_least() { [ "$(stripe GET /_standin/webhook-deliveries | jq .count)" -ge "$1" ]; }
refetches() { stripe GET /_standin/requests -G -d method=GET -d path_prefix=/v1/subscriptions/; }
refetched_at_least() { [ "$(refetches | jq .count)" -ge "$1" ]; }
queue_drained() { [ "$(queue_depth | cut -f1)" = 0 ]; }
# A workspace id of the shape billing's events require (ws_ and a ULID), new for every subscription.
workspace_id() {
  local alphabet=0123456789ABCDEFGHJKMNPQRSTVWXYZ id="ws_01" _
  for _ in $(seq 1 24); do id+="${alphabet:RANDOM%32:1}"; done
  echo "$id"
}
now_ms() { echo $(($(date +%s%N) / 1000000)); }
load() { cut -d' ' -f1-3 /proc/loadavg; }

echo "1. Checking the local stack at $API and the Stripe stand-in at $STRIPE"
stack GET /_local/health >/dev/null || fail "the local stack is not running (start it with ./run-local.sh)"
stripe GET /_standin/webhook-deliveries >/dev/null || fail "the Stripe stand-in has no /_standin/webhook-deliveries (rebuild the local stack)"
queue_depth >/dev/null || fail "the local stack has no queue $QUEUE"
[ "$(queue_depth | cut -f1)" = 0 ] || fail "$QUEUE is not empty; wait for it or restart the stack"
dlq_before="$(queue_depth | cut -f2)"
load_before="$(load)"

echo "2. Creating the plan prices (billing's sync-catalog job)"
stack POST /_local/schedules/billing/sync-catalog >/dev/null
price="$(stripe GET /v1/prices -G --data-urlencode "lookup_keys[]=$PLAN_PRICE" | jq -er '.data[0].id')" \
  || fail "no price with lookup key $PLAN_PRICE after the catalog sync"

echo "3. Warm-up: $CONCURRENCY customers subscribe to Starter (4 events each)"
stripe DELETE /_standin/webhook-deliveries >/dev/null
subscriptions=()
for i in $(seq 1 "$CONCURRENCY"); do
  workspace="$(workspace_id)"
  customer="$(stripe POST /v1/customers -d "email=owner-$RUN-$i@example.com" -d "metadata[workspace_id]=$workspace" | jq -er .id)"
  session="$(stripe POST /v1/checkout/sessions -d "customer=$customer" -d mode=subscription \
    -d "line_items[0][price]=$price" -d "line_items[0][quantity]=1" \
    -d "subscription_data[metadata][workspace_id]=$workspace" \
    -d "success_url=http://127.0.0.1/done" -d "cancel_url=http://127.0.0.1/cancel" | jq -er .id)"
  subscriptions+=("$(stripe POST "/_standin/checkout/$session/complete" | jq -er .subscription)")
done
wait_until "the warm-up's $((4 * CONCURRENCY)) webhooks" deliveries_at_least $((4 * CONCURRENCY))
wait_until "the warm-up's events to be processed" queue_drained
warmup="$(stripe GET /_standin/webhook-deliveries)"
[ "$(jq '.statuses | keys == ["200"]' <<<"$warmup")" = true ] \
  || fail "the webhook endpoint refused warm-up events: $(jq -c .statuses <<<"$warmup")"

if [ "$CONSUMER" = backlog ]; then
  stack POST "/_local/queues/$QUEUE/pause" >/dev/null
  # Leaves the consumer running when the script stops early, as the stack was before.
  trap 'curl -sS -X POST "$API/_local/queues/$QUEUE/resume" >/dev/null || true' EXIT
fi
stripe DELETE /_standin/webhook-deliveries >/dev/null
stripe DELETE /_standin/requests >/dev/null

echo "4. Load: $EVENTS subscription updates, $CONCURRENCY in parallel (consumer: $CONSUMER)"
# One lane per subscription: its updates are sequential, so its events keep their order as one customer's would.
lane() {
  local subscription="$1" count="$2" lane="$3" k
  for k in $(seq 1 "$count"); do
    stripe POST "/v1/subscriptions/$subscription" -d "metadata[bench_seq]=$lane-$k" >/dev/null
  done
}
started_ms="$(now_ms)"
pids=()
for j in $(seq 0 $((CONCURRENCY - 1))); do
  count=$((EVENTS / CONCURRENCY + (j < EVENTS % CONCURRENCY ? 1 : 0)))
  if [ "$count" -gt 0 ]; then
    lane "${subscriptions[$j]}" "$count" "$j" &
    pids+=("$!")
  fi
done
for pid in "${pids[@]}"; do
  wait "$pid" || fail "a load lane failed (see above)"
done
updates_ms=$(($(now_ms) - started_ms))
wait_until "$EVENTS webhook deliveries" deliveries_at_least "$EVENTS"
delivered_ms=$(($(now_ms) - started_ms))
load_after_intake="$(load)"

if [ "$CONSUMER" = backlog ]; then
  echo "5. Resuming the consumer on $EVENTS queued events"
  [ "$(refetches | jq .count)" = 0 ] || fail "the paused consumer read subscriptions"
  resumed_ms="$(now_ms)"
  stack POST "/_local/queues/$QUEUE/resume" >/dev/null
  trap - EXIT
else
  echo "5. Waiting for the consumer"
  resumed_ms="$started_ms"
fi
wait_until "$EVENTS subscription re-reads" refetched_at_least "$EVENTS"
wait_until "$QUEUE to drain" queue_drained
drained_ms="$(now_ms)"
load_after="$(load)"

deliveries="$(stripe GET /_standin/webhook-deliveries)"
reads="$(refetches)"
dlq_after="$(queue_depth | cut -f2)"
[ "$(jq .count <<<"$deliveries")" = "$EVENTS" ] || fail "expected $EVENTS webhook deliveries, the stand-in made $(jq .count <<<"$deliveries")"
[ "$(jq '.statuses | keys == ["200"]' <<<"$deliveries")" = true ] \
  || fail "the webhook endpoint did not answer every event with 200: $(jq -c .statuses <<<"$deliveries")"
[ "$dlq_after" = "$dlq_before" ] || fail "events reached the dead-letter queue ($dlq_before before, $dlq_after after)"
[ "$(jq '.statuses | keys == ["200"]' <<<"$reads")" = true ] || fail "subscription re-reads failed: $(jq -c .statuses <<<"$reads")"

read -r p50 p95 p99 max mean < <(jq -r '.latency_ms | [.p50, .p95, .p99, .max, .mean] | map(. * 100 | round / 100) | @tsv' <<<"$deliveries")
refetch_count="$(jq .count <<<"$reads")"
first_read="$(jq .first_answered_at <<<"$reads")"
last_read="$(jq .last_answered_at <<<"$reads")"
first_sent="$(jq .first_sent_at <<<"$deliveries")"
last_answered="$(jq .last_answered_at <<<"$deliveries")"
rate() { jq -n --argjson n "$1" --argjson ms "$2" 'if $ms > 0 then ($n / ($ms / 1000) * 10 | round / 10) else "n/a" end'; }
intake_rate="$(rate "$EVENTS" "$(jq -n "$last_answered - $first_sent")")"
consumer_first_last="$(rate $((refetch_count - 1)) "$(jq -n "$last_read - $first_read")")"
consumer_from_start="$(rate "$EVENTS" "$(jq -n "$last_read - $resumed_ms")")"
consumer_to_drained="$(rate "$EVENTS" $((drained_ms - resumed_ms)))"

{
  printf 'event\tstatus\tsent_at_epoch_ms\tlatency_ms\n'
  jq -r '.deliveries[] | [.event, .status, .sent_at, .latency_ms] | @tsv' <<<"$deliveries"
} >"$TSV"

cpu="$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
memory="$(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo)"
java_version="$(java -version 2>&1 | head -n1)"
commit="$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)"
cat >"$REPORT" <<EOF
# Billing webhook intake and Stripe event consumer, $(date -u '+%F %H:%M') UTC

Command: \`BENCH_EVENTS=$EVENTS BENCH_CONCURRENCY=$CONCURRENCY BENCH_CONSUMER=$CONSUMER samples/bench-billing.sh\`
against \`./run-local.sh\` (commit $commit). What this measures: docs/benchmarks/billing.md.

Machine: $(nproc) vCPU ($cpu), $memory, $java_version. Load average (1, 5, 15 min):
$load_before before, $load_after_intake after the webhooks, $load_after at the end.

| measurement | value |
|---|---|
| webhook intake, POST to 200 (n = $EVENTS) | p50 $p50 ms, p95 $p95 ms, p99 $p99 ms, max $max ms, mean $mean ms |
| webhook statuses | $(jq -c .statuses <<<"$deliveries") |
| webhook intake rate, first POST to last 200 (one delivery at a time) | $intake_rate events/s |
| consumer, first to last subscription re-read | $consumer_first_last events/s ($refetch_count re-reads) |
| consumer, $([ "$CONSUMER" = backlog ] && echo resume || echo "first update") to last re-read | $consumer_from_start events/s |
| consumer, $([ "$CONSUMER" = backlog ] && echo resume || echo "first update") to queue seen empty (polled every 0.5 s) | $consumer_to_drained events/s |
| $EVENTS updates sent / all delivered, from the first update | $updates_ms ms / $delivered_ms ms |
| dead-letter queue | $dlq_after (was $dlq_before) |

Each delivery: $(basename "$TSV").
EOF

echo
echo "Webhook intake (POST to 200, n=$EVENTS): p50 $p50 ms, p95 $p95 ms, p99 $p99 ms, max $max ms"
echo "Consumer: $consumer_first_last events/s first to last re-read; $consumer_from_start events/s from $([ "$CONSUMER" = backlog ] && echo resume || echo start)"
echo "Load average: $load_before before, $load_after_intake after the webhooks, $load_after at the end"
echo "Report: ${REPORT#"$ROOT"/} (and ${TSV#"$ROOT"/})"
echo "OK"
