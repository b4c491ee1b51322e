#!/usr/bin/env bash
# Drives a running local stack through lists and segments: signs up, declares a custom field, creates four
# contacts, waits until the query model holds them (contact.* events through the contacts-projection queue),
# makes a static list of two, saves a segment (a tag AND (seats > 10 OR in the list)), checks its count and
# contacts, previews an unsaved definition, sends a bad one (400 naming each bad rule), then changes a contact and
# watches the count move. Exits non-zero at the first step that does not happen.
#
#   samples/demo-segments.sh [--help]
#
# Environment (the local stack prints both when it starts; set them when it runs on other ports):
#   PENGUINMAILS_API           the API base URL (default http://127.0.0.1:8080, as --api-port 8080)
#   PENGUINMAILS_MAIL_VIEWER   the sent-mail viewer (default http://127.0.0.1:8005, as --ses-port 8005)
# Needs curl and node (which the local stack needs too).
set -euo pipefail
# shellcheck source=lib/api.sh
. "$(dirname "$0")/lib/api.sh"

STAMP="$(date +%s)-$RANDOM"
EMAIL="segments-demo+$STAMP@example.com"

echo "1. Checking the local stack at $API"
require_stack

echo "2. Signing up $EMAIL, verifying the address and logging in"
sign_in "$EMAIL" "violet-tractor-sings-Quarterly-42" "Segments Demo" "Segments Demo Agency"
CONTACTS="/v1/workspaces/$WS/contacts"
LISTS="/v1/workspaces/$WS/lists"
SEGMENTS="/v1/workspaces/$WS/segments"
echo "   workspace $WS"

echo "3. Declaring seats (number) and creating four contacts"
expect "$(call PUT "/v1/workspaces/$WS/contact-fields/seats" '{"type":"number"}')" 201 "declare a custom field"
ids=()
for spec in 'ana@acme.com lead 40' 'bo@acme.com lead 3' 'cy@globex.io lead 2' 'dee@globex.io customer 90'; do
  read -r address tag seats <<<"$spec"
  expect "$(call POST "$CONTACTS" "{\"email\":\"$address\",\"tags\":[\"$tag\"],\"customFields\":{\"seats\":$seats}}")" 201 "create $address"
  ids+=("$(field "$OUT/reply.json" .id)")
  echo "   $address: ${ids[-1]}, tag $tag, seats $seats"
done

ALL='{"definition":{"match":"all","rules":[{"field":"email","op":"is_not_empty"}]},"sampleSize":0}'
echo "4. Waiting for the query model to hold them (contact.created through the contacts-projection queue)"
wait_count "$SEGMENTS/preview" "$ALL" 4 "preview of every contact"
echo "   4 contacts in the query model"

echo "5. A static list of bo and cy"
expect "$(call POST "$LISTS" '{"name":"Webinar attendees"}')" 201 "create a list"
LIST=$(field "$OUT/reply.json" .id)
expect "$(call POST "$LISTS/$LIST/members" "{\"contactIds\":[\"${ids[1]}\",\"${ids[2]}\"]}")" 204 "add members"
expect "$(call GET "$LISTS/$LIST/members")" 200 "list members"
[ "$(field "$OUT/reply.json" '.items.length')" = "2" ] || fail "the list should hold two members: $(cat "$OUT/reply.json")"
echo "   $LIST: $(field "$OUT/reply.json" '.items.map(i => i.email).join(", ")')"

echo "6. Saving a segment: tag lead AND (seats > 10 OR in the list)"
expect "$(call POST "$SEGMENTS" "{\"name\":\"Warm leads\",\"definition\":{\"match\":\"all\",\"rules\":[
  {\"field\":\"tags\",\"op\":\"has_any\",\"values\":[\"lead\"]},
  {\"match\":\"any\",\"rules\":[{\"field\":\"custom.seats\",\"op\":\"gt\",\"value\":10},
                              {\"field\":\"list\",\"op\":\"in_list\",\"value\":\"$LIST\"}]}]}}")" 201 "save a segment"
SEGMENT=$(field "$OUT/reply.json" .id)
expect "$(call GET "$SEGMENTS/$SEGMENT/count")" 200 "segment count"
[ "$(field "$OUT/reply.json" .count)" = "3" ] || fail "the segment should match ana, bo and cy: $(cat "$OUT/reply.json")"
expect "$(call GET "$SEGMENTS/$SEGMENT/contacts?limit=10")" 200 "segment contacts"
echo "   $SEGMENT counts 3: $(field "$OUT/reply.json" '.items.map(i => i.email).join(", ")')"

echo "7. A bad definition names every bad rule"
expect "$(call POST "$SEGMENTS/preview" '{"definition":{"match":"all","rules":[{"field":"password","op":"eq","value":"x"},
  {"field":"custom.seats","op":"contains","value":"1"}]}}')" 400 "bad definition"
echo "   400: $(field "$OUT/reply.json" '.errors.map(e => e.field).join(", ")')"

echo "8. cy becomes a customer: the segment's count moves"
expect "$(call PATCH "$CONTACTS/${ids[2]}" '{"tags":["customer"]}')" 200 "change a contact"
wait_count "$SEGMENTS/$SEGMENT/count" "" 2 "segment count after the change"
echo "   the segment now counts 2"

echo "Done: lists and segments follow the contacts."
