#!/usr/bin/env bash
# Drives a running local stack through a workspace's contacts: signs up, declares a custom field, creates a
# contact (normalised: email domain, E.164 phone, time zone, tags, typed custom field), tries the same address
# again in another case (409 naming the first contact), lists, changes a field, suppresses the contact's domain
# and checks the address (suppressed), removes the entry and checks again, and deletes the contact.
# Exits non-zero at the first step that does not happen.
#
#   samples/demo-contacts.sh [--help]
#
# Environment (the local stack prints both when it starts; set them when it runs on other ports):
#   PENGUINMAILS_API           the API base URL (default http://127.0.0.1:8080, as --api-port 8080)
#   PENGUINMAILS_MAIL_VIEWER   the sent-mail viewer (default http://127.0.0.1:8005, as --ses-port 8005)
# Needs curl and node (which the local stack needs too).
set -euo pipefail
# shellcheck source=lib/api.sh
. "$(dirname "$0")/lib/api.sh"

STAMP="$(date +%s)-$RANDOM"
EMAIL="contacts-demo+$STAMP@example.com"

echo "1. Checking the local stack at $API"
require_stack

echo "2. Signing up $EMAIL, verifying the address and logging in"
sign_in "$EMAIL" "violet-tractor-sings-Quarterly-42" "Contacts Demo" "Contacts Demo Agency"
CONTACTS="/v1/workspaces/$WS/contacts"
SUPPRESSIONS="/v1/workspaces/$WS/suppressions"
echo "   workspace $WS"

echo "3. Declaring the custom field seats (number)"
expect "$(call PUT "/v1/workspaces/$WS/contact-fields/seats" '{"type":"number"}')" 201 "declare a custom field"

echo "4. Creating a contact from untidy input"
expect "$(call POST "$CONTACTS" '{"email":" Ana.Souza@Bücher.DE ","firstName":" Ana ","lastName":"Souza",
  "phone":"+55 11 98765-4321","timezone":"america/sao_paulo","tags":["Lead"," LEAD ","Q4"],
  "customFields":{"seats":12.50}}')" 201 "create contact"
ID=$(field "$OUT/reply.json" .id)
[ "$(field "$OUT/reply.json" .email)" = "Ana.Souza@xn--bcher-kva.de" ] || fail "the email was not normalised: $(cat "$OUT/reply.json")"
[ "$(field "$OUT/reply.json" .phone)" = "+5511987654321" ] || fail "the phone is not E.164: $(cat "$OUT/reply.json")"
echo "   $ID: $(field "$OUT/reply.json" .email), $(field "$OUT/reply.json" .phone), $(field "$OUT/reply.json" .timezone), tags $(field "$OUT/reply.json" .tags), custom $(field "$OUT/reply.json" .customFields)"

echo "5. The same address in another case is the same contact"
expect "$(call POST "$CONTACTS" '{"email":"ANA.SOUZA@bücher.de"}')" 409 "duplicate contact"
[ "$(field "$OUT/reply.json" .type)" = "https://penguinmails.dev/problems/contact-exists" ] || fail "a duplicate should be contact-exists: $(cat "$OUT/reply.json")"
grep -q "$ID" "$OUT/reply.json" || fail "the conflict does not name $ID: $(cat "$OUT/reply.json")"
echo "   409 contact-exists, naming $ID"

echo "6. Bad input is refused field by field, and nothing is written"
expect "$(call POST "$CONTACTS" '{"email":"not-an-email","phone":"12","timezone":"PST"}')" 400 "bad contact"
echo "   400: $(node -e 'const p = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
  console.log(p.errors.map(e => e.field).join(", "))' "$OUT/reply.json")"

echo "7. Listing and changing"
expect "$(call GET "$CONTACTS?limit=10")" 200 "list contacts"
[ "$(field "$OUT/reply.json" '.items.length')" = "1" ] || fail "the list should hold one contact: $(cat "$OUT/reply.json")"
expect "$(call PATCH "$CONTACTS/$ID" '{"title":"Head of Sales","customFields":{"seats":15}}')" 200 "change contact"
echo "   version $(field "$OUT/reply.json" .version), title $(field "$OUT/reply.json" .title), seats $(field "$OUT/reply.json" .customFields.seats)"

echo "8. Suppressing the contact's domain, then checking the address"
expect "$(call POST "$SUPPRESSIONS" '{"domain":"bücher.de","reason":"manual"}')" 201 "suppress a domain"
SUPPRESSION=$(field "$OUT/reply.json" .id)
expect "$(call POST "$SUPPRESSIONS/check" '{"email":"ana.souza@Bücher.de"}')" 200 "check"
[ "$(field "$OUT/reply.json" .suppressed)" = "true" ] || fail "the address should be suppressed: $(cat "$OUT/reply.json")"
echo "   suppressed by $(field "$OUT/reply.json" '.matches[0].suppressionId')"
expect "$(call DELETE "$SUPPRESSIONS/$SUPPRESSION")" 204 "remove the suppression"
expect "$(call POST "$SUPPRESSIONS/check" '{"email":"ana.souza@Bücher.de"}')" 200 "check"
[ "$(field "$OUT/reply.json" .suppressed)" = "false" ] || fail "the address should be mailable again: $(cat "$OUT/reply.json")"
echo "   removed: mailable again"

echo "9. Deleting the contact"
expect "$(call DELETE "$CONTACTS/$ID")" 204 "delete contact"
expect "$(call GET "$CONTACTS/$ID")" 404 "read a deleted contact"
echo "   gone"
echo "OK"
