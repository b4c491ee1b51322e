#!/usr/bin/env bash
# Issue 10's CPU benchmark of contact imports (docs/benchmarks/contacts-imports.md): generates a CSV of ROWS rows
# (samples/generate-contacts-csv.mjs), compiles ImportThroughputBench (functions/contacts/src/bench/java, in no
# build) against the contacts classes, and runs it: raw FastCSV parsing vs the worker's parse + validate + dedupe
# path, alternately in one JVM, then prints the rows/s, their ratio and the peak heap.
#
#   samples/bench-contacts-imports.sh [ROWS] [ROUNDS] [DEDUPE batch|file] [JVM options...]
#   e.g. samples/bench-contacts-imports.sh 1000000 3 batch -Xmx256m
#
# Needs node, a JDK 17 and the contacts module compiled (mvn ... -pl functions/contacts -am install -DskipTests);
# M2 (default ~/.m2/repository) is the Maven repository to take the dependencies from.
set -euo pipefail
cd "$(dirname "$0")/.."
ROWS="${1:-1000000}"; ROUNDS="${2:-3}"; DEDUPE="${3:-batch}"; shift $(( $# < 3 ? $# : 3 ))
M2="${M2:-$HOME/.m2/repository}"
OUT="${OUT:-target/bench-contacts-imports}"
mkdir -p "$OUT/classes"
CSV="$OUT/contacts-$ROWS.csv"
[ -s "$CSV" ] || node samples/generate-contacts-csv.mjs "$ROWS" "$CSV"
mvn -B -o -q -Dmaven.repo.local="$M2" -pl functions/contacts dependency:build-classpath \
    -Dmdep.outputFile="$PWD/$OUT/cp.txt" -Dmdep.includeScope=runtime
CP="functions/contacts/target/classes:$(cat "$OUT/cp.txt")"
javac -nowarn -d "$OUT/classes" -cp "$CP" \
    functions/contacts/src/bench/java/dev/penguinmails/contacts/imports/ImportThroughputBench.java
java "$@" -cp "$OUT/classes:$CP" dev.penguinmails.contacts.imports.ImportThroughputBench "$CSV" "$ROUNDS" "$DEDUPE"
