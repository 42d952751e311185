#!/usr/bin/env bash
# Statistics over a million applications: seeds them into an embedded Derby database under bench/work-stats (kept
# between runs; delete it to seed again), rolls them up, and times the statistics against a baseline measured in the
# same run (a GROUP BY over the application table, what the rollup replaces). See docs/performance.md.
#
# Usage: mvn -B -DskipTests install && bench/stats.sh [APPLICATIONS=1000000]
# Extra Maven options (a private local repository, say) go in MVN_ARGS.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
applications="${1:-1000000}"
source "$root/bench/core-classpath.sh"
classpath="$(core_classpath "$root")"
mkdir -p "$root/bench/results" "$root/bench/work-stats"
java -Xmx1g -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
     -cp "$classpath" \
     "$root/bench/StatisticsBench.java" "$root/bench/work-stats" "$applications" 2>&1 | grep -v "^INFO\|^[A-Z][a-z][a-z] [0-9]" \
     | tee "$root/bench/results/stats-latest.txt"
