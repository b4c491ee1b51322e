#!/usr/bin/env bash
# Drives a running local stack through setting up a sending domain: signs up, adds a domain, prints the DNS
# records to publish (as a BIND zone snippet), verifies while the domain has only a website record (failed,
# with a fix per record), publishes exactly what was printed to the local DNS server, and verifies again
# (verified, may send). Then connects mailboxes, and onboards a CSV of domains and a CSV of mailboxes in bulk:
# submits each, polls its job until it is done and prints its per-row error report.
# Exits non-zero at the first step that does not happen.
#
#   samples/demo-domains.sh [--help]
#
# Environment (the local stack prints both when it starts; set them when it runs on other ports):
#   PENGUINMAILS_API           the API base URL (default http://127.0.0.1:8080, as --api-port 8080)
#   PENGUINMAILS_MAIL_VIEWER   the sent-mail viewer (default http://127.0.0.1:8005, as --ses-port 8005)
# Needs curl and node (which the local stack needs too).
set -euo pipefail
# shellcheck source=lib/api.sh
. "$(dirname "$0")/lib/api.sh"

STAMP="$(date +%s)-$RANDOM"
EMAIL="domains-demo+$STAMP@example.com"
DOMAIN="outreach-$STAMP.com"

echo "1. Checking the local stack at $API"
require_stack

echo "2. Signing up $EMAIL, verifying the address and logging in"
sign_in "$EMAIL" "violet-tractor-sings-Quarterly-42" "Domains Demo" "Domains Demo Agency"
DOMAINS="/v1/workspaces/$WS/domains"
echo "   workspace $WS"

echo "3. Adding the sending domain $DOMAIN"
expect "$(call POST "$DOMAINS" "{\"name\":\"$DOMAIN\"}")" 201 "add domain"
[ "$(field "$OUT/reply.json" .status)" = "pending" ] || fail "a new domain should be pending: $(cat "$OUT/reply.json")"
echo "   status pending, DKIM selector $(field "$OUT/reply.json" '.dkimSelectors[0]')"

echo "4. The records to publish, as a zone-file snippet"
expect "$(call GET "$DOMAINS/$DOMAIN/records?format=bind")" 200 "records as BIND"
sed 's/^/   /' "$OUT/reply.json"
grep -q "_domainkey" "$OUT/reply.json" || fail "the snippet has no DKIM record"

echo "5. Verifying while the domain has only its website's record, as a freshly registered domain has"
status=$(curl -sS -o "$OUT/put.json" -w '%{http_code}' -X PUT "$API/_local/dns/$DOMAIN" \
  -H 'Content-Type: application/json' -d "[{\"name\":\"$DOMAIN\",\"type\":\"A\",\"values\":[\"192.0.2.10\"]}]")
[ "$status" = "200" ] || fail "the local DNS server refused the zone (HTTP $status): $(cat "$OUT/put.json")"
expect "$(call POST "$DOMAINS/$DOMAIN/verify" '{}')" 200 "verify"
[ "$(field "$OUT/reply.json" .outcome)" = "failed" ] || fail "an unpublished domain should fail: $(cat "$OUT/reply.json")"
node -e 'const v = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
  for (const c of v.checks) console.log(`   ${c.purpose.padEnd(16)} ${c.status.padEnd(8)} ${c.fix || ""}`);' "$OUT/reply.json"

echo "6. Publishing exactly what was printed, in the local DNS server"
expect "$(call GET "$DOMAINS/$DOMAIN/records")" 200 "records"
node -e 'const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
  process.stdout.write(JSON.stringify(r.records.map(x => x.record)));' "$OUT/reply.json" > "$OUT/zone.json"
status=$(curl -sS -o "$OUT/put.json" -w '%{http_code}' -X PUT "$API/_local/dns/$DOMAIN" \
  -H 'Content-Type: application/json' --data-binary @"$OUT/zone.json")
[ "$status" = "200" ] || fail "the local DNS server refused the zone (HTTP $status): $(cat "$OUT/put.json")"
echo "   $(node -e 'console.log(JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")).length)' "$OUT/zone.json") records published"

echo "7. Verifying again"
expect "$(call POST "$DOMAINS/$DOMAIN/verify" '{}')" 200 "verify"
node -e 'const v = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
  for (const c of v.checks) console.log(`   ${c.purpose.padEnd(16)} ${c.status}`);
  console.log(`   ${v.dnsQueries} DNS queries`);' "$OUT/reply.json"
[ "$(field "$OUT/reply.json" .outcome)" = "passed" ] || fail "the published domain should verify: $(cat "$OUT/reply.json")"
[ "$(field "$OUT/reply.json" .domain.eligibleForSending)" = "true" ] || fail "a verified domain should be able to send"
echo "   $DOMAIN is verified and may send"

# The local stack's GreenMail stands in for the customer's mail server (SMTP 3025, IMAP 3143, any password).
SMTP_PORT="${PENGUINMAILS_SMTP_PORT:-3025}" IMAP_PORT="${PENGUINMAILS_IMAP_PORT:-3143}"
MAILBOXES="/v1/workspaces/$WS/mailboxes"
server() { echo "{\"host\":\"127.0.0.1\",\"port\":$1,\"security\":\"none\",\"password\":\"app-password\"}"; }

echo "8. Connecting a mailbox whose SMTP server does not answer: refused, nothing saved"
expect "$(call POST "$MAILBOXES" "{\"address\":\"ana@$DOMAIN\",\"smtp\":$(server 1),\"imap\":$(server "$IMAP_PORT")}")" 422 "unreachable mailbox"
echo "   $(field "$OUT/reply.json" '.errors[0].message' | cut -c1-110)"

echo "9. Connecting ana@$DOMAIN after a live login to its SMTP and IMAP servers"
expect "$(call POST "$MAILBOXES" "{\"address\":\"ana@$DOMAIN\",\"displayName\":\"Ana\",\"dailyLimit\":40,\"smtp\":$(server "$SMTP_PORT"),\"imap\":$(server "$IMAP_PORT")}")" 201 "connect mailbox"
[ "$(field "$OUT/reply.json" .status)" = "connected" ] || fail "the mailbox should be connected: $(cat "$OUT/reply.json")"
grep -q app-password "$OUT/reply.json" && fail "the answer shows the password"
MAILBOX=$(field "$OUT/reply.json" .id)
echo "   $MAILBOX connected; sends $(field "$OUT/reply.json" .allowanceToday) today, warm-up $(field "$OUT/reply.json" .warmup.stage) until $(field "$OUT/reply.json" .warmup.completesOn)"

echo "10. Testing it again on demand"
expect "$(call POST "$MAILBOXES/$MAILBOX/test" '{}')" 200 "test mailbox"
[ "$(field "$OUT/reply.json" .passed)" = "true" ] || fail "the test should pass: $(cat "$OUT/reply.json")"
echo "   smtp $(field "$OUT/reply.json" '.results[0].outcome'), imap $(field "$OUT/reply.json" '.results[1].outcome')"
# submit_csv KIND FILE: submits a CSV to bulk onboarding, polls its job until it ends, prints its report; sets JOB.
submit_csv() {
  local kind="$1" file="$2" status="" polls=0
  status=$(curl -sS -o "$OUT/reply.json" -w '%{http_code}' -X POST "$API/v1/workspaces/$WS/onboarding/$kind?fileName=$(basename "$file")" \
    -H "Authorization: Bearer $TOKEN" -H 'Content-Type: text/csv' --data-binary @"$file")
  expect "$status" 202 "onboard $kind"
  JOB=$(field "$OUT/reply.json" .id)
  echo "   job $JOB queued with $(field "$OUT/reply.json" .rowsTotal) rows"
  while :; do
    expect "$(call GET "/v1/workspaces/$WS/onboarding/jobs/$JOB")" 200 "poll the job"
    status=$(field "$OUT/reply.json" .status)
    echo "   $status: $(field "$OUT/reply.json" .rowsRead)/$(field "$OUT/reply.json" .rowsTotal) rows ($(field "$OUT/reply.json" .percent)%), $(field "$OUT/reply.json" .succeeded) added, $(field "$OUT/reply.json" .failed) failed, $(field "$OUT/reply.json" .skipped) skipped"
    case "$status" in
      completed) break ;;
      failed) fail "the $kind job failed: $(field "$OUT/reply.json" .failureReason)" ;;
    esac
    polls=$((polls + 1))
    [ "$polls" -lt 60 ] || fail "the $kind job did not finish within 60 s: $(cat "$OUT/reply.json")"
    sleep 1
  done
  cp "$OUT/reply.json" "$OUT/job.json"
  expect "$(call GET "/v1/workspaces/$WS/onboarding/jobs/$JOB/errors?format=csv")" 200 "the error report"
  sed 's/^/   /' "$OUT/reply.json"
}

echo "11. Onboarding a CSV of domains: two good rows, a public suffix, an invalid name and a repeated row"
printf 'domain\nbulk-a-%s.com\nco.uk\nnot a domain\nbulk-b-%s.com\nBULK-A-%s.com\n' "$STAMP" "$STAMP" "$STAMP" > "$OUT/domains.csv"
submit_csv domains "$OUT/domains.csv"
[ "$(field "$OUT/job.json" .succeeded)" = "2" ] || fail "the two good domains should be added: $(cat "$OUT/job.json")"
[ "$(field "$OUT/job.json" .failed)" = "3" ] || fail "the three broken rows should fail: $(cat "$OUT/job.json")"
grep -q "duplicate-row" "$OUT/reply.json" || fail "the repeated row should be reported as duplicate-row"
expect "$(call GET "$DOMAINS/bulk-b-$STAMP.com")" 200 "a domain added from the file"

echo "12. Onboarding a CSV of mailboxes: one good row, one whose SMTP server does not answer, one on a domain not added"
{
  echo "address,display_name,daily_limit,smtp_host,smtp_port,smtp_security,smtp_password,imap_host,imap_port,imap_security,imap_password"
  echo "bo@$DOMAIN,Bo,25,127.0.0.1,$SMTP_PORT,none,app-password,127.0.0.1,$IMAP_PORT,none,app-password"
  echo "cy@$DOMAIN,Cy,25,127.0.0.1,1,none,app-password,127.0.0.1,$IMAP_PORT,none,app-password"
  echo "dee@nowhere-$STAMP.com,Dee,25,127.0.0.1,$SMTP_PORT,none,app-password,127.0.0.1,$IMAP_PORT,none,app-password"
} > "$OUT/mailboxes.csv"
submit_csv mailboxes "$OUT/mailboxes.csv"
[ "$(field "$OUT/job.json" .succeeded)" = "1" ] || fail "the good mailbox should be connected: $(cat "$OUT/job.json")"
[ "$(field "$OUT/job.json" .failed)" = "2" ] || fail "the two broken rows should fail: $(cat "$OUT/job.json")"
grep -q "mailbox-connection-failed" "$OUT/reply.json" || fail "the unreachable server should be reported"
grep -q app-password "$OUT/reply.json" && fail "the report shows a password"
echo "OK"
