#!/usr/bin/env bash
# Drives a running local stack through signup: creates an account, then waits for its verification
# email in the sent-mail viewer. Exits non-zero at the first step that does not happen.
#
#   samples/demo-identity.sh [--help]
#
# Environment (the local stack prints both when it starts; set them when it runs on other ports):
#   PENGUINMAILS_API           the API base URL (default http://127.0.0.1:8080, as --api-port 8080)
#   PENGUINMAILS_MAIL_VIEWER   the sent-mail viewer (default http://127.0.0.1:8005, as --ses-port 8005)
set -euo pipefail

if [ "${1:-}" = "--help" ] || [ "${1:-}" = "-h" ]; then
  sed -n '2,/^set -euo/p' "$0" | sed -e '/^set -euo/d' -e 's/^# \{0,1\}//'
  exit 0
fi

API="${PENGUINMAILS_API:-http://127.0.0.1:8080}"
MAIL="${PENGUINMAILS_MAIL_VIEWER:-http://127.0.0.1:8005}"
EMAIL="demo+$(date +%s)-$RANDOM@example.com"

fail() { echo "FAILED: $*" >&2; exit 1; }

echo "1. Checking the local stack at $API"
curl -fsS "$API/_local/health" >/dev/null || fail "the local stack is not running (start it with ./run-local.sh)"

echo "2. Signing up $EMAIL"
status=$(curl -sS -o /tmp/penguinmails-signup.json -w '%{http_code}' -X POST "$API/v1/signup" \
  -H 'Content-Type: application/json' -H "Idempotency-Key: demo-$RANDOM$RANDOM" \
  -d "{\"email\":\"$EMAIL\",\"password\":\"violet-tractor-sings-Quarterly-42\",\"name\":\"Demo Person\",\"workspaceName\":\"Demo Agency\"}")
[ "$status" = "202" ] || fail "signup answered HTTP $status: $(cat /tmp/penguinmails-signup.json)"
cat /tmp/penguinmails-signup.json; echo

echo "3. Waiting for the email to $EMAIL in the sent-mail viewer"
start=$(date +%s%N)
for _ in $(seq 1 50); do
  if curl -fsS "$MAIL/store" | grep -q "$EMAIL"; then
    elapsed=$(( ($(date +%s%N) - start) / 1000000 ))
    echo "   arrived after ${elapsed} ms: see $MAIL/"
    echo "OK"
    exit 0
  fi
  sleep 0.1
done
fail "no email to $EMAIL within 5 s"
