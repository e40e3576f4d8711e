#!/usr/bin/env bash
# Times `peacediff diff` (load included) against `git diff --no-index --word-diff=plain` on the
# same generated drafts: a plans folder for peacediff, and the same clause texts one per line for
# git. See docs/performance.md.
#
# peacediff is timed three ways: warm (a folder of 512 KiB or more is read back from the corpus
# cache, kept in a temporary folder here), cold (the cache emptied before each run: the TOML is
# parsed and the entry written) and --no-cache (parsed from TOML, nothing written). Each figure
# is the median of RUNS runs. git and warm peacediff runs alternate, and `ratio` is the median
# of the per-pair ratios, so that a machine getting busier or quieter during the script does
# not tilt the comparison. Peak memory (MiB) is for a warm and a --no-cache run.
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

. benches/timing.sh # time_us, median, rss_mib

# Median wall time in milliseconds of RUNS runs of a command.
median_ms() {
  for _ in $(seq "$RUNS"); do time_us "$@"; done | median | awk '{ printf "%.1f", $1 / 1000 }'
}

# A cold run: the cache emptied first, so the run parses the TOML and writes the entry.
cold() {
  rm -rf "$PEACEDIFF_CACHE_DIR"
  "$@"
}


printf '%-8s %8s %8s %7s %8s %10s %8s %9s %11s\n' clauses git_ms warm_ms ratio cold_ms nocache_ms json_ms rss_warm rss_nocache
for n in "${SIZES[@]}"; do
  dir="$WORK/$n"
  "$GEN" "$n" "$dir"
  run=("$BIN" --plans "$dir/plans" --color never diff syn-a syn-b)
  git_run=(git diff --no-index --word-diff=plain "$dir/a.txt" "$dir/b.txt")
  cd_=$(median_ms cold "${run[@]}")
  nc=$(median_ms "$BIN" --no-cache --plans "$dir/plans" --color never diff syn-a syn-b)
  "${run[@]}" >/dev/null # fills the cache
  pairs=$(for _ in $(seq "$RUNS"); do echo "$(time_us "${git_run[@]}") $(time_us "${run[@]}")"; done)
  gd=$(awk '{ print $1 }' <<<"$pairs" | median | awk '{ printf "%.1f", $1 / 1000 }')
  pd=$(awk '{ print $2 }' <<<"$pairs" | median | awk '{ printf "%.1f", $1 / 1000 }')
  ratio=$(awk '{ print $2 / $1 }' <<<"$pairs" | median | awk '{ printf "%.2f", $1 }')
  js=$(median_ms "$BIN" --plans "$dir/plans" diff syn-a syn-b --format json)
  rw=$(rss_mib "${run[@]}")
  rn=$(rss_mib "$BIN" --no-cache --plans "$dir/plans" --color never diff syn-a syn-b)
  printf '%-8s %8s %8s %7s %8s %10s %8s %9s %11s\n' "$n" "$gd" "$pd" "$ratio" "$cd_" "$nc" "$js" "$rw" "$rn"
done
