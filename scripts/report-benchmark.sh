#!/usr/bin/env bash
# Times `hyperfront report` on 10,000-trial synthetic studies (2 and 3 objectives) and on a
# 2,000-trial NSGA-II study of 5-objective DTLZ2 (a front of several hundred points, whose page
# carries a 5-objective hypervolume history) in a release build, single core: the table and the
# HTML page, median of 5 runs each. Goals: table < 1 s, html < 3 s.
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

cat > "$work/d5.yaml" <<'EOF2'
name: dtlz2-5
evaluator: {benchmark: dtlz2, objectives: 5}
objectives:
  - {metric: f1, goal: minimize}
  - {metric: f2, goal: minimize}
  - {metric: f3, goal: minimize}
  - {metric: f4, goal: minimize}
  - {metric: f5, goal: minimize}
search: {algorithm: nsga2, population: 100, trials: 2000, seed: 1}
EOF2
"$bin" run "$work/d5.yaml" --study "$work/d5.sqlite" >/dev/null 2>&1
front=$("$bin" report "$work/d5.sqlite" --format json | python3 -c 'import json,sys; print(json.load(sys.stdin)["summary"]["front_size"])')
tt=$(median_seconds $pin "$bin" report "$work/d5.sqlite")
th=$(median_seconds $pin "$bin" report "$work/d5.sqlite" --format html)
printf '2000 trials, 5 objectives, DTLZ2 (front %s): table %.3f s (goal < 1 s), html %.3f s (goal < 3 s)\n' "$front" "$tt" "$th"
