#!/usr/bin/env bash
# Several nodes on one PostgreSQL: the built assembly unpacked twice, both copies pointed at one database (a throwaway
# PostgreSQL server started by .ci/postgres.sh), and in one run:
#   - submit, status-read and form throughput with ONE node, then with TWO nodes (the load generator's requests
#     alternating between them), each as a ratio to the /api/health baseline measured in the same load run, with
#     the server CPU per request (both nodes' together) and PostgreSQL's CPU per request;
#   - the time for a plugin removed / installed through node A's console to be followed by node B
#     (heartbeat interval as shipped, 5 s).
#
# Usage: mvn -B -DskipTests install && bench/cluster.sh [SECONDS_PER_ENDPOINT=15] [CLIENTS=8]
# Env:   IGOV_PG_PORT (default 55447) for the throwaway PostgreSQL server.
# Results are printed and kept in bench/results/cluster-latest.txt (copy figures to docs/performance.md).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
source "$root/bench/machine.sh"
seconds="${1:-15}"
clients="${2:-8}"
export JAVA_HOME="${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}"
archive="$(ls "$root"/karaf-assembly/target/igov-karaf-assembly-*.tar.gz 2>/dev/null | head -1 || true)"
if [[ -z "$archive" ]]; then
  echo "Build first: mvn -B -DskipTests install" >&2
  exit 1
fi

cd "$root"
IGOV_PG_PORT="${IGOV_PG_PORT:-55447}"
source .ci/postgres.sh   # stops and removes the server when this script exits
psql -q -h 127.0.0.1 -p "$IGOV_PG_PORT" -U postgres -c 'CREATE DATABASE igov_bench' >/dev/null
# PostgreSQL shares the cores with the nodes and the load generator: the load generator counts its CPU per request
# too (the postmaster, its backends and background processes), in the "database CPU/req" column.
IGOV_DB_PID="$(head -1 "$igov_pg_dir/data/postmaster.pid")"
export IGOV_DB_PID
db_url="jdbc:postgresql://127.0.0.1:$IGOV_PG_PORT/igov_bench?user=postgres"

work="$root/bench/work-cluster"
rm -rf "$work" && mkdir -p "$work" "$root/bench/results"
password="$(LC_ALL=C tr -dc 'A-Za-z0-9' </dev/urandom | head -c 20 || true)"
secret="$(LC_ALL=C tr -dc 'A-Za-z0-9' </dev/urandom | head -c 40 || true)"

# node NAME HTTP_PORT SSH_PORT RMI_BASE: unpack and configure as the operator's guide says.
node() {
  local name="$1" http="$2" ssh="$3" rmi="$4" home
  mkdir -p "$work/$name" && tar xzf "$archive" -C "$work/$name"
  home="$(ls -d "$work/$name"/igov-karaf-assembly-*)"
  sed -i "s/^org.osgi.service.http.port *=.*/org.osgi.service.http.port = $http/" "$home/etc/org.ops4j.pax.web.cfg"
  sed -i "s/^sshPort *=.*/sshPort = $ssh/" "$home/etc/org.apache.karaf.shell.cfg"
  sed -i "s/^rmiRegistryPort *=.*/rmiRegistryPort = $rmi/; s/^rmiServerPort *=.*/rmiServerPort = $((rmi + 1))/" \
    "$home/etc/org.apache.karaf.management.cfg"
  sed -i "s/^osgi.jdbc.driver.name *=.*/osgi.jdbc.driver.name = PostgreSQL JDBC Driver/; s#^url *=.*#url = $db_url#; s/^pool.testOnBorrow *=.*/pool.testOnBorrow = true/" \
    "$home/etc/org.ops4j.datasource-igov.cfg"
  sed -i "s/^id *=.*/id = $name/" "$home/etc/ua.igov.platform.node.cfg"
  # The escalation scheduler is off: every bench submission is "due soon" at once (a one-day deadline), so each
  # scheduler run (every 300 s) reminds tens of thousands of them and loads whichever endpoint it falls on.
  sed -i "s/^enabled *=.*/enabled = false/" "$home/etc/ua.igov.platform.escalation.cfg"
  # each submission's e-mail goes to the bench's mail sink, as in run.sh (with no server, every send failed and was
  # retried beside the measured requests)
  sed -i "s/^port *=.*/port = $smtp_port/" "$home/etc/ua.igov.channel.email.cfg"
  echo ".secret = $secret" >> "$home/etc/ua.igov.identity.dev.cfg"
  bash "$home/bin/igov-set-password" bench "$password" >/dev/null
  echo "$home"
}
smtp_port=18026
java "$root/bench/SmtpSink.java" "$smtp_port" >/dev/null 2>&1 &
smtp_pid=$!
home_a="$(node node-a 18281 18201 11191)"
home_b="$(node node-b 18282 18202 11193)"
base_a="http://127.0.0.1:18281/api"
base_b="http://127.0.0.1:18282/api"

karaf_pid() { pgrep -f "karaf.base=$1" | head -1 || true; }
start() { KARAF_EXEC=exec nohup "$1/bin/karaf" server >"$1/console.log" 2>&1 & }
stop_all() {
  for home in "$home_a" "$home_b"; do
    pid="$(karaf_pid "$home")"
    [[ -n "$pid" ]] && kill -9 "$pid" 2>/dev/null || true
  done
  igov_stop_postgres
  kill "$smtp_pid" 2>/dev/null || true
}
trap stop_all EXIT
ready() { java "$root/bench/LoadGenerator.java" ready "$1/health" 300 >/dev/null; }
status_of() { curl -s -o /dev/null -w '%{http_code}' "$1"; }
# ms until URL answers STATUS (polled every 50 ms)
follow_ms() {
  local url="$1" want="$2" t0
  t0=$(date +%s%N)
  until [[ "$(status_of "$url")" == "$want" ]]; do
    sleep 0.05
    if (( ($(date +%s%N) - t0) / 1000000000 > 120 )); then echo "timeout"; return; fi
  done
  echo $(( ($(date +%s%N) - t0) / 1000000 ))
}
# without a terminal the client takes its commands on stdin (batch mode)
console_a() { echo "$1" | bash "$home_a/bin/client" -a 18201 -u bench -p "$password" -b 2>/dev/null; }

{
  echo "iGov platform cluster benchmark, $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, PostgreSQL on 127.0.0.1, $(java -version 2>&1 | head -1)"
  machine_before_run
  start "$home_a"; ready "$base_a"; sleep 5
  echo; echo "== ONE node (node-a) on PostgreSQL"
  IGOV_SERVER_PID="$(karaf_pid "$home_a")" \
    java "$root/bench/LoadGenerator.java" load "$base_a" "$seconds" "$clients" "$root/bench/application.json"

  start "$home_b"; ready "$base_b"; sleep 5
  echo; echo "== TWO nodes (node-a + node-b) on one PostgreSQL, requests alternating between them"
  IGOV_SERVER_PID="$(karaf_pid "$home_a"),$(karaf_pid "$home_b")" \
    java "$root/bench/LoadGenerator.java" load "$base_a,$base_b" "$seconds" "$clients" "$root/bench/application.json"

  echo; echo "== a plugin decided once through node A's console, followed by node B (heartbeat 5 s)"
  form="/services/residence-registration/form"
  for round in 1 2 3; do
    console_a "platform:plugin-uninstall igov-service-residence-registration" >/dev/null
    removed=$(follow_ms "$base_b$form" 404)
    console_a "platform:plugin-install igov-service-residence-registration" >/dev/null
    installed=$(follow_ms "$base_b$form" 200)
    echo "round $round: node B stopped serving it ${removed} ms after node A's command returned; served it again after ${installed} ms"
  done
} 2>&1 | tee "$root/bench/results/cluster-latest.txt"
