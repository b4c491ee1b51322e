#!/usr/bin/env bash
# Drives a running local stack through a subscription: signs up and logs in, subscribes the workspace to
# Growth through Stripe Checkout (the local Stripe stand-in completes the payment and sends its signed
# webhooks), waits for billing to apply them, shows the limits now in force, and previews an upgrade to
# Agency. Exits non-zero at the first step that does not happen.
#
#   samples/demo-billing.sh [--help]
#
# Environment (the local stack prints both when it starts; set them when it runs on other ports):
#   PENGUINMAILS_API           the API base URL (default http://127.0.0.1:8080, as --api-port 8080)
#   PENGUINMAILS_MAIL_VIEWER   the sent-mail viewer (default http://127.0.0.1:8005, as --ses-port 8005)
# The Stripe stand-in needs no setting: the Checkout page billing hands out is on the stand-in.
# Needs curl and node (which the local stack needs too).
set -euo pipefail
# shellcheck source=lib/api.sh
. "$(dirname "$0")/lib/api.sh"

EMAIL="billing-demo+$(date +%s)-$RANDOM@example.com"
PASSWORD="violet-tractor-sings-Quarterly-42"

echo "1. Checking the local stack at $API"
require_stack

echo "2. Signing up $EMAIL, verifying the address and logging in"
sign_in "$EMAIL" "$PASSWORD" "Billing Demo" "Billing Demo Agency"
BILLING="/v1/workspaces/$WS/billing"
echo "   workspace $WS"

echo "3. Before subscribing: the free plan"
expect "$(call GET "$BILLING")" 200 "GET billing"
[ "$(field "$OUT/reply.json" .planId)" = "free" ] || fail "a new workspace should be on the free plan: $(cat "$OUT/reply.json")"
echo "   plan free, limits $(field "$OUT/reply.json" .limits)"
INVITE="{\"email\":\"teammate+$(date +%s)@example.com\",\"role\":\"member\"}"
expect "$(call POST "/v1/workspaces/$WS/invitations" "$INVITE")" 409 "an invitation on the free plan (one seat, the owner's)"
[ "$(field "$OUT/reply.json" .type)" = "https://penguinmails.dev/problems/plan-limit" ] || fail "identity should refuse a second seat on free with plan-limit: $(cat "$OUT/reply.json")"
echo "   inviting a teammate is refused: $(field "$OUT/reply.json" .detail)"

echo "4. Making sure the plans' prices exist in Stripe (the daily catalog sync, run now)"
status=$(curl -sS -o "$OUT/sync.json" -w '%{http_code}' -X POST "$API/_local/schedules/billing/sync-catalog")
[ "$status" = "200" ] || fail "the catalog sync answered HTTP $status: $(cat "$OUT/sync.json")"
echo "   $(cat "$OUT/sync.json")"

echo "5. Opening Checkout for Growth, monthly"
expect "$(call POST "$BILLING/checkout-sessions" '{"planId":"growth","interval":"monthly"}')" 201 "checkout"
SESSION=$(field "$OUT/reply.json" .sessionId)
CHECKOUT_URL=$(field "$OUT/reply.json" .url)
[ -n "$SESSION" ] && [ -n "$CHECKOUT_URL" ] || fail "checkout answered no session or page: $(cat "$OUT/reply.json")"
echo "   session $SESSION, page $CHECKOUT_URL"

echo "6. Paying on the Checkout page (the Stripe stand-in completes it and signs its webhooks)"
status=$(curl -sS -o "$OUT/complete.json" -w '%{http_code}' -X POST "$CHECKOUT_URL/complete")
[ "$status" = "200" ] || fail "the stand-in did not complete checkout $SESSION (HTTP $status): $(cat "$OUT/complete.json")"
[ "$(field "$OUT/complete.json" .status)" = "complete" ] || fail "checkout $SESSION is not complete: $(cat "$OUT/complete.json")"
SUBSCRIPTION=$(field "$OUT/complete.json" .subscription)
echo "   subscription $SUBSCRIPTION"

echo "7. Waiting for billing to apply the webhooks (no sync call: only the webhooks can change the plan)"
# Growth starts with a 14-day trial, so the subscription is trialing (active once the trial is paid for).
start=$(date +%s%N)
plan=""
for _ in $(seq 1 150); do
  expect "$(call GET "$BILLING")" 200 "GET billing"
  plan="$(field "$OUT/reply.json" .planId)/$(field "$OUT/reply.json" .status)"
  [ "$plan" = "growth/trialing" ] || [ "$plan" = "growth/active" ] && break
  sleep 0.2
done
[ "$plan" = "growth/trialing" ] || [ "$plan" = "growth/active" ] || fail "billing still shows $plan 30 s after checkout; the webhooks did not arrive or were not applied: $(cat "$OUT/reply.json")"
echo "   applied after $(( ($(date +%s%N) - start) / 1000000 )) ms: plan $(field "$OUT/reply.json" .planName) ($(field "$OUT/reply.json" .status)), period $(field "$OUT/reply.json" .periodStart) to $(field "$OUT/reply.json" .periodEnd)"
[ "$(field "$OUT/reply.json" .limits.emailsPerMonth)" = "100000" ] || fail "Growth's limits are not in force: $(cat "$OUT/reply.json")"
# Identity keeps its own copy of the seats from billing.plan.changed; it arrives through the bus and a queue.
invited=""
for _ in $(seq 1 150); do
  invited=$(call POST "/v1/workspaces/$WS/invitations" "$INVITE")
  [ "$invited" = "201" ] && break
  sleep 0.4
done
[ "$invited" = "201" ] || fail "identity still refuses the invitation 60 s after the upgrade (HTTP $invited): $(cat "$OUT/reply.json")"
echo "   Growth's 10 seats reached identity: the teammate is invited"

echo "8. Usage against Growth's limits"
expect "$(call GET "$BILLING/usage")" 200 "GET usage"
node -e 'const u = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
  for (const m of u.metrics) console.log(`   ${m.metric.padEnd(12)} ${String(m.used).padStart(7)} of ${String(m.limit).padStart(7)}  (warning at ${m.warningAt}${m.perPeriod ? ", this period" : ""})`);' "$OUT/reply.json"
[ "$(field "$OUT/reply.json" .planId)" = "growth" ] || fail "usage is not counted against Growth: $(cat "$OUT/reply.json")"
[ "$(field "$OUT/reply.json" '.metrics.find(m => m.metric === "emails_sent").limit')" = "100000" ] \
  || fail "usage does not show Growth's 100,000 emails: $(cat "$OUT/reply.json")"

echo "9. Previewing an upgrade to Agency, monthly"
expect "$(call POST "$BILLING/plan-change/preview" '{"planId":"agency","interval":"monthly"}')" 200 "plan-change preview"
[ "$(field "$OUT/reply.json" .kind)" = "upgrade" ] || fail "Growth to Agency should be an upgrade: $(cat "$OUT/reply.json")"
due=$(field "$OUT/reply.json" .amountDue)
[ -n "$due" ] && [ "$due" -gt 0 ] || fail "an upgrade mid-period should cost something now: $(cat "$OUT/reply.json")"
node -e 'const p = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
  for (const l of p.lines) console.log(`   ${(l.amount / 100).toFixed(2).padStart(9)} ${p.currency}  ${l.description}`);
  console.log(`   ${(p.amountDue / 100).toFixed(2).padStart(9)} ${p.currency}  due now (prorationDate ${p.prorationDate}; nothing changed yet)`);' "$OUT/reply.json"
expect "$(call GET "$BILLING")" 200 "GET billing"
[ "$(field "$OUT/reply.json" .planId)" = "growth" ] || fail "a preview must not change the plan: $(cat "$OUT/reply.json")"
echo "OK"
