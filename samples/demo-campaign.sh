#!/usr/bin/env bash
# Drives a running local stack through a whole campaign: signs up, verifies a sending domain through the local DNS
# server, connects a mailbox (GreenMail stands in for its SMTP server; the free plan allows one), creates two contacts in a list (a new
# mailbox's warm-up allows 5 sends today), and
# a two-step campaign (the second step replies in the first one's thread). Launches it: contacts resolves the list
# and sending enrols it. Fires the scheduler tick on demand (POST /_local/schedules/sending/schedule-sends) until
# every contact got both emails, reads them back from GreenMail over IMAP (DKIM-signed, List-Unsubscribe with
# one-click, the follow-up threaded from the same mailbox), shows the campaign's stats, and unsubscribes one
# recipient with the RFC 8058 one-click POST of its link. Exits non-zero at the first step that does not happen.
#
#   samples/demo-campaign.sh [--help]
#
# Environment (the local stack prints both when it starts; set them when it runs on other ports):
#   PENGUINMAILS_API           the API base URL (default http://127.0.0.1:8080, as --api-port 8080)
#   PENGUINMAILS_MAIL_VIEWER   the sent-mail viewer (default http://127.0.0.1:8005, as --ses-port 8005)
#   PENGUINMAILS_SMTP_PORT, PENGUINMAILS_IMAP_PORT  GreenMail's ports (default 3025 and 3143)
# Needs curl (with IMAP) and node (which the local stack needs too).
set -euo pipefail
# shellcheck source=lib/api.sh
. "$(dirname "$0")/lib/api.sh"

STAMP="$(date +%s)-$RANDOM"
EMAIL="campaign-demo+$STAMP@example.com"
DOMAIN="outreach-$STAMP.com"
PROSPECTS="prospects-$STAMP.io"
SMTP_PORT="${PENGUINMAILS_SMTP_PORT:-3025}" IMAP_PORT="${PENGUINMAILS_IMAP_PORT:-3143}"

# imap USER [REQUEST] [PATH]: talks IMAP to GreenMail as USER (authentication is off there).
imap() {
  local user="$1" request="${2:-}" path="${3:-INBOX}"
  if [ -n "$request" ]; then
    curl -sS --user "$user:any" "imap://127.0.0.1:$IMAP_PORT/$path" -X "$request"
  else
    curl -sS --user "$user:any" "imap://127.0.0.1:$IMAP_PORT/$path"
  fi
}

# inbox_count USER: how many messages USER's inbox holds.
inbox_count() {
  imap "$1" "SEARCH ALL" | tr -d '\r' | sed -n 's/^\* SEARCH *//p' | wc -w | tr -d ' '
}

echo "1. Checking the local stack at $API"
require_stack
curl -sS --user "probe@$PROSPECTS:any" "imap://127.0.0.1:$IMAP_PORT/" >/dev/null \
  || fail "GreenMail's IMAP server does not answer on port $IMAP_PORT"

echo "2. Signing up $EMAIL, verifying the address and logging in"
sign_in "$EMAIL" "violet-tractor-sings-Quarterly-42" "Campaign Demo" "Campaign Demo Agency"
DOMAINS="/v1/workspaces/$WS/domains"
MAILBOXES="/v1/workspaces/$WS/mailboxes"
CAMPAIGNS="/v1/workspaces/$WS/campaigns"
echo "   workspace $WS"

echo "3. Adding $DOMAIN, publishing its records in the local DNS server, verifying it"
expect "$(call POST "$DOMAINS" "{\"name\":\"$DOMAIN\"}")" 201 "add domain"
expect "$(call GET "$DOMAINS/$DOMAIN/records")" 200 "records"
node -e 'const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
  process.stdout.write(JSON.stringify(r.records.map(x => x.record)));' "$OUT/reply.json" > "$OUT/zone.json"
status=$(curl -sS -o "$OUT/put.json" -w '%{http_code}' -X PUT "$API/_local/dns/$DOMAIN" \
  -H 'Content-Type: application/json' --data-binary @"$OUT/zone.json")
[ "$status" = "200" ] || fail "the local DNS server refused the zone (HTTP $status): $(cat "$OUT/put.json")"
expect "$(call POST "$DOMAINS/$DOMAIN/verify" '{}')" 200 "verify"
[ "$(field "$OUT/reply.json" .outcome)" = "passed" ] || fail "the domain should verify: $(cat "$OUT/reply.json")"
echo "   verified: SPF, DKIM and DMARC published"

echo "4. Connecting ana@$DOMAIN (its SMTP and IMAP servers: GreenMail)"
server() { echo "{\"host\":\"127.0.0.1\",\"port\":$1,\"security\":\"none\",\"password\":\"app-password\"}"; }
mailbox_ids=()
for name in ana; do
  # GreenMail makes a user on its first login; the connection test logs in to SMTP and IMAP at once, and two
  # first logins can race inside GreenMail and drop one. One IMAP login first makes the user.
  imap "$name@$DOMAIN" >/dev/null || fail "GreenMail's IMAP server refused $name@$DOMAIN"
  expect "$(call POST "$MAILBOXES" "{\"address\":\"$name@$DOMAIN\",\"displayName\":\"${name^}\",\"dailyLimit\":40,\"smtp\":$(server "$SMTP_PORT"),\"imap\":$(server "$IMAP_PORT")}")" 201 "connect $name@$DOMAIN"
  mailbox_ids+=("$(field "$OUT/reply.json" .id)")
done
echo "   ${mailbox_ids[*]}"

echo "5. Two prospects in the list 'Q4 prospects'"
contact_ids=()
for spec in 'lena Lena Initech' 'marco Marco Globex'; do
  read -r local first company <<<"$spec"
  expect "$(call POST "/v1/workspaces/$WS/contacts" "{\"email\":\"$local@$PROSPECTS\",\"firstName\":\"$first\",\"company\":\"$company\"}")" 201 "create $local@$PROSPECTS"
  contact_ids+=("\"$(field "$OUT/reply.json" .id)\"")
done
expect "$(call POST "/v1/workspaces/$WS/lists" '{"name":"Q4 prospects"}')" 201 "create a list"
LIST=$(field "$OUT/reply.json" .id)
expect "$(call POST "/v1/workspaces/$WS/lists/$LIST/members" "{\"contactIds\":[$(IFS=,; echo "${contact_ids[*]}")]}")" 204 "add members"
wait_count "/v1/workspaces/$WS/segments/preview" "{\"definition\":{\"match\":\"all\",\"rules\":[{\"field\":\"list\",\"op\":\"in_list\",\"value\":\"$LIST\"}]},\"sampleSize\":0}" 2 "the list in the query model"
echo "   $LIST holds 2 contacts in the query model"

echo "6. A two-step campaign: every day, any hour, no gap between sends; the follow-up replies in the thread"
pool=$(printf '"%s",' "${mailbox_ids[@]}"); pool="[${pool%,}]"
expect "$(call POST "$CAMPAIGNS" "{\"name\":\"Q4 outreach\",\"audience\":{\"listIds\":[\"$LIST\"]},
  \"mailboxes\":{\"mailboxIds\":$pool},
  \"window\":{\"timezone\":\"UTC\",\"days\":[\"mon\",\"tue\",\"wed\",\"thu\",\"fri\",\"sat\",\"sun\"],\"start\":\"00:00\",\"end\":\"23:59\"},
  \"limits\":{\"dailyPerMailbox\":30,\"gapMinSeconds\":0,\"gapMaxSeconds\":0},
  \"unsubscribeFooter\":\"<p><a href=\\\"{{ unsubscribe_url }}\\\">Unsubscribe</a></p>\",
  \"sequence\":[
    {\"variants\":[{\"name\":\"A\",\"weight\":1,\"subject\":\"{Quick|Short} question, {{ first_name | default: \\\"there\\\" }}\",
                   \"html\":\"<p>{Hi|Hello} {{ first_name | default: \\\"there\\\" }}, how does {{ company | default: \\\"your team\\\" }} handle outreach?</p>\"}]},
    {\"delay\":{\"amount\":0,\"unit\":\"hours\"},\"replyInThread\":true,
     \"variants\":[{\"name\":\"A\",\"weight\":1,\"html\":\"<p>Following up, {{ first_name | default: \\\"there\\\" }}.</p>\"}]}]}")" 201 "create the campaign"
CAMPAIGN=$(field "$OUT/reply.json" .id)
echo "   $CAMPAIGN (draft)"

echo "7. Launching it once sending's copies know the mailboxes and the domain (mailbox.connected, domain.verified)"
for _ in $(seq 1 60); do
  status=$(call POST "$CAMPAIGNS/$CAMPAIGN/launch" '{}')
  [ "$status" = "200" ] && break
  [ "$status" = "422" ] || fail "launch answered HTTP $status: $(cat "$OUT/reply.json")"
  sleep 0.5
done
[ "$status" = "200" ] || fail "the campaign never passed its launch checks: $(cat "$OUT/reply.json")"
[ "$(field "$OUT/reply.json" .status)" = "active" ] || fail "the campaign should be active: $(cat "$OUT/reply.json")"
echo "   active; contacts resolves the audience (campaign.launched → campaign.audience.chunk → enrolments)"

echo "8. Firing the scheduler tick until each prospect got both emails"
total=0
for tick in $(seq 1 40); do
  curl -fsS -o "$OUT/tick.json" -X POST "$API/_local/schedules/sending/schedule-sends" || fail "the tick did not run"
  sleep 1
  total=0
  for spec in lena marco; do total=$((total + $(inbox_count "$spec@$PROSPECTS"))); done
  echo "   tick $tick: $total of 4 emails delivered"
  [ "$total" -ge 4 ] && break
done
[ "$total" = "4" ] || fail "expected 4 emails in GreenMail, found $total"

echo "9. Reading Lena's two emails back from GreenMail"
imap "lena@$PROSPECTS" "" "INBOX;UID=1" | tr -d '\r' > "$OUT/first.eml"
imap "lena@$PROSPECTS" "" "INBOX;UID=2" | tr -d '\r' > "$OUT/second.eml"
header() { sed -n "/^$1:/I{p;q}" "$2" | cut -d: -f2- | sed 's/^ //'; }
FIRST_ID=$(header Message-ID "$OUT/first.eml")
echo "   1st: From $(header From "$OUT/first.eml") | Subject: $(header Subject "$OUT/first.eml")"
echo "   2nd: From $(header From "$OUT/second.eml") | Subject: $(header Subject "$OUT/second.eml")"
echo "        In-Reply-To: $(header In-Reply-To "$OUT/second.eml")"
grep -qi '^DKIM-Signature:.*d='"$DOMAIN" "$OUT/first.eml" || grep -qi "d=$DOMAIN" "$OUT/first.eml" || fail "the first email is not DKIM-signed by $DOMAIN"
grep -qi '^List-Unsubscribe-Post: List-Unsubscribe=One-Click' "$OUT/first.eml" || fail "no one-click List-Unsubscribe-Post header"
[ "$(header In-Reply-To "$OUT/second.eml")" = "$FIRST_ID" ] || fail "the follow-up does not reply to $FIRST_ID"
header Subject "$OUT/second.eml" | grep -q '^Re: ' || fail "the follow-up's subject does not start with Re:"
[ "$(header From "$OUT/first.eml")" = "$(header From "$OUT/second.eml")" ] || fail "the follow-up left from another mailbox"
echo "   DKIM-signed by $DOMAIN, one-click unsubscribe, the follow-up threaded from the same mailbox"

echo "10. The campaign's stats"
for _ in $(seq 1 40); do
  expect "$(call GET "$CAMPAIGNS/$CAMPAIGN/stats")" 200 "stats"
  [ "$(field "$OUT/reply.json" .overall.sent)" = "4" ] && break
  sleep 0.5
done
[ "$(field "$OUT/reply.json" .overall.sent)" = "4" ] || fail "stats should count 4 sent: $(cat "$OUT/reply.json")"
echo "   sent 4: $(field "$OUT/reply.json" '.steps.map(s => "step " + s.step + " " + s.counts.sent).join(", ")')"

echo "11. Marco unsubscribes with the one-click POST of his link (RFC 8058)"
imap "marco@$PROSPECTS" "" "INBOX;UID=1" | tr -d '\r' > "$OUT/marco.eml"
LINK=$(node -e 'const m = require("fs").readFileSync(process.argv[1], "utf8")
    .replace(/\n[ \t]+/g, " ").match(/^List-Unsubscribe:.*<(https?:\/\/[^>]*?\/v1\/u\/[A-Za-z0-9_.-]+)>/im);
  process.stdout.write(m ? m[1] : "");' "$OUT/marco.eml")
[ -n "$LINK" ] || fail "no http(s) unsubscribe link in Marco's email"
case "$LINK" in "$API"/*) ;; *) fail "the unsubscribe link $LINK should point at this stack's API $API" ;; esac
status=$(curl -sS -o "$OUT/unsub.html" -w '%{http_code}' -X POST "$LINK" \
  -H 'Content-Type: application/x-www-form-urlencoded' --data 'List-Unsubscribe=One-Click')
[ "$status" = "200" ] || fail "the one-click POST answered HTTP $status: $(cat "$OUT/unsub.html")"
for _ in $(seq 1 60); do
  expect "$(call GET "/v1/workspaces/$WS/contacts/${contact_ids[1]//\"/}")" 200 "read marco"
  [ "$(field "$OUT/reply.json" .status)" = "unsubscribed" ] && break
  sleep 0.5
done
[ "$(field "$OUT/reply.json" .status)" = "unsubscribed" ] || fail "marco should be unsubscribed: $(cat "$OUT/reply.json")"
expect "$(call POST "/v1/workspaces/$WS/suppressions/check" "{\"email\":\"marco@$PROSPECTS\"}")" 200 "suppression check"
[ "$(field "$OUT/reply.json" .suppressed)" = "true" ] || fail "marco should be suppressed: $(cat "$OUT/reply.json")"
echo "   marco is unsubscribed and suppressed ($(field "$OUT/reply.json" '.matches.map(m => m.reason).join(", ")'))"

echo "Done: a campaign went from launch to threaded emails through the ticks, and an unsubscribe reached contacts."
