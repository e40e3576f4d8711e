#!/usr/bin/env bash
# Start time of short commands on the bundled corpus against `git --version`, interleaved: each
# round runs `git --version` then every peacediff command once, and each command's figure is
# the median of its per-round ratios to git (and its median time). The corpus cache is filled
# first, as after any earlier run of the same build. See docs/performance.md.
#
#   benches/bench-start.sh            ROUNDS=41 by default
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS=${ROUNDS:-41}
cargo build --release --quiet --bin peacediff
BIN=$PWD/target/release/peacediff
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
export PEACEDIFF_CACHE_DIR="$WORK/cache"
"$BIN" list >/dev/null

CMDS=("$BIN --version" "$BIN list" "$BIN show us-28" "$BIN diff 28-pt 19-pt" "$BIN --no-cache list")
. benches/timing.sh # time_us, median, rss_mib
rounds=$(for _ in $(seq "$ROUNDS"); do
  line="$(time_us git --version)"
  for c in "${CMDS[@]}"; do line="$line $(time_us $c)"; done
  echo "$line"
done)
printf '%-28s %8s %7s\n' command ms ×git
printf '%-28s %8s %7s\n' "git --version" "$(awk '{ print $1 }' <<<"$rounds" | median | awk '{ printf "%.2f", $1 / 1000 }')" 1.00
for i in "${!CMDS[@]}"; do
  col=$((i + 2))
  ms=$(awk -v c=$col '{ print $c }' <<<"$rounds" | median | awk '{ printf "%.2f", $1 / 1000 }')
  ratio=$(awk -v c=$col '{ print $c / $1 }' <<<"$rounds" | median | awk '{ printf "%.2f", $1 }')
  printf '%-28s %8s %7s\n' "${CMDS[$i]#"$BIN "}" "$ms" "$ratio"
done
