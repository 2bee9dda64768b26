#!/usr/bin/env bash
# Figures for the run loop: 25,000-trial random ZDT1 wall time, command-trial bookkeeping rate
# on 2 workers, and worker busy time with uneven trials (NSGA-II, population 16) — pipelined
# vs strict generations, plus "same trials with 1 and 2 workers".
# Usage: scripts/bench-trials.sh   (builds release first)
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product hyperfront >/dev/null
HF=.build/release/hyperfront
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT

cat > "$T/zdt1.yaml" <<'Y'
name: zdt1-random
evaluator: {benchmark: zdt1}
objectives: [{metric: f1}, {metric: f2}]
search: {algorithm: random, trials: 25000}
Y
echo "== 25,000 random ZDT1 trials (wall, 3 runs)"
for i in 1 2 3; do
  s=$(date +%s.%N); $HF run "$T/zdt1.yaml" --study "$T/z$i.sqlite" --quiet >/dev/null 2>&1; e=$(date +%s.%N)
  echo "  run $i: $(echo "$e - $s" | bc) s"
done

cat > "$T/trivial.yaml" <<'Y'
name: trivial
evaluator: {command: [printf, '{"f1": 1, "f2": 2}\n']}
space: {a: {float: [0, 1]}}
objectives: [{metric: f1}, {metric: f2}]
search: {algorithm: random, trials: 2000, workers: 2}
Y
echo "== trivial command (printf), 2000 trials, 2 workers"
s=$(date +%s.%N); $HF run "$T/trivial.yaml" --study "$T/t.sqlite" --quiet 2>&1 | tail -1; e=$(date +%s.%N)
echo "  $(echo "scale=1; 2000 / ($e - $s)" | bc) trials/s (spawn included)"

cat > "$T/uneven.yaml" <<'Y'
name: uneven
evaluator:
  command: [sh, -c, 'sleep $(awk "BEGIN{srand($HYPERFRONT_TRIAL); print 0.02 + 0.18 * rand()}"); echo "{\"f1\": $1, \"f2\": $2}"', sh, "{a}", "{b}"]
space: {a: {float: [0, 1]}, b: {float: [0, 1]}}
objectives: [{metric: f1}, {metric: f2}]
search: {algorithm: nsga2, population: 16, trials: 160, seed: 9}
Y
for depth in 4 0; do
  for w in 1 2; do
    out=$($HF run "$T/uneven.yaml" --study "$T/u-$depth-$w.sqlite" --workers $w --pipeline $depth --quiet 2>&1 | tail -1)
    echo "== uneven trials 20-200 ms, population 16, pipeline $depth, workers $w: $out"
  done
  $HF report "$T/u-$depth-1.sqlite" --format csv --all > "$T/a.csv"
  $HF report "$T/u-$depth-2.sqlite" --format csv --all > "$T/b.csv"
  if cmp -s "$T/a.csv" "$T/b.csv"; then echo "  pipeline $depth: 1 and 2 workers ran the same 160 trials"; else echo "  pipeline $depth: trials DIFFER between 1 and 2 workers"; fi
done
