#!/usr/bin/env bash
# Runs the whole of PenguinMails on this machine: emulated AWS services and every function, with no
# cloud account and no Docker. Builds what is missing first (or everything, with --build).
#
#   ./run-local.sh [--build] [--reset] [--data-dir DIR] [--api-port 8080] [--ses-port 8005]
#                  [--smtp-port 3025] [--imap-port 3143] [--dynamodb-port 8000] [--sqs-port 9324]
#                  [--s3-port 9000] [--eventbridge-port 9195] [--no-schedules] [--help]
#
#   --build          rebuild every jar first (mvn -DskipTests package: the jars stay in the project;
#                    only the libraries that Micronaut AOT's nested build reads go to ~/.m2, see decision 0018)
#   --reset          wipe the data folder (DynamoDB tables, S3 objects) before starting
#   --data-dir DIR   where data persists between runs (default .local-data)
#   --no-schedules   fire scheduled jobs only on demand: POST /_local/schedules/{family}/{name}
#
# The samples (samples/*.sh) find the running stack through PENGUINMAILS_API (default http://127.0.0.1:8080)
# and PENGUINMAILS_MAIL_VIEWER (default http://127.0.0.1:8005); the stack prints both when it is ready.
set -euo pipefail

script="${BASH_SOURCE[0]}"
[[ "$script" == */* ]] || script="./$script"
ROOT="$(cd "${script%/*}" && pwd)"
cd "$ROOT"
LOCAL_JAR="local-stack/target/local-stack.jar"

fail() {
  echo "$1" >&2
  exit 1
}

build=false
args=()
for arg in "$@"; do
  case "$arg" in
    --build) build=true ;;
    --help | -h)
      # The usage is the comment at the top of this file; no build needed to read it.
      while IFS= read -r line; do
        [[ "$line" == "#!"* ]] && continue
        [[ "$line" == "#"* ]] || break
        line="${line#\#}"
        echo "${line# }"
      done < "$script"
      exit 0
      ;;
    *) args+=("$arg") ;;
  esac
done

command -v java >/dev/null 2>&1 || fail "Java was not found on PATH; install a JDK 17 or newer (https://adoptium.net) and try again."
java_major=""
while IFS= read -r line; do
  if [[ "$line" =~ java\.specification\.version\ =\ ([0-9]+) ]]; then
    java_major="${BASH_REMATCH[1]}"
  fi
done < <(java -XshowSettings:properties -version 2>&1)
if [ -n "$java_major" ] && [ "$java_major" -lt 17 ]; then
  fail "Java $java_major is too old; install a JDK 17 or newer (https://adoptium.net) and try again."
fi
command -v node >/dev/null 2>&1 || fail "Node.js was not found on PATH; install Node 18 or newer (https://nodejs.org) and try again."

# A build is needed when asked for, or when the local stack or any function's Lambda jar is missing.
if [ ! -f "$LOCAL_JAR" ]; then
  build=true
fi
for module in functions/*/; do
  module="${module%/}"
  family="${module##*/}"
  if [ -f "$module/pom.xml" ] && [ ! -f "$module/target/$family-lambda.jar" ]; then
    build=true
  fi
done
# Reads Maven's output and prints one line per module it starts, so that a long first build shows progress.
progress() {
  local line
  while IFS= read -r line; do
    if [[ "$line" =~ ^\[INFO\]\ Building\ (.+)\ [^\ ]+\ +\[([0-9]+/[0-9]+)\]$ ]]; then
      echo "  [${BASH_REMATCH[2]}] ${BASH_REMATCH[1]}"
    fi
  done
}

if [ "$build" = true ]; then
  command -v mvn >/dev/null 2>&1 || fail "Maven was not found on PATH; install Maven 3.8 or newer (https://maven.apache.org) to build the jars."
  mkdir -p target
  log="target/run-local-build.log"
  echo "Building the jars in place (mvn -B -DskipTests package; the first build downloads dependencies and takes a few minutes)..."
  if ! mvn -B -ntp -DskipTests package 2>&1 | tee "$log" | progress; then
    grep -E '^\[ERROR\] .+' "$log" | head -n 30 >&2 || true
    fail "The build failed; the whole Maven output is in $log."
  fi
  echo "Built. (Maven's output is in $log.)"
fi

# dynalite and aws-ses-v2-local are npm packages.
if [ ! -d node_modules/dynalite ] || [ ! -d node_modules/aws-ses-v2-local ]; then
  command -v npm >/dev/null 2>&1 || fail "npm was not found on PATH; it comes with Node.js (https://nodejs.org)."
  echo "Installing the emulators' npm packages (npm ci)..."
  npm ci --no-audit --no-fund || fail "npm ci failed; see its output above."
fi

# Class-data sharing: a run without an archive records the classes it loaded (the local stack's and every
# function's) when it stops; later runs map them from the archive instead of loading and verifying them
# again, which roughly halves start-up and each function's cold start. The archive only fits the Java, the
# JVM options and the jars it was recorded with, so a stamp of those is kept beside it and a different stamp
# records it anew. PENGUINMAILS_CDS=off runs without it.
ARCHIVE="local-stack/target/local-stack.jsa"
STAMP="$ARCHIVE.stamp"
cds=()
if [ "${PENGUINMAILS_CDS:-on}" != off ]; then
  stamp="$( { java -version 2>&1; echo "${JAVA_OPTS:-}"; \
    ls -ln local-stack/target/*.jar local-stack/target/lib/*.jar functions/*/target/*-lambda.jar 2>/dev/null; } | cksum)"
  if [ -f "$ARCHIVE" ] && [ "$(cat "$STAMP" 2>/dev/null)" = "$stamp" ]; then
    cds=(-XX:SharedArchiveFile="$ARCHIVE")
  else
    rm -f "$ARCHIVE" "$STAMP"
    echo "$stamp" > "$STAMP"
    echo "This run records a class-data archive when it stops (Ctrl-C); the next start will be faster."
    cds=(-XX:ArchiveClassesAtExit="$ARCHIVE" -Xlog:cds=off -Xlog:cds+dynamic=off)
  fi
fi

# exec, so that Ctrl-C reaches the JVM, whose shutdown hook stops every emulator and child process.
# C1 only: the local stack and its functions start faster, which matters more here than peak speed.
exec java -XX:TieredStopAtLevel=1 ${cds[@]+"${cds[@]}"} ${JAVA_OPTS:-} \
  -Dpenguinmails.root="$ROOT" -Dpenguinmails.node-modules="$ROOT" \
  -jar "$LOCAL_JAR" ${args[@]+"${args[@]}"}
