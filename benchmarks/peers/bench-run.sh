#!/usr/bin/env bash
# Whole-run overhead of `hyperfront run` (every trial stored in the study file), beside pymoo's
# in-process NSGA-II on the same problem:
#   - 25,000-trial random search on ZDT1;
#   - NSGA-II on ZDT1 with the literature settings (Scenarios/benchmarks/zdt1.yaml: population
#     100, 250 generations = 25,000 evaluations) vs pymoo 0.6.2 NSGA2(pop_size=100), 250 gen;
#   - linearity: 1,000 / 2,000 / 5,000 trials of NSGA-II on ZDT1 (30 variables, population 100).
# The pymoo column needs the peers' venv (benchmarks/peers/setup.sh; PEERS_VENV, default
# .venv-peers). Prints medians of RUNS runs (default 5).
set -euo pipefail
cd "$(dirname "$0")/../.."
runs="${RUNS:-5}"
cpu="${BENCH_CPU:-1}"
py="${PEERS_VENV:-$PWD/.venv-peers}/bin/python"
swift build -c release --product hyperfront >&2
bin=.build/release/hyperfront
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cat > "$tmp/random.yaml" <<'YAML'
name: zdt1-random
evaluator: {benchmark: zdt1}
objectives: [{metric: f1}, {metric: f2}]
search: {algorithm: random, trials: 25000, seed: 1}
YAML

# median wall seconds of a whole command, each run on a fresh study file
time_run() {
    local times=()
    for i in $(seq "$runs"); do
        rm -f "$tmp"/s.sqlite*
        local t0 t1
        t0=$(date +%s.%N)
        taskset -c "$cpu" "$@" --study "$tmp/s.sqlite" --quiet >/dev/null 2>&1
        t1=$(date +%s.%N)
        times+=("$(echo "$t1 - $t0" | bc -l)")
    done
    printf '%s\n' "${times[@]}" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'
}

random=$(time_run "$bin" run "$tmp/random.yaml")
nsga=$(time_run "$bin" run Scenarios/benchmarks/zdt1.yaml)
printf 'random search, 25000 trials stored:    %.3f s\n' "$random"
printf 'NSGA-II ZDT1, 25000 trials stored:      %.3f s\n' "$nsga"

if [ -x "$py" ]; then
    pymoo=$(OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 taskset -c "$cpu" "$py" - "$runs" <<'PY'
import sys, time, statistics
from pymoo.algorithms.moo.nsga2 import NSGA2
from pymoo.optimize import minimize
from pymoo.problems import get_problem
problem = get_problem("zdt1", n_var=30)
minimize(problem, NSGA2(pop_size=100), ("n_gen", 3), seed=1)
times = []
for seed in range(1, int(sys.argv[1]) + 1):
    t = time.perf_counter()
    minimize(problem, NSGA2(pop_size=100), ("n_gen", 250), seed=seed)
    times.append(time.perf_counter() - t)
print(statistics.median(times))
PY
)
    printf 'pymoo NSGA-II ZDT1 (in-process):        %.3f s  -> hyperfront takes %.3f of it (1/%.1f)\n' \
        "$pymoo" "$(echo "$nsga / $pymoo" | bc -l)" "$(echo "$pymoo / $nsga" | bc -l)"
else
    echo "pymoo: $py not found (bash benchmarks/peers/setup.sh)"
fi

for n in 1000 2000 5000; do
    t=$(time_run "$bin" run Scenarios/benchmarks/zdt1.yaml --trials "$n")
    printf 'NSGA-II ZDT1 %5d trials:              %.3f s  (%.1f µs per trial)\n' "$n" "$t" "$(echo "$t / $n * 1000000" | bc -l)"
done
