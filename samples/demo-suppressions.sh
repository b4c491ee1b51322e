#!/usr/bin/env bash
# Imports a suppression list from a generated CSV and exports it again, through the local stack: signs up,
# generates a CSV (addresses and domains with reasons, a bad address, a public suffix, an unknown reason, a repeated
# row), starts a suppression import, uploads the file with curl to the presigned S3 URL (its S3 event starts the
# worker through the contacts-imports queue), polls it, prints the counts and the error report, imports the same
# file again (nothing changes: every entry is counted existing), imports contacts to show that the suppressed
# addresses are skipped, and exports the list as CSV (formula cells made inert). Exits non-zero at the first step
# that does not happen.
#
#   samples/demo-suppressions.sh [--help] [ROWS]      (ROWS: valid addresses to generate, default 200)
#
# Environment (the local stack prints both when it starts; set them when it runs on other ports):
#   PENGUINMAILS_API           the API base URL (default http://127.0.0.1:8080, as --api-port 8080)
#   PENGUINMAILS_MAIL_VIEWER   the sent-mail viewer (default http://127.0.0.1:8005, as --ses-port 8005)
# Needs curl and node (which the local stack needs too).
set -euo pipefail
# shellcheck source=lib/api.sh
. "$(dirname "$0")/lib/api.sh"

ROWS="${1:-200}"
case "$ROWS" in ''|*[!0-9]*) fail "ROWS must be a number: $ROWS" ;; esac
STAMP="$(date +%s)-$RANDOM"
EMAIL="suppression-demo+$STAMP@example.com"

echo "1. Checking the local stack at $API"
require_stack

echo "2. Signing up $EMAIL, verifying the address and logging in"
sign_in "$EMAIL" "violet-tractor-sings-Quarterly-42" "Suppression Demo" "Suppression Demo Agency"
IMPORTS="/v1/workspaces/$WS/suppression-imports"
echo "   workspace $WS"

echo "3. Generating a CSV of $ROWS addresses, 2 domains and 4 rows that do not go in"
CSV="$OUT/suppressions.csv"
node -e '
  const rows = Number(process.argv[1]);
  const reasons = ["unsubscribed", "hard-bounce", "complaint", ""];
  const lines = ["Email,Domain,Reason,Comment"];
  for (let i = 1; i <= rows; i++) lines.push(`gone${i}@example.com,,${reasons[i % 4]},from the old tool`);
  lines.push(",bounces.example,hard-bounce,");
  lines.push(",competitor.example,,");
  lines.push("=cmd@evil.example,,complaint,a formula in the export");
  lines.push("not-an-address,,manual,");
  lines.push(",co.uk,manual,a public suffix");
  lines.push("someone@example.org,,spam,an unknown reason");
  lines.push("GONE1@example.com,,manual,repeats row 2");
  require("fs").writeFileSync(process.argv[2], lines.join("\n") + "\n");' "$ROWS" "$CSV"
SIZE=$(wc -c < "$CSV" | tr -d ' ')
echo "   $((ROWS + 7)) rows, $SIZE bytes"

# import_file: starts a suppression import of $CSV, uploads it and polls it until it ends; the import is in reply.json.
import_file() {
  expect "$(call POST "$IMPORTS" "{\"format\":\"csv\",\"sizeBytes\":$SIZE,\"fileName\":\"suppressions.csv\",\"defaultReason\":\"unsubscribed\"}")" 201 "start a suppression import"
  ID=$(field "$OUT/reply.json" .suppressionImport.id)
  local url type status state=""
  url=$(field "$OUT/reply.json" .upload.url)
  type=$(field "$OUT/reply.json" '.upload.headers["Content-Type"]')
  [ -n "$ID" ] && [ -n "$url" ] || fail "the import answered no id or upload URL: $(cat "$OUT/reply.json")"
  status=$(curl -sS -o "$OUT/upload.txt" -w '%{http_code}' -X PUT -H "Content-Type: $type" --data-binary "@$CSV" "$url")
  [ "$status" = "200" ] || fail "the upload answered HTTP $status: $(cat "$OUT/upload.txt")"
  for _ in $(seq 1 300); do
    expect "$(call GET "$IMPORTS/$ID")" 200 "read the import"
    state=$(field "$OUT/reply.json" .state)
    case "$state" in completed|failed) break ;; esac
    sleep 1
  done
  [ "$state" = "completed" ] || fail "the import did not complete: $(cat "$OUT/reply.json")"
  echo "   $ID: read $(field "$OUT/reply.json" .rowsRead), added $(field "$OUT/reply.json" .added), existing $(field "$OUT/reply.json" .existing), skipped $(field "$OUT/reply.json" .skipped), failed $(field "$OUT/reply.json" .failed)"
}

echo "4. Importing the file"
import_file
[ "$(field "$OUT/reply.json" .added)" = "$((ROWS + 3))" ] || fail "expected $((ROWS + 3)) entries added"
[ "$(field "$OUT/reply.json" .skipped)" = "1" ] || fail "expected the repeated row skipped"
[ "$(field "$OUT/reply.json" .failed)" = "3" ] || fail "expected the bad address, the public suffix and the unknown reason to fail"

echo "5. The error report"
expect "$(call GET "$IMPORTS/$ID/errors")" 200 "error report URL"
curl -fsS "$(field "$OUT/reply.json" .url)" -o "$OUT/errors.csv" || fail "the error report could not be downloaded"
sed 's/^/   /' "$OUT/errors.csv"
[ "$(wc -l < "$OUT/errors.csv" | tr -d ' ')" = "5" ] || fail "the report should have a header and 4 lines"

echo "6. Importing the same file again changes nothing"
import_file
[ "$(field "$OUT/reply.json" .added)" = "0" ] || fail "a second import added entries"
[ "$(field "$OUT/reply.json" .existing)" = "$((ROWS + 3))" ] || fail "expected every entry counted existing"

echo "7. A contact import skips the suppressed addresses"
printf 'email,firstName\ngone1@example.com,Gone\nana@bounces.example,Ana\nnew@example.net,New\n' > "$OUT/contacts.csv"
CSIZE=$(wc -c < "$OUT/contacts.csv" | tr -d ' ')
expect "$(call POST "/v1/workspaces/$WS/contact-imports" "{\"format\":\"csv\",\"sizeBytes\":$CSIZE}")" 201 "start a contact import"
CID=$(field "$OUT/reply.json" .contactImport.id)
STATUS=$(curl -sS -o "$OUT/upload.txt" -w '%{http_code}' -X PUT -H "Content-Type: text/csv" --data-binary "@$OUT/contacts.csv" "$(field "$OUT/reply.json" .upload.url)")
[ "$STATUS" = "200" ] || fail "the contact upload answered HTTP $STATUS"
for _ in $(seq 1 120); do
  expect "$(call GET "/v1/workspaces/$WS/contact-imports/$CID")" 200 "read the contact import"
  case "$(field "$OUT/reply.json" .state)" in completed|failed) break ;; esac
  sleep 1
done
echo "   created $(field "$OUT/reply.json" .created), skipped $(field "$OUT/reply.json" .skipped)"
[ "$(field "$OUT/reply.json" .created)" = "1" ] && [ "$(field "$OUT/reply.json" .skipped)" = "2" ] \
  || fail "expected the two suppressed addresses skipped: $(cat "$OUT/reply.json")"

echo "8. Exporting the list"
expect "$(call GET "/v1/workspaces/$WS/suppressions/export")" 200 "export the list"
ENTRIES=$(field "$OUT/reply.json" .entries)
curl -fsS "$(field "$OUT/reply.json" .url)" -o "$OUT/export.csv" || fail "the export could not be downloaded"
head -4 "$OUT/export.csv" | sed 's/^/   /'
echo "   …"
grep -F "cmd@evil.example" "$OUT/export.csv" | sed 's/^/   /'
[ "$ENTRIES" = "$((ROWS + 3))" ] || fail "expected $((ROWS + 3)) entries exported, not $ENTRIES"
[ "$(wc -l < "$OUT/export.csv" | tr -d ' ')" = "$((ROWS + 4))" ] || fail "the file should have a header and a line per entry"
grep -q "^email,'=cmd@evil.example,complaint,import," "$OUT/export.csv" || fail "the formula cell is not made inert"
if grep -qE '(^|,)[=+@-]' "$OUT/export.csv"; then fail "a cell of the export starts a formula"; fi
echo "OK"
