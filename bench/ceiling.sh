#!/usr/bin/env bash
# How much of the submit and status-read ratios the database costs. Runs the same short table (health, submit,
# status read, health) twice on the built assembly, one after the other:
#   1. the platform as built;
#   2. the same assembly with platform/core rebuilt from a copy of the working tree with
#      bench/ceiling/without-database.patch applied: a submission is parsed, validated against its form's schema,
#      checked by its plugin, priced and given a notification as usual, but not written; a status read makes the
#      same answer from memory instead of reading it.
# The second table is the ceiling: what submit and the status read would reach with a database that cost nothing.
# Nothing is installed into the local Maven repository; the patched jar goes only into this bench's unpacked copy.
#
# Usage: mvn -B -DskipTests install && bench/ceiling.sh [SECONDS_PER_ENDPOINT=10] [CLIENTS=8]
# Results are printed and kept in bench/results/ceiling.txt (not committed; copy figures to docs/performance.md).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
source "$root/bench/machine.sh"
seconds="${1:-10}"
clients="${2:-8}"
http_port=18191
source "$root/bench/core-classpath.sh"

archive="$(ls "$root"/karaf-assembly/target/igov-karaf-assembly-*.tar.gz 2>/dev/null | head -1 || true)"
if [[ -z "$archive" ]]; then
  echo "Build first: mvn -B -DskipTests install" >&2
  exit 1
fi

work="$root/bench/work-ceiling"
rm -rf "$work" && mkdir -p "$work" "$root/bench/results"

# platform/core without its database, built from a copy of the working tree (its parent poms with it)
src="$work/src"
mkdir -p "$src/platform"
cp "$root/pom.xml" "$src/" && cp "$root/platform/pom.xml" "$src/platform/"
tar -C "$root/platform" --exclude=target -cf - core | tar -C "$src/platform" -xf -
# (git must not take the copy for part of this repository: run from inside it, it would skip every path silently)
(cd "$src" && GIT_CEILING_DIRECTORIES="$work" git apply "$root/bench/ceiling/without-database.patch")
grep -q 'CEILING = true' "$src/platform/core/src/main/java/ua/igov/platform/core/internal/ApplicationManager.java"
mvn -B -q -o ${MVN_ARGS:-} -f "$src/platform/core/pom.xml" -DskipTests package >/dev/null
patched="$(ls "$src"/platform/core/target/igov-core-*.jar | grep -v sources | head -1)"

home=""
karaf_pid() { pgrep -f "karaf.base=$home" | head -1; }
stop_karaf() {
  [[ -n "$home" ]] || return 0
  bash "$home/bin/stop" >/dev/null 2>&1 || true
  for _ in $(seq 1 100); do [[ -z "$(karaf_pid)" ]] && return; sleep 0.2; done
  kill -9 "$(karaf_pid)" 2>/dev/null || true
}
smtp_port=18027
java "$root/bench/SmtpSink.java" "$smtp_port" >/dev/null 2>&1 &
smtp_pid=$!
trap 'stop_karaf; kill "$smtp_pid" 2>/dev/null || true' EXIT

# Unpacks a fresh copy (empty data/), with platform/core replaced by the given jar when there is one, and runs the table.
measure() {
  local label="$1" core_jar="${2:-}"
  rm -rf "$work/run" && mkdir -p "$work/run"
  tar xzf "$archive" -C "$work/run"
  home="$(ls -d "$work"/run/igov-karaf-assembly-*)"
  if [[ -n "$core_jar" ]]; then
    cp "$core_jar" "$(ls "$home"/system/ua/igov/platform/igov-core/*/igov-core-*.jar)"
  fi
  sed -i "s/^org.osgi.service.http.port *=.*/org.osgi.service.http.port = $http_port/" "$home/etc/org.ops4j.pax.web.cfg"
  sed -i "s/^sshPort *=.*/sshPort = 18111/" "$home/etc/org.apache.karaf.shell.cfg"
  sed -i "s/^rmiRegistryPort *=.*/rmiRegistryPort = 11091/; s/^rmiServerPort *=.*/rmiServerPort = 14491/" "$home/etc/org.apache.karaf.management.cfg"
  # as in run.sh: the escalation scheduler would remind every bench application during the run
  sed -i "s/^enabled *=.*/enabled = false/" "$home/etc/ua.igov.platform.escalation.cfg"
  sed -i "s/^port *=.*/port = $smtp_port/" "$home/etc/ua.igov.channel.email.cfg" # the bench's mail sink, as in run.sh
  bash "$home/bin/start"
  java "$root/bench/LoadGenerator.java" ready "http://127.0.0.1:$http_port/api/health" 180 >/dev/null
  echo
  echo "== $label"
  IGOV_SERVER_PID="$(karaf_pid)" java "$root/bench/LoadGenerator.java" ceiling "http://127.0.0.1:$http_port/api" \
      "$seconds" "$clients" "$root/bench/application.json" | grep -v '^warm-up'
  stop_karaf
}

{
  echo "iGov ceiling bench, $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, $(java -version 2>&1 | head -1)"
  machine_before_run
  measure "the platform as built (Derby)"
  measure "the same without its database (bench/ceiling/without-database.patch)" "$patched"
} 2>&1 | tee "$root/bench/results/ceiling.txt"
