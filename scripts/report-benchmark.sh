#!/usr/bin/env bash
# Times `hyperfront report` on 10,000-trial synthetic studies (2 and 3 objectives) in a release
# build, single core: the table and the HTML page, median of 5 runs each. Goals: table < 1 s,
# html < 3 s.
#
# usage: scripts/report-benchmark.sh [TRIALS]     (builds .build/release/hyperfront if missing)
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
trials="${1:-10000}"
bin="$repo/.build/release/hyperfront"
[ -x "$bin" ] || (cd "$repo" && swift build -c release --product hyperfront)
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
pin=""; command -v taskset >/dev/null && pin="taskset -c 1"

median_seconds() {  # command... -> median wall seconds of 5 runs
  local times=()
  for _ in 1 2 3 4 5; do
    local t0 t1
    t0=$(date +%s.%N); "$@" >/dev/null; t1=$(date +%s.%N)
    times+=("$(echo "$t1 - $t0" | bc -l)")
  done
  printf '%s\n' "${times[@]}" | sort -g | sed -n 3p
}

for d in 2 3; do
  python3 "$repo/scripts/make-synthetic-study.py" "$work/s$d.sqlite" --trials "$trials" --objectives "$d" --seed 9 >/dev/null
  front=$("$bin" report "$work/s$d.sqlite" --format json | python3 -c 'import json,sys; print(json.load(sys.stdin)["summary"]["front_size"])')
  tt=$(median_seconds $pin "$bin" report "$work/s$d.sqlite")
  th=$(median_seconds $pin "$bin" report "$work/s$d.sqlite" --format html)
  size=$("$bin" report "$work/s$d.sqlite" --format html | wc -c)
  printf '%d trials, %d objectives (front %s): table %.3f s (goal < 1 s), html %.3f s (goal < 3 s, %d bytes)\n' \
    "$trials" "$d" "$front" "$tt" "$th" "$size"
done
