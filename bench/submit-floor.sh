#!/usr/bin/env bash
# The database part of a submission and of the reads on embedded Derby, without HTTP: bench/SubmitFloorBench.java.
# Usage: mvn -B -DskipTests install && bench/submit-floor.sh [SECONDS_PER_OPERATION=5]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
seconds="${1:-5}"
source "$root/bench/core-classpath.sh"
classpath="$(core_classpath "$root")"
mkdir -p "$root/bench/results"
java -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$classpath" \
     "$root/bench/SubmitFloorBench.java" "$root/bench/work-floor" "$seconds" 2>&1 | grep -v "^INFO\|^[A-Z][a-z][a-z] [0-9]" \
     | tee "$root/bench/results/submit-floor-latest.txt"
