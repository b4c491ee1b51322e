# Shared by the samples: --help (the script's header comment), where the local stack is (API, MAIL), a
# temporary folder (OUT), calling the API and signing a new person in. Source it first thing after
# `set -euo pipefail`; it needs curl and node.

if [ "${1:-}" = "--help" ] || [ "${1:-}" = "-h" ]; then
  sed -n '2,/^set -euo/p' "$0" | sed -e '/^set -euo/d' -e 's/^# \{0,1\}//'
  exit 0
fi

API="${PENGUINMAILS_API:-http://127.0.0.1:8080}"
MAIL="${PENGUINMAILS_MAIL_VIEWER:-http://127.0.0.1:8005}"
OUT="$(mktemp -d)"
trap 'rm -rf "$OUT"' EXIT

fail() { echo "FAILED: $*" >&2; exit 1; }

require_stack() {
  curl -fsS "$API/_local/health" >/dev/null || fail "the local stack is not running (start it with ./run-local.sh)"
}

# Reads a field of a JSON file by a JavaScript path, e.g. `field reply.json '.metrics[0].used'`; empty when absent.
field() {
  node -e 'const d = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
           const v = eval("d" + process.argv[2]);
           process.stdout.write(v === undefined || v === null ? "" : typeof v === "object" ? JSON.stringify(v) : String(v));' "$1" "$2"
}

# call METHOD PATH [BODY]: calls the API with the access token (once there is one); the answer goes to
# $OUT/reply.json and its HTTP status to stdout.
call() {
  local args=(-sS -o "$OUT/reply.json" -w '%{http_code}' -X "$1" "$API$2")
  [ -n "${TOKEN:-}" ] && args+=(-H "Authorization: Bearer $TOKEN")
  [ $# -ge 3 ] && args+=(-H 'Content-Type: application/json' -d "$3")
  curl "${args[@]}"
}

expect() {
  local status="$1" wanted="$2" what="$3"
  [ "$status" = "$wanted" ] || fail "$what answered HTTP $status, not $wanted: $(cat "$OUT/reply.json")"
}

# sign_in EMAIL PASSWORD NAME WORKSPACE: signs up, verifies the address through the emailed link, logs in;
# sets TOKEN (the access token) and WS (the new workspace's id).
sign_in() {
  local email="$1" password="$2" name="$3" workspace="$4" verification=""
  expect "$(call POST /v1/signup "{\"email\":\"$email\",\"password\":\"$password\",\"name\":\"$name\",\"workspaceName\":\"$workspace\"}")" 202 "signup"
  for _ in $(seq 1 50); do
    curl -fsS "$MAIL/store" > "$OUT/store.json" || fail "the sent-mail viewer at $MAIL does not answer"
    verification=$(node -e 'const store = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
      const mails = (store.emails || store).filter(m => JSON.stringify(m).includes(process.argv[2]));
      const found = mails.map(m => JSON.stringify(m).match(/token=([A-Za-z0-9_-]{43})/)).find(Boolean);
      process.stdout.write(found ? found[1] : "");' "$OUT/store.json" "$email")
    [ -n "$verification" ] && break
    sleep 0.2
  done
  [ -n "$verification" ] || fail "no verification email to $email within 10 s (see $MAIL/)"
  expect "$(call POST /v1/auth/verify-email "{\"token\":\"$verification\"}")" 200 "verify-email"
  expect "$(call POST /v1/auth/login "{\"email\":\"$email\",\"password\":\"$password\"}")" 200 "login"
  TOKEN=$(field "$OUT/reply.json" .accessToken)
  [ -n "$TOKEN" ] || fail "login answered no accessToken: $(cat "$OUT/reply.json")"
  expect "$(call GET /v1/workspaces)" 200 "GET /v1/workspaces"
  WS=$(field "$OUT/reply.json" '.items[0].id')
  [ -n "$WS" ] || fail "the new account has no workspace: $(cat "$OUT/reply.json")"
}

# wait_count PATH BODY WANTED WHAT: polls a count (GET when BODY is empty, else POST) until it is WANTED, 30 s at most.
wait_count() {
  local path="$1" body="$2" wanted="$3" what="$4" got=""
  for _ in $(seq 1 60); do
    if [ -z "$body" ]; then expect "$(call GET "$path")" 200 "$what"; else expect "$(call POST "$path" "$body")" 200 "$what"; fi
    got=$(field "$OUT/reply.json" .count)
    [ "$got" = "$wanted" ] && return 0
    sleep 0.5
  done
  fail "$what: the count stayed $got, not $wanted, for 30 s"
}
