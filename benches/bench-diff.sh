#!/usr/bin/env bash
# Times `peacediff diff` (load included) against `git diff --no-index --word-diff=plain` on the
# same generated drafts: a plans folder for peacediff, and the same clause texts one per line for
# git. Prints the median of RUNS runs and peacediff's peak memory. See docs/performance.md.
# peacediff is timed with its corpus cache warm (a folder of 1 MiB or more is read back from the
# cache, kept in a temporary folder here) and with --no-cache (parsed from TOML every run).
#
#   benches/bench-diff.sh [SIZES...]      (default: 30 1000 10000; RUNS=11 by default)
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-11}
SIZES=("$@")
[ ${#SIZES[@]} -eq 0 ] && SIZES=(30 1000 10000)

cargo build --release --quiet --bin peacediff --example synthetic
BIN=target/release/peacediff
GEN=target/release/examples/synthetic
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
export PEACEDIFF_CACHE_DIR="$WORK/cache"

# Median wall time in milliseconds of a command, run RUNS times (output discarded).
median_ms() {
  local times=()
  for _ in $(seq "$RUNS"); do
    local t0 t1
    t0=$(date +%s%N)
    "$@" >/dev/null 2>&1 || true   # git diff exits 1 when the files differ
    t1=$(date +%s%N)
    times+=($(( (t1 - t0) / 1000 )))
  done
  printf '%s\n' "${times[@]}" | sort -n | awk -v n="$RUNS" 'NR == int((n + 1) / 2) { printf "%.1f", $1 / 1000 }'
}

printf '%-8s %14s %14s %14s %8s %14s %14s\n' clauses peacediff_ms no_cache_ms git_ms ratio json_ms peak_rss_MiB
for n in "${SIZES[@]}"; do
  dir="$WORK/$n"
  "$GEN" "$n" "$dir"
  "$BIN" --plans "$dir/plans" --color never diff syn-a syn-b >/dev/null # fills the cache
  pd=$(median_ms "$BIN" --plans "$dir/plans" --color never diff syn-a syn-b)
  nc=$(median_ms "$BIN" --no-cache --plans "$dir/plans" --color never diff syn-a syn-b)
  js=$(median_ms "$BIN" --plans "$dir/plans" diff syn-a syn-b --format json)
  gd=$(median_ms git diff --no-index --word-diff=plain "$dir/a.txt" "$dir/b.txt")
  rss=$( { /usr/bin/time -f '%M' "$BIN" --plans "$dir/plans" --color never diff syn-a syn-b >/dev/null; } 2>&1 | tail -1)
  ratio=$(awk -v a="$pd" -v b="$gd" 'BEGIN { printf "%.1f", a / b }')
  printf '%-8s %14s %14s %14s %8s %14s %14.1f\n' "$n" "$pd" "$nc" "$gd" "$ratio" "$js" "$(awk -v k="$rss" 'BEGIN { print k / 1024 }')"
done
