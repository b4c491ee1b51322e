#!/usr/bin/env bash
# Drives a running local stack through contact bulk operations: signs up, creates six contacts, waits until the
# query model holds them, saves a segment, then
#   - tags the segment's contacts (the contacts-bulk consumer changes each contact, versions and events included),
#   - adds a selection of contacts to a static list,
#   - deletes the contacts an inline definition matches,
# polling each operation's progress until it completes and checking the result from both sides: the contacts
# themselves (the system of record) and the query model (segment counts, list members). Then sends bad requests
# (400 naming each bad field, 404 for an unknown segment), which start nothing. Exits non-zero at the first step
# that does not happen.
#
#   samples/demo-bulk.sh [--help]
#
# Environment (the local stack prints both when it starts; set them when it runs on other ports):
#   PENGUINMAILS_API           the API base URL (default http://127.0.0.1:8080, as --api-port 8080)
#   PENGUINMAILS_MAIL_VIEWER   the sent-mail viewer (default http://127.0.0.1:8005, as --ses-port 8005)
# Needs curl and node (which the local stack needs too).
set -euo pipefail
# shellcheck source=lib/api.sh
. "$(dirname "$0")/lib/api.sh"

STAMP="$(date +%s)-$RANDOM"
EMAIL="bulk-demo+$STAMP@example.com"

# wait_operation PATH: polls a bulk operation until it is completed (60 s at most) and prints its counters.
wait_operation() {
  local path="$1" status=""
  for _ in $(seq 1 120); do
    expect "$(call GET "$path")" 200 "read the operation"
    status=$(field "$OUT/reply.json" .status)
    case "$status" in
      completed)
        echo "   completed: $(field "$OUT/reply.json" '.status && ["matched","processed","changed","unchanged","missing","failed"].map(k => k + " " + d[k]).join(", ")'), $(field "$OUT/reply.json" .percent)%"
        return 0 ;;
      failed) fail "the operation failed: $(cat "$OUT/reply.json")" ;;
    esac
    sleep 0.5
  done
  fail "the operation stayed $status for 60 s: $(cat "$OUT/reply.json")"
}

# counter NAME WANTED: checks one counter of the last operation read.
counter() {
  [ "$(field "$OUT/reply.json" ".$1")" = "$2" ] || fail "$1 should be $2: $(cat "$OUT/reply.json")"
}

echo "1. Checking the local stack at $API"
require_stack

echo "2. Signing up $EMAIL, verifying the address and logging in"
sign_in "$EMAIL" "violet-tractor-sings-Quarterly-42" "Bulk Demo" "Bulk Demo Agency"
CONTACTS="/v1/workspaces/$WS/contacts"
LISTS="/v1/workspaces/$WS/lists"
SEGMENTS="/v1/workspaces/$WS/segments"
BULK="/v1/workspaces/$WS/contact-bulk-operations"
echo "   workspace $WS"

echo "3. Creating six contacts: four leads at acme and globex, two partners at initech"
ids=()
for spec in 'ana@acme.com lead' 'bo@acme.com lead' 'cy@globex.io lead' 'di@globex.io lead' 'ed@initech.io partner' 'flo@initech.io partner'; do
  read -r address tag <<<"$spec"
  expect "$(call POST "$CONTACTS" "{\"email\":\"$address\",\"tags\":[\"$tag\"]}")" 201 "create $address"
  ids+=("$(field "$OUT/reply.json" .id)")
done
echo "   ${#ids[@]} contacts"

echo "4. Waiting for the query model to hold them (contact.created through the contacts-projection queue)"
wait_count "$SEGMENTS/preview" '{"definition":{"match":"all","rules":[{"field":"email","op":"is_not_empty"}]},"sampleSize":0}' 6 "preview of every contact"
echo "   6 contacts in the query model"

echo "5. Tagging the saved segment 'Leads' with q3-outreach"
expect "$(call POST "$SEGMENTS" '{"name":"Leads","definition":{"match":"all","rules":[{"field":"tags","op":"has_any","values":["lead"]}]}}')" 201 "save a segment"
SEGMENT=$(field "$OUT/reply.json" .id)
expect "$(call POST "$BULK" "{\"action\":\"tag\",\"tags\":[\"q3-outreach\"],\"segmentId\":\"$SEGMENT\"}")" 202 "start tagging"
TAGGING=$(field "$OUT/reply.json" .id)
counter matched 4
echo "   $TAGGING queued over 4 contacts"
wait_operation "$BULK/$TAGGING"
counter changed 4
expect "$(call GET "$CONTACTS/${ids[0]}")" 200 "read ana"
[ "$(field "$OUT/reply.json" '.tags.includes("q3-outreach")')" = "true" ] || fail "ana has no q3-outreach tag: $(cat "$OUT/reply.json")"
expect "$(call GET "$CONTACTS/${ids[4]}")" 200 "read ed"
[ "$(field "$OUT/reply.json" '.tags.includes("q3-outreach")')" = "false" ] || fail "ed, a partner, was tagged: $(cat "$OUT/reply.json")"
wait_count "$SEGMENTS/preview" '{"definition":{"match":"all","rules":[{"field":"tags","op":"has_any","values":["q3-outreach"]}]},"sampleSize":0}' 4 "preview of q3-outreach"
echo "   ana's contact carries the tag; the query model counts 4 tagged; the partners are untouched"

echo "6. Tagging the same segment again changes nothing"
expect "$(call POST "$BULK" "{\"action\":\"tag\",\"tags\":[\"q3-outreach\"],\"segmentId\":\"$SEGMENT\"}")" 202 "tag again"
wait_operation "$BULK/$(field "$OUT/reply.json" .id)"
counter changed 0
counter unchanged 4

echo "7. Adding a selection (ed, flo and an id from nowhere) to the list 'Partners'"
expect "$(call POST "$LISTS" '{"name":"Partners"}')" 201 "create a list"
LIST=$(field "$OUT/reply.json" .id)
expect "$(call POST "$BULK" "{\"action\":\"add_to_list\",\"listId\":\"$LIST\",\"contactIds\":[\"${ids[4]}\",\"${ids[5]}\",\"con_01KBHY3B5C7D9E1F3G5H7J9K1M\"]}")" 202 "add to list"
counter matched 2
wait_operation "$BULK/$(field "$OUT/reply.json" .id)"
expect "$(call GET "$LISTS/$LIST/members")" 200 "list members"
[ "$(field "$OUT/reply.json" '.items.map(i => i.email).sort().join(",")')" = "ed@initech.io,flo@initech.io" ] || fail "the list should hold ed and flo: $(cat "$OUT/reply.json")"
echo "   the unknown id was dropped from the snapshot; the list holds ed and flo"

echo "8. Deleting the contacts at globex.io (an inline definition)"
expect "$(call POST "$BULK" '{"action":"delete","definition":{"match":"all","rules":[{"field":"domain","op":"eq","value":"globex.io"}]}}')" 202 "start deleting"
DELETING=$(field "$OUT/reply.json" .id)
counter matched 2
wait_operation "$BULK/$DELETING"
counter changed 2
expect "$(call GET "$CONTACTS/${ids[2]}")" 404 "read deleted cy"
wait_count "$SEGMENTS/$SEGMENT/count" "" 2 "the Leads segment after the deletion"
echo "   cy and di are gone from the contacts and from the Leads segment (now 2)"

echo "9. Bad requests name every bad field and start nothing"
expect "$(call POST "$BULK" '{"action":"paint","contactIds":[],"segmentId":"seg_x"}')" 400 "bad operation"
echo "   400: $(field "$OUT/reply.json" '.errors.map(e => e.field).join(", ")')"
expect "$(call POST "$BULK" '{"action":"tag","tags":["x"],"segmentId":"seg_01KBHY3B5C7D9E1F3G5H7J9K1M"}')" 404 "unknown segment"
echo "   404 for an unknown segment"
expect "$(call GET "$BULK")" 200 "list operations"
[ "$(field "$OUT/reply.json" '.items.length')" = "4" ] || fail "four operations should be listed: $(cat "$OUT/reply.json")"
echo "   the workspace lists its 4 operations, newest first"

echo "Done: bulk operations resolve their target once, change contacts through the contacts family, and report progress."
