#!/usr/bin/env bash
# What reading an overdue backlog costs each escalation run, as the backlog grows: bench/EscalationBacklogBench.java.
# Usage: mvn -B -DskipTests install && bench/escalation-backlog.sh [LARGEST_BACKLOG=40000] [BATCH=500]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
source "$root/bench/core-classpath.sh"
classpath="$(core_classpath "$root")"
mkdir -p "$root/bench/results"
java -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -Dderby.stream.error.file=/dev/null -cp "$classpath" \
     "$root/bench/EscalationBacklogBench.java" "${1:-40000}" "${2:-500}" 2>&1 \
     | grep -v "^INFO\|^[A-Z][a-z][a-z] [0-9]\|^\[main\] INFO\|liquibase\|^$\|^[A-Z -]*$\|^Run:\|^Previously\|^Filtered\|^Total change\|^---" \
     | tee "$root/bench/results/escalation-backlog-latest.txt"
