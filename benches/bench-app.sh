#!/usr/bin/env bash
# The terminal app on generated folders, this build's `tui_timing` against another build's
# (BASE, e.g. one built at an earlier commit), interleaved: each round runs every case with
# BASE, then with this build. Per case: the time to the first frame (cache load, building the
# app, drawing) and, per key script, the slowest key (update + frame); medians over the
# rounds, and the median of the per-round ratios this/BASE. See docs/performance.md.
#
#   benches/bench-app.sh BASE_TUI_TIMING        ROUNDS=5 by default
#
# Cases: two drafts of 10,000 clauses; two drafts of 10 clauses, one about 50 MB long
# (`long:50000000`); 2,000 drafts of 50 clauses (at 120×40).
set -euo pipefail
cd "$(dirname "$0")/.."
BASE=${1:?usage: bench-app.sh BASE_TUI_TIMING}
ROUNDS=${ROUNDS:-5}
cargo build --release --quiet --example tui_timing --example synthetic
NEW=$PWD/target/release/examples/tui_timing
WORK=${WORK:-$(mktemp -d)}
S=target/release/examples/synthetic
[ -d "$WORK/pair" ] || $S 10000 "$WORK/pair" >/dev/null
[ -d "$WORK/long" ] || $S 10 "$WORK/long" 7 --shape long:50000000 >/dev/null
[ -d "$WORK/corpus" ] || $S 50 "$WORK/corpus" --corpus 2000 >/dev/null

J20=jjjjjjjjjjjjjjjjjjjj
# A cache folder per build and case: an entry is keyed by the executable, and a folder keeps
# four entries, so that every timed load is warm.
cache() { echo "$WORK/cache-$(basename "$(dirname "$1")")-$(cksum <"$1" | cut -d' ' -f1)-$2"; }
run_case() { # BIN CASE
  export PEACEDIFF_CACHE_DIR
  PEACEDIFF_CACHE_DIR=$(cache "$1" "$2")
  case $2 in
    pair) "$1" "$WORK/pair/plans" --script $J20 --script 2 --script $J20 --script 3 \
      --script $J20 --script 4 --script jjjjjlllll ;;
    long) "$1" "$WORK/long/plans" --script jjjjj --script jk --script '<tab>jj' \
      --script '<c-d>' --script '/zq' --script '<esc>' --script 2 --script jk ;;
    corpus) "$1" "$WORK/corpus/plans" --size 120x40 --script 4 --script jjjjj \
      --script llllllllll --script '<tab>jjj' --script '<tab>jj' --script 3 --script jjjjj ;;
  esac
}
# One line per measure: BIN CASE ITEM MS.
measures() { # BIN CASE
  run_case "$1" "$2" | awk -v b="$3" -v c="$2" '
    /to the first frame/ { sub(/ ms to the first frame/, ""); n = split($0, f, " "); print b, c, "first-frame", f[n]; next }
    /key\(s\)/ { s = $1; gsub(/[":]/, "", s); k++; for (i = 1; i <= NF; i++) if ($i == "slowest") v = $(i + 1); print b, c, k "." s, v }'
}
for c in pair long corpus; do # the cache entries, written once and not timed
  for b in "$BASE" "$NEW"; do
    PEACEDIFF_CACHE_DIR=$(cache "$b" "$c") "$b" "$WORK/$c/plans" >/dev/null
  done
done
for _ in $(seq "$ROUNDS"); do
  for c in pair long corpus; do
    measures "$BASE" "$c" base
    measures "$NEW" "$c" new
  done
done >"$WORK/rounds.txt"
awk '
  function median(s,   n, a, i, j, t) {
    n = split(s, a, " ")
    for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (a[j] + 0 < a[i] + 0) { t = a[i]; a[i] = a[j]; a[j] = t }
    return (n % 2) ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
  }
  { key = $2 " " $3; if (!(key in seen)) { seen[key] = 1; order[++m] = key }
    v[$1, key] = v[$1, key] " " $4; last[$1, key] = $4
    if ($1 == "new") r[key] = r[key] " " ($4 / (last["base", key] > 0 ? last["base", key] : 0.001)) }
  END { printf "%-30s %10s %10s %8s\n", "case / measure (ms)", "base", "new", "new/base"
        for (i = 1; i <= m; i++) { k = order[i]
          printf "%-30s %10.2f %10.2f %8.3f\n", k, median(v["base", k]), median(v["new", k]), median(r[k]) } }
' "$WORK/rounds.txt"
