# Helpers shared by the bench-*.sh scripts; sourced, not run.

# Wall time of one run of a command in microseconds (output discarded; a failing exit status
# is not an error: git diff exits 1 when the files differ).
time_us() {
  local t0 t1
  t0=$(date +%s%N)
  "$@" >/dev/null 2>&1 || true
  t1=$(date +%s%N)
  echo $(((t1 - t0) / 1000))
}

# The median of numbers on stdin, one per line.
median() {
  sort -g | awk '{ v[NR] = $1 } END { m = int((NR + 1) / 2); print (NR % 2) ? v[m] : (v[m] + v[m + 1]) / 2 }'
}

# Peak resident memory of one run of a command, in MiB.
rss_mib() {
  { /usr/bin/time -f '%M' "$@" >/dev/null; } 2>&1 | tail -1 | awk '{ printf "%.0f", $1 / 1024 }'
}
