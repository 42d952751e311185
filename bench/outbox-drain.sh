#!/usr/bin/env bash
# How fast one node delivers the notifications submissions leave, against how fast it takes the submissions.
# Starts the built assembly on its own ports with delivery off and a mail sink on 127.0.0.1, submits N applications
# from 8 clients (each leaves an e-mail and an SMS in the outbox), then turns delivery on and times how long the node
# takes to hand all 2 N messages over (the sink's count of e-mails and the SMS file's lines, every 200 ms), with the
# server's CPU over that time. Delivery keeps up with a stream of submissions when it moves at least two messages
# for every submission the node takes in the same time: the ratio printed last.
#
# Usage: mvn -B -DskipTests install && bench/outbox-drain.sh [SUBMISSIONS=10000]
# Results are printed and kept in bench/results/outbox-drain.txt (not committed; copy figures to docs/performance.md).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
source "$root/bench/machine.sh"
count="${1:-10000}"
http_port=18181
export JAVA_HOME="${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}"

source "$root/bench/assembly.sh"
work="$root/bench/work-drain"
home="$(unpack_assembly "$root" "$work" "$http_port")"
sed -i "s/^enabled *=.*/enabled = false/" "$home/etc/ua.igov.platform.escalation.cfg"
sed -i "s/^enabled *=.*/enabled = false/" "$home/etc/ua.igov.platform.outbox.cfg"
smtp_port=18025
sed -i "s/^port *=.*/port = $smtp_port/" "$home/etc/ua.igov.channel.email.cfg"
base="http://127.0.0.1:$http_port/api"
sms="$home/data/sms/outbox.txt"
sink_count="$work/smtp-sink-count"

karaf_pid() { pgrep -f "karaf.base=$home" | head -1; }
server_cpu_ms() { awk '{ print ($14 + $15) * 10 }' "/proc/$(karaf_pid)/stat"; }
java "$root/bench/SmtpSink.java" "$smtp_port" "$sink_count" >/dev/null 2>&1 &
sink_pid=$!
stop_all() {
  bash "$home/bin/stop" >/dev/null 2>&1 || true
  for _ in $(seq 1 100); do [[ -z "$(karaf_pid)" ]] && break; sleep 0.2; done
  kill "$sink_pid" 2>/dev/null || true
}
trap stop_all EXIT

{
  echo "iGov outbox drain, $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, $(java -version 2>&1 | head -1)"
  machine_before_run
  bash "$home/bin/start"
  java "$root/bench/LoadGenerator.java" ready "$base/health" 180 >/dev/null
  # the JIT's first minute is in the submissions' figure, not in the delivery's: a warm-up round first
  java "$root/bench/LoadGenerator.java" submit "$base" 2000 8 "$root/bench/application.json" >/dev/null
  submitted="$(java "$root/bench/LoadGenerator.java" submit "$base" "$count" 8 "$root/bench/application.json")"
  echo "$submitted (delivery off)"
  messages=$(( 2 * (count + 2000) ))
  sleep 5 # what the submissions left (a checkpoint) is over before the delivery is timed
  cpu0=$(server_cpu_ms)
  t0=$(date +%s%N)
  sed -i "s/^enabled *=.*/enabled = true/" "$home/etc/ua.igov.platform.outbox.cfg"
  until [[ "$(cat "$sink_count" 2>/dev/null || echo 0) $({ wc -l < "$sms"; } 2>/dev/null || echo 0)" == "$(( messages / 2 )) $(( messages / 2 ))" ]]; do
    sleep 0.2
    if (( ($(date +%s%N) - t0) / 1000000000 > 900 )); then echo "not all delivered after 900 s" >&2; exit 1; fi
  done
  t1=$(date +%s%N)
  cpu1=$(server_cpu_ms)
  echo "$submitted" | awk -v m=$messages -v ns=$(( t1 - t0 )) -v cpu=$(( cpu1 - cpu0 )) '{
    rate = $6; sub(/\(/, "", rate)
    s = ns / 1e9
    printf "delivered %d messages (an e-mail and an SMS each) in %.1f s: %.0f a second, %.0f µs of server CPU each\n", m, s, m / s, cpu * 1000 / m
    printf "delivery against submissions: %.0f %% (100 %% and more: the outbox keeps up with a stream of submissions)\n", 100 * (m / s) / (2 * rate) }'
} 2>&1 | tee "$root/bench/results/outbox-drain.txt"
