#!/usr/bin/env bash
# The platform's benchmark: starts the built assembly on its own ports, loads it from a second process on
# 127.0.0.1 and prints, in one run:
#   - req/s, p50 and p99 of GET /api/health (the baseline), GET .../form, POST .../applications, the status read
#     GET /api/applications/{n}/status and the full read GET /api/applications/{n}, each as a ratio to the baseline;
#   - catalogue search p99 with every region loaded (10 kinds of search a citizen makes);
#   - hot deploy: a plugin jar copied into deploy/ -> first 200 from its form;
#   - failed requests to other services while a plugin is installed and removed over and over under load;
#   - cold start: launch -> first 200 from /api/health (first boot with an empty data/ folder, then a restart);
#   - resident memory after boot and after load.
#
# Usage: mvn -B -DskipTests install && bench/run.sh [SECONDS_PER_ENDPOINT=15] [CLIENTS=8] [MANY_CLIENTS=64]
# BENCH_ESCALATION_SECONDS=N keeps the escalation scheduler on, running every N seconds, and prints its runs from
# the log after the load (to see what it costs while the bench's applications pile up); by default it is off.
# Results are printed and kept in bench/results/latest.txt (not committed; copy figures to docs/performance.md).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
source "$root/bench/machine.sh"
seconds="${1:-15}"
clients="${2:-8}"
many_clients="${3:-64}"
http_port=18181
export JAVA_HOME="${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}"

source "$root/bench/assembly.sh"
jar="$(ls "$root"/plugins/service-residence-registration/target/igov-service-residence-registration-*.jar 2>/dev/null | head -1 || true)"
if [[ -z "$jar" ]]; then
  echo "Build first: mvn -B -DskipTests install" >&2
  exit 1
fi
work="$root/bench/work"
home="$(unpack_assembly "$root" "$work" "$http_port")"
# The escalation scheduler is off by default: each run reads every bench application due within a day (tens of
# thousands), and whichever endpoint it falls on would pay for it. It used to remind every one of them as well.
escalation_seconds="${BENCH_ESCALATION_SECONDS:-}"
if [[ -n "$escalation_seconds" ]]; then
  sed -i "s/^intervalSeconds *=.*/intervalSeconds = $escalation_seconds/" "$home/etc/ua.igov.platform.escalation.cfg"
  printf '%s\n' "log4j2.logger.escalation.name = ua.igov.platform.core.internal.EscalationScheduler" \
    "log4j2.logger.escalation.level = DEBUG" >>"$home/etc/org.ops4j.pax.logging.cfg"
else
  sed -i "s/^enabled *=.*/enabled = false/" "$home/etc/ua.igov.platform.escalation.cfg"
fi
password="$(LC_ALL=C tr -dc 'A-Za-z0-9' </dev/urandom | head -c 20 || true)"
bash "$home/bin/igov-set-password" bench "$password" >/dev/null
base="http://127.0.0.1:$http_port/api"
out="$root/bench/results/latest.txt"

console() { echo "$1" | bash "$home/bin/client" -a 18101 -u bench -p "$password" -b 2>/dev/null; }
karaf_pid() { pgrep -f "karaf.base=$home" | head -1; }
rss_mb() { echo $(( $(ps -o rss= -p "$(karaf_pid)") / 1024 )); }
stop_karaf() {
  bash "$home/bin/stop" >/dev/null 2>&1 || true
  for _ in $(seq 1 100); do [[ -z "$(karaf_pid)" ]] && return; sleep 0.2; done
  kill -9 "$(karaf_pid)" 2>/dev/null || true
}
# Every submission leaves its citizen an e-mail: a sink on 127.0.0.1 takes them, once each, as a mail server would
# (with none listening, each send failed and was retried beside every endpoint measured afterwards).
smtp_port=18025
sed -i "s/^port *=.*/port = $smtp_port/" "$home/etc/ua.igov.channel.email.cfg"
sink_count="$work/smtp-sink-count"
java "$root/bench/SmtpSink.java" "$smtp_port" "$sink_count" >/dev/null 2>&1 &
smtp_pid=$!
for _ in $(seq 1 100); do (exec 3<>/dev/tcp/127.0.0.1/$smtp_port) 2>/dev/null && break; sleep 0.1; done
sleep 1 # the sink's own start (compiling it) is over before the machine is measured as quiet
stop_all() { stop_karaf; kill "$smtp_pid" 2>/dev/null || true; }
trap stop_all EXIT

# How long one synchronous 4 kB write takes on the disk holding data/: every durable commit waits for one, so
# CLIENTS closed-loop writers can commit at most CLIENTS / that time per second, whatever the code does.
sync_probe() {
  local t0 t1 n=200
  t0=$(date +%s%N)
  dd if=/dev/zero of="$home/data/sync-probe" bs=4k count=$n oflag=dsync 2>/dev/null
  t1=$(date +%s%N)
  rm -f "$home/data/sync-probe"
  awk -v ns=$(( t1 - t0 )) -v n=$n -v c="$clients" -v m="$many_clients" 'BEGIN {
    ms = ns / n / 1e6
    printf "disk: one synchronous 4 kB write takes %.2f ms; commits bounded by %.0f/s at %d clients, %.0f/s at %d (if every commit syncs alone)\n", ms, c / ms * 1000, c, m / ms * 1000, m }'
}

# Launch -> first 200 from /api/health, measured by the launcher itself, polled every 20 ms.
cold_start() {
  local t0 t1
  t0=$(date +%s%N)
  bash "$home/bin/start"
  until [[ "$(curl -s -o /dev/null -w '%{http_code}' "$base/health")" == 200 ]]; do
    sleep 0.02
    if (( ($(date +%s%N) - t0) / 1000000000 > 180 )); then echo "no 200 from /api/health after 180 s" >&2; exit 1; fi
  done
  t1=$(date +%s%N)
  echo $(( (t1 - t0) / 1000000 ))
}

# The e-mails and SMS the load's submissions left: how many waited when it ended (one platform:doctor), and how long
# the node took to deliver them all, seen from outside the server (the sink's count of e-mails and the SMS file's
# lines, every 200 ms, until neither has grown for 3 s; at most 10 minutes), then checked with one more doctor.
pending_messages() { console "platform:doctor" | grep 'notification outbox' | awk -F'|' '{print $3}' | grep -o '^ *[0-9]*' | xargs; }
delivered_so_far() { echo "$(cat "$sink_count" 2>/dev/null) $({ wc -l < "$home/data/sms/outbox.txt"; } 2>/dev/null)"; }
outbox_drained() {
  local t0 waiting seen now changed left
  waiting="$(pending_messages)"
  t0=$(date +%s%N)
  changed=$t0
  seen="$(delivered_so_far)"
  while now=$(date +%s%N); (( (now - changed) / 1000000 < 3000 && (now - t0) / 1000000000 < 600 )); do
    sleep 0.2
    if [[ "$(delivered_so_far)" != "$seen" ]]; then seen="$(delivered_so_far)"; changed=$(date +%s%N); fi
  done
  left="$(pending_messages)"
  awk -v n="${waiting:-0}" -v left="${left:-?}" -v ns=$(( changed - t0 )) 'BEGIN {
    s = ns / 1e9
    if (n == 0 && left == 0) print "outbox after the load: nothing pending (delivered as the load went)"
    else if (left == 0) printf "outbox after the load: %d messages pending, all delivered in %.1f s (%.0f a second)\n", n, s, (s > 0 ? n / s : 0)
    else printf "outbox after the load: %d messages pending, %s still pending after %.0f s\n", n, left, s }'
}

{
  echo "iGov platform benchmark, $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, $(java -version 2>&1 | head -1)"
  machine_before_run
  first=$(cold_start)
  sleep 5
  echo "cold start, first boot (empty data/): ${first} ms; resident memory after boot: $(rss_mb) MB"
  sync_probe
  IGOV_SERVER_PID="$(karaf_pid)" java "$root/bench/LoadGenerator.java" load "$base" "$seconds" "$clients" \
      "$root/bench/application.json" "$many_clients"
  outbox_drained
  java "$root/bench/LoadGenerator.java" search "$base" "$seconds" "$clients"
  echo "resident memory after load: $(rss_mb) MB"
  if [[ -n "$escalation_seconds" ]]; then
    echo "escalation runs during the load (every ${escalation_seconds} s):"
    grep -h "Escalation run" "$home"/data/log/karaf.log* | awk -F' [|] ' '{ print "  " $1 "  " $NF }' || true
  fi
  console "feature:uninstall igov-service-residence-registration" >/dev/null
  java "$root/bench/LoadGenerator.java" hotdeploy "$base" "$jar" "$home/deploy" 7
  java "$root/bench/LoadGenerator.java" churn "$base" "$jar" "$home/deploy" "$seconds" "$clients"
  console "feature:install igov-service-residence-registration" >/dev/null
  stop_karaf
  second=$(cold_start)
  echo "cold start, restart (data/ kept): ${second} ms"
  stop_karaf
} 2>&1 | tee "$out"
