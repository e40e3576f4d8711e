#!/usr/bin/env bash
# Times `peacediff diff` against `git diff --no-index --word-diff=plain` on generated pairs of
# every shape (benches/tools/synthetic.rs, `peacediff::testing::Shape`), interleaved: each
# round runs git, then peacediff warm (the corpus cache filled), then peacediff --no-cache, so
# a machine that gets busier during the script tilts neither side. Prints, per case, the medians
# in milliseconds, the median of the per-round ratios, and peak memory (MiB) of one run each.
# See docs/performance.md.
#
#   benches/bench-shapes.sh [CASE...]     CASE is SHAPE:N, e.g. near-duplicates:10000
#   ROUNDS=7 (default 5)
#   BASE=/path/to/an/older/peacediff      also times that build warm in every round (its own
#                                         cache folder) and prints its ratio to git and new/base
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS=${ROUNDS:-5}
CASES=("$@")
[ ${#CASES[@]} -eq 0 ] && CASES=(realistic:10000 near-duplicates:10000 tiny-vocabulary:100000 unrelated:100000 shuffled:100000 realistic:100000)

cargo build --release --quiet --bin peacediff --example synthetic
BIN=$PWD/target/release/peacediff
GEN=$PWD/target/release/examples/synthetic
WORK=${WORK:-$(mktemp -d)}
trap 'rm -rf "$WORK"' EXIT
export PEACEDIFF_CACHE_DIR="$WORK/cache"

. benches/timing.sh # time_us, median, rss_mib

col_ms() { awk -v c="$1" '{ print $c }' | median | awk '{ printf "%.1f", $1 / 1000 }'; }
ratio() { awk -v c="$1" '{ print $c / $1 }' | median | awk '{ printf "%.2f", $1 }'; }


printf '%-24s %9s %9s %6s %10s %6s %8s %8s %8s' case git_ms warm_ms ×git nocache_ms ×git git_MiB warm_MiB nc_MiB
[ -n "${BASE:-}" ] && printf ' %9s %6s %8s' base_ms ×git new/base
echo
for case in "${CASES[@]}"; do
  shape=${case%%:*}
  n=${case##*:}
  dir="$WORK/$shape-$n"
  [ -d "$dir" ] || "$GEN" "$n" "$dir" 7 --shape "$shape"
  git_run=(git diff --no-index --word-diff=plain "$dir/a.txt" "$dir/b.txt")
  warm=("$BIN" --plans "$dir/plans" --color never diff syn-a syn-b)
  nocache=("$BIN" --no-cache --plans "$dir/plans" --color never diff syn-a syn-b)
  base=(env PEACEDIFF_CACHE_DIR="$WORK/cache-base" "${BASE:-true}" --plans "$dir/plans" --color never diff syn-a syn-b)
  "${warm[@]}" >/dev/null # fills the cache
  [ -n "${BASE:-}" ] && "${base[@]}" >/dev/null
  rounds=$(for _ in $(seq "$ROUNDS"); do
    b=0
    [ -n "${BASE:-}" ] && b=$(time_us "${base[@]}")
    echo "$(time_us "${git_run[@]}") $(time_us "${warm[@]}") $(time_us "${nocache[@]}") $b"
  done)
  printf '%-24s %9s %9s %6s %10s %6s %8s %8s %8s' "$case" \
    "$(col_ms 1 <<<"$rounds")" "$(col_ms 2 <<<"$rounds")" "$(ratio 2 <<<"$rounds")" \
    "$(col_ms 3 <<<"$rounds")" "$(ratio 3 <<<"$rounds")" \
    "$(rss_mib "${git_run[@]}" || true)" "$(rss_mib "${warm[@]}")" "$(rss_mib "${nocache[@]}")"
  if [ -n "${BASE:-}" ]; then
    printf ' %9s %6s %8s' "$(col_ms 4 <<<"$rounds")" "$(ratio 4 <<<"$rounds")" \
      "$(awk '{ print $2 / $4 }' <<<"$rounds" | median | awk '{ printf "%.2f", $1 }')"
  fi
  echo
done
