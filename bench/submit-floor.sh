#!/usr/bin/env bash
# The database part of a submission and of the reads on embedded Derby, without HTTP: bench/SubmitFloorBench.java.
# Usage: mvn -B -DskipTests install && bench/submit-floor.sh [SECONDS_PER_OPERATION=5]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
seconds="${1:-5}"
export JAVA_HOME="${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}"
classpath_file="$(mktemp)"
trap 'rm -f "$classpath_file"' EXIT
mvn -q -o ${MVN_ARGS:-} -f "$root/platform/core/pom.xml" dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile="$classpath_file" >/dev/null
mkdir -p "$root/bench/results"
java -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$(cat "$classpath_file")" \
     "$root/bench/SubmitFloorBench.java" "$root/bench/work-floor" "$seconds" 2>&1 | grep -v "^INFO\|^[A-Z][a-z][a-z] [0-9]" \
     | tee "$root/bench/results/submit-floor-latest.txt"
