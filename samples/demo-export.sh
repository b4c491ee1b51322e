#!/usr/bin/env bash
# Drives a running local stack through filtered contact exports: signs up, declares a custom field, creates four
# contacts (one with cells a spreadsheet would run as formulas), waits until the query model holds them, saves a
# segment, exports it (the contacts-exports consumer writes the CSV to S3 by a multipart upload), polls until the
# export completes, downloads the file through its presigned URL with curl, and checks its rows, its columns and
# that the formula cells are prefixed with a quote; then exports every contact with chosen columns, and sends a bad
# request (400 naming each bad column and rule). Exits non-zero at the first step that does not happen.
#
#   samples/demo-export.sh [--help]
#
# Environment (the local stack prints both when it starts; set them when it runs on other ports):
#   PENGUINMAILS_API           the API base URL (default http://127.0.0.1:8080, as --api-port 8080)
#   PENGUINMAILS_MAIL_VIEWER   the sent-mail viewer (default http://127.0.0.1:8005, as --ses-port 8005)
# Needs curl and node (which the local stack needs too).
set -euo pipefail
# shellcheck source=lib/api.sh
. "$(dirname "$0")/lib/api.sh"

STAMP="$(date +%s)-$RANDOM"
EMAIL="export-demo+$STAMP@example.com"

# wait_export PATH: polls an export until it is completed (60 s at most); fails if it fails.
wait_export() {
  local path="$1" state=""
  for _ in $(seq 1 120); do
    expect "$(call GET "$path")" 200 "read the export"
    state=$(field "$OUT/reply.json" .state)
    case "$state" in
      completed) return 0 ;;
      failed) fail "the export failed: $(cat "$OUT/reply.json")" ;;
    esac
    sleep 0.5
  done
  fail "the export stayed $state for 60 s: $(cat "$OUT/reply.json")"
}

# csv_check FILE SCRIPT: runs a JavaScript check over the CSV's rows (a tiny RFC 4180 reader); prints what it returns.
csv_check() {
  node -e 'const text = require("fs").readFileSync(process.argv[1], "utf8");
    if (text.charCodeAt(0) !== 0xFEFF) { console.error("no UTF-8 byte order mark"); process.exit(1); }
    const rows = []; let row = [], cell = "", quoted = false;
    for (let i = 1; i < text.length; i++) {
      const ch = text[i];
      if (quoted) { if (ch === "\"") { if (text[i + 1] === "\"") { cell += "\""; i++; } else quoted = false; } else cell += ch; }
      else if (ch === "\"") quoted = true;
      else if (ch === ",") { row.push(cell); cell = ""; }
      else if (ch === "\n") { row.push(cell.replace(/\r$/, "")); rows.push(row); row = []; cell = ""; }
      else cell += ch;
    }
    if (cell !== "" || row.length) { row.push(cell); rows.push(row); }
    const check = new Function("rows", process.argv[2]);
    const result = check(rows);
    if (result !== true) { console.error(String(result)); process.exit(1); }' "$1" "$2"
}

echo "1. Checking the local stack at $API"
require_stack

echo "2. Signing up $EMAIL, verifying the address and logging in"
sign_in "$EMAIL" "violet-tractor-sings-Quarterly-42" "Export Demo" "Export Demo Agency"
CONTACTS="/v1/workspaces/$WS/contacts"
SEGMENTS="/v1/workspaces/$WS/segments"
EXPORTS="/v1/workspaces/$WS/contact-exports"
echo "   workspace $WS"

echo "3. Declaring plan (text) and creating four contacts"
expect "$(call PUT "/v1/workspaces/$WS/contact-fields/plan" '{"type":"text"}')" 201 "declare a custom field"
for spec in 'ana@acme.com lead Ana' 'bo@acme.com lead Bo' 'cy@globex.io customer Cy'; do
  read -r address tag first <<<"$spec"
  expect "$(call POST "$CONTACTS" "{\"email\":\"$address\",\"firstName\":\"$first\",\"tags\":[\"$tag\"],\"customFields\":{\"plan\":\"growth\"}}")" 201 "create $address"
done
expect "$(call POST "$CONTACTS" '{"email":"eve@evil.example","firstName":"=HYPERLINK(\"http://evil.example\",\"x\")","company":"@SUM(A1)","tags":["lead"],"customFields":{"plan":"+1 cmd"}}')" 201 "create eve"
echo "   ana, bo and eve are leads; eve's name, company and plan start with = @ +"

echo "4. Waiting for the query model to hold them (contact.created through the contacts-projection queue)"
for _ in $(seq 1 60); do
  expect "$(call POST "$SEGMENTS/preview" '{"definition":{"match":"all","rules":[{"field":"email","op":"is_not_empty"}]},"sampleSize":0}')" 200 "preview"
  [ "$(field "$OUT/reply.json" .count)" = "4" ] && break
  sleep 0.5
done
[ "$(field "$OUT/reply.json" .count)" = "4" ] || fail "the query model holds $(field "$OUT/reply.json" .count) contacts, not 4, after 30 s"

echo "5. Saving the segment 'Leads' and exporting it"
expect "$(call POST "$SEGMENTS" '{"name":"Leads","definition":{"match":"all","rules":[{"field":"tags","op":"has_any","values":["lead"]}]}}')" 201 "save a segment"
SEGMENT=$(field "$OUT/reply.json" .id)
expect "$(call POST "$EXPORTS" "{\"segmentId\":\"$SEGMENT\",\"columns\":[\"email\",\"firstName\",\"company\",\"custom.plan\"]}")" 202 "create an export"
EXPORT=$(field "$OUT/reply.json" .id)
[ "$(field "$OUT/reply.json" .total)" = "3" ] || fail "the export should count 3 leads: $(cat "$OUT/reply.json")"
echo "   $EXPORT queued, total 3"

echo "6. Waiting for the contacts-exports consumer to write the file"
wait_export "$EXPORTS/$EXPORT"
[ "$(field "$OUT/reply.json" .rowsWritten)" = "3" ] || fail "3 rows should be written: $(cat "$OUT/reply.json")"
URL=$(field "$OUT/reply.json" .download.url)
[ -n "$URL" ] || fail "a completed export has no download: $(cat "$OUT/reply.json")"
echo "   completed: 3 rows, $(field "$OUT/reply.json" .sizeBytes) bytes, download until $(field "$OUT/reply.json" .download.expiresAt)"

echo "7. Downloading it through the presigned URL (no token) and checking it"
curl -fsS -o "$OUT/leads.csv" "$URL" || fail "the presigned URL did not answer the file"
csv_check "$OUT/leads.csv" '
  const header = rows[0].join(",");
  if (header !== "email,firstName,company,plan") return "header is " + header;
  if (rows.length !== 4) return "expected 3 rows, got " + (rows.length - 1);
  const emails = rows.slice(1).map(r => r[0]).sort().join(",");
  if (emails !== "ana@acme.com,bo@acme.com,eve@evil.example") return "rows are " + emails;
  const eve = rows.find(r => r[0] === "eve@evil.example");
  if (eve[1] !== "\x27=HYPERLINK(\"http://evil.example\",\"x\")" || eve[2] !== "\x27@SUM(A1)" || eve[3] !== "\x27+1 cmd")
    return "formula cells are not escaped: " + JSON.stringify(eve);
  return true;'
sed 's/^/   | /' "$OUT/leads.csv"

echo "8. Exporting every contact with the default columns"
expect "$(call POST "$EXPORTS" '{}')" 202 "export everything"
ALL=$(field "$OUT/reply.json" .id)
wait_export "$EXPORTS/$ALL"
curl -fsS -o "$OUT/all.csv" "$(field "$OUT/reply.json" .download.url)" || fail "the presigned URL did not answer the file"
csv_check "$OUT/all.csv" '
  if (rows.length !== 5) return "expected 4 rows, got " + (rows.length - 1);
  const h = rows[0].join(",");
  return h === "id,email,firstName,lastName,company,title,phone,timezone,tags,status,source,createdAt,updatedAt,plan" || "header is " + h;'
expect "$(call GET "$EXPORTS")" 200 "list exports"
[ "$(field "$OUT/reply.json" '.items.map(i => i.id).join(",")')" = "$ALL,$EXPORT" ] || fail "exports should be listed newest first: $(cat "$OUT/reply.json")"
echo "   4 rows, 14 columns; the list shows both exports, newest first"

echo "9. A bad request names every bad column and rule, and queues nothing"
expect "$(call POST "$EXPORTS" '{"definition":{"match":"all","rules":[{"field":"password","op":"eq","value":"x"}]},"columns":["email","shoeSize"]}')" 400 "bad export"
echo "   400: $(field "$OUT/reply.json" '.errors.map(e => e.field).join(", ")')"
expect "$(call POST "$EXPORTS" '{"segmentId":"seg_01KBHY3B5C7D9E1F3G5H7J9K1M"}')" 404 "unknown segment"
echo "   404 for an unknown segment"

echo "Done: filtered exports are written off the request, downloaded through presigned URLs, formula cells escaped."
