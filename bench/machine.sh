# Sourced by the load benches (run.sh, cluster.sh, ceiling.sh).
#
# machine_before_run prints how busy the machine is in the 3 s before a run, and which processes were using it.
# The server and the load generator share the machine's cores, so anything else running lowers every figure, and
# not by the same amount for every endpoint: a Karaf left running by an interrupted run, an IDE's build or another
# bench turned a 70 % status read into 57 % on a 2-core machine. A run on a busy machine is still made, with a
# warning in its results, so that the figures are not mistaken for a quiet machine's.
machine_before_run() {
  local window=3 busy_limit=10
  local before after
  before="$(_machine_ticks)"
  declare -A start=()
  local pid ticks
  while read -r pid ticks; do start[$pid]=$ticks; done < <(_process_ticks)
  sleep "$window"
  after="$(_machine_ticks)"
  local busy
  busy=$(awk -v a="$before" -v b="$after" 'BEGIN {
    split(a, x, " "); split(b, y, " ")
    total = y[1] - x[1]; idle = y[2] - x[2]
    printf "%.0f", (total > 0 ? 100 * (total - idle) / total : 0) }')
  echo "machine before the run: ${busy} % busy over ${window} s (load average $(cut -d' ' -f1-3 /proc/loadavg))"
  if (( busy > busy_limit )); then
    echo "WARNING: the machine is not quiet; every figure below is lower than on a quiet machine. Busiest processes:"
    local hz
    hz=$(getconf CLK_TCK)
    while read -r pid ticks; do
      [[ -n "${start[$pid]:-}" ]] || continue
      echo "$(( (ticks - start[$pid]) * 100 / hz / window )) $pid"
    done < <(_process_ticks) | sort -rn | awk '$1 >= 5' | head -3 | while read -r pct pid; do
      printf '  %3d %% of a core  pid %-7s %s\n' "$pct" "$pid" "$(tr '\0' ' ' 2>/dev/null < "/proc/$pid/cmdline" | cut -c1-120)"
    done
  fi
}

# Total and idle jiffies of all cores.
_machine_ticks() {
  awk '/^cpu / { total = 0; for (i = 2; i <= NF; i++) total += $i; print total, $5 + $6 }' /proc/stat
}

# "pid user+system ticks" for every process.
_process_ticks() {
  local stat
  for stat in /proc/[0-9]*/stat; do
    awk '{ sub(/^.*\) /, ""); print FILENAME, $12 + $13 }' "$stat" 2>/dev/null
  done | sed 's#^/proc/\([0-9]*\)/stat#\1#'
}
