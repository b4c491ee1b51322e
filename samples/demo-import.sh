#!/usr/bin/env bash
# Imports a generated CSV of contacts through the local stack: signs up, declares a custom field, suppresses a
# domain, generates a CSV (valid rows, a bad address, a repeated address, a suppressed domain, a formula cell, an
# unknown column), starts an import, uploads the file with curl to the presigned S3 URL (the upload's S3 event
# starts the worker through the contacts-imports queue), polls the progress, prints the counts, lists a few
# imported contacts and prints the error report. Exits non-zero at the first step that does not happen.
#
#   samples/demo-import.sh [--help] [ROWS]      (ROWS: valid rows to generate, default 500)
#   ROWS is at most 500: the demo's new workspace is on the free plan, which holds 500 contacts (rows past them
#   would be skipped with "plan contact limit reached").
#
# Environment (the local stack prints both when it starts; set them when it runs on other ports):
#   PENGUINMAILS_API           the API base URL (default http://127.0.0.1:8080, as --api-port 8080)
#   PENGUINMAILS_MAIL_VIEWER   the sent-mail viewer (default http://127.0.0.1:8005, as --ses-port 8005)
# Needs curl and node (which the local stack needs too).
set -euo pipefail
# shellcheck source=lib/api.sh
. "$(dirname "$0")/lib/api.sh"

ROWS="${1:-500}"
case "$ROWS" in ''|*[!0-9]*) fail "ROWS must be a number: $ROWS" ;; esac
[ "$ROWS" -le 500 ] || fail "ROWS must be at most 500: the free plan of the demo's new workspace holds 500 contacts"
STAMP="$(date +%s)-$RANDOM"
EMAIL="import-demo+$STAMP@example.com"

echo "1. Checking the local stack at $API"
require_stack

echo "2. Signing up $EMAIL, verifying the address and logging in"
sign_in "$EMAIL" "violet-tractor-sings-Quarterly-42" "Import Demo" "Import Demo Agency"
IMPORTS="/v1/workspaces/$WS/contact-imports"
echo "   workspace $WS"

echo "3. Declaring the custom field seats (number) and suppressing the domain blocked.example"
expect "$(call PUT "/v1/workspaces/$WS/contact-fields/seats" '{"type":"number"}')" 201 "declare a custom field"
expect "$(call POST "/v1/workspaces/$WS/suppressions" '{"domain":"blocked.example","reason":"manual"}')" 201 "suppress a domain"

echo "4. Generating a CSV of $ROWS valid rows and 5 that are not"
CSV="$OUT/leads.csv"
node -e '
  const rows = Number(process.argv[1]);
  const lines = ["E-mail,First Name,Last Name,company name,Phone,Seats,Favourite colour"];
  for (let i = 1; i <= rows; i++) {
    lines.push(`lead${i}@example.com,Lead,Number ${i},Company ${i % 37},+1 415 555 ${String(1000 + i % 9000).padStart(4, "0")},${i % 50},blue`);
  }
  lines.push("not-an-address,Bad,Row,Nowhere,,1,red");
  lines.push("LEAD1@Example.com,Repeated,Row,Again,,2,green");
  lines.push("someone@blocked.example,Suppressed,Row,Blocked,,3,");
  lines.push("\"=HYPERLINK(\"\"http://evil.example\"\")\",Formula,Row,Evil,,4,");
  lines.push("seats@example.com,Seats,Row,Many,,lots,");
  require("fs").writeFileSync(process.argv[2], lines.join("\n") + "\n");' "$ROWS" "$CSV"
SIZE=$(wc -c < "$CSV" | tr -d ' ')
echo "   $((ROWS + 5)) rows, $SIZE bytes"

echo "5. Starting the import (dedupe update) and uploading the file to its presigned URL"
expect "$(call POST "$IMPORTS" "{\"format\":\"csv\",\"sizeBytes\":$SIZE,\"fileName\":\"leads.csv\",\"dedupe\":\"update\"}")" 201 "start an import"
ID=$(field "$OUT/reply.json" .contactImport.id)
URL=$(field "$OUT/reply.json" .upload.url)
TYPE=$(field "$OUT/reply.json" '.upload.headers["Content-Type"]')
[ -n "$ID" ] && [ -n "$URL" ] || fail "the import answered no id or upload URL: $(cat "$OUT/reply.json")"
STATUS=$(curl -sS -o "$OUT/upload.txt" -w '%{http_code}' -X PUT -H "Content-Type: $TYPE" --data-binary "@$CSV" "$URL")
[ "$STATUS" = "200" ] || fail "the upload answered HTTP $STATUS: $(cat "$OUT/upload.txt")"
echo "   $ID uploaded"

echo "6. Polling the progress"
STATE=""
for _ in $(seq 1 600); do
  expect "$(call GET "$IMPORTS/$ID")" 200 "read the import"
  STATE=$(field "$OUT/reply.json" .state)
  echo "   $STATE: $(field "$OUT/reply.json" .percent)% read, $(field "$OUT/reply.json" .rowsRead) rows"
  case "$STATE" in completed|failed) break ;; esac
  sleep 1
done
[ "$STATE" = "completed" ] || fail "the import did not complete: $(cat "$OUT/reply.json")"
CREATED=$(field "$OUT/reply.json" .created)
SKIPPED=$(field "$OUT/reply.json" .skipped)
FAILED=$(field "$OUT/reply.json" .failed)
echo "   read $(field "$OUT/reply.json" .rowsRead): created $CREATED, updated $(field "$OUT/reply.json" .updated), skipped $SKIPPED, failed $FAILED"
echo "   columns $(field "$OUT/reply.json" .columns), ignored $(field "$OUT/reply.json" .ignoredColumns)"
[ "$CREATED" = "$ROWS" ] || fail "expected $ROWS contacts created"
[ "$SKIPPED" = "2" ] || fail "expected the repeated and the suppressed address skipped"
[ "$FAILED" = "3" ] || fail "expected the bad address, the formula and the bad number to fail"

echo "7. The contacts are there"
expect "$(call GET "/v1/workspaces/$WS/contacts?limit=3")" 200 "list contacts"
node -e 'const p = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
  p.items.forEach(c => console.log(`   ${c.id} ${c.email} ${c.firstName} ${c.lastName}, ${c.company}, ${c.phone}, seats ${c.customFields.seats}`));' "$OUT/reply.json"

echo "8. The error report"
expect "$(call GET "$IMPORTS/$ID/errors")" 200 "error report URL"
REPORT=$(field "$OUT/reply.json" .url)
curl -fsS "$REPORT" -o "$OUT/errors.csv" || fail "the error report could not be downloaded from $REPORT"
sed 's/^/   /' "$OUT/errors.csv"
[ "$(wc -l < "$OUT/errors.csv" | tr -d ' ')" = "6" ] || fail "the report should have a header and 5 lines"
if grep -qE '(^|,)"?[=+@-]' "$OUT/errors.csv"; then fail "a cell of the report starts a formula"; fi
echo "OK"
