#!/usr/bin/env bash
# Side-by-side timing of one NSGA-II problem (default ZDT1): pymoo 0.6.2 in-process
# (NSGA2(pop_size=100), 250 generations, seeds 1..3, after one warm-up run) and Hyperfront's
# bench-nsga2 with the same settings, on the same CPU, one after the other; prints the ratio.
# Needs the peers' venv: bash benchmarks/peers/setup.sh (PEERS_VENV, default .venv-peers).
set -euo pipefail
cd "$(dirname "$0")/../.."
problem="${1:-zdt1}"
cpu="${BENCH_CPU:-1}"
py="${PEERS_VENV:-$PWD/.venv-peers}/bin/python"
swift build -c release --product bench-nsga2 >&2
pymoo_s=$(OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1 taskset -c "$cpu" "$py" - "$problem" <<'PY'
import sys, time, statistics
from pymoo.algorithms.moo.nsga2 import NSGA2
from pymoo.optimize import minimize
from pymoo.problems import get_problem
name = sys.argv[1]
kw = {"zdt1": {"n_var": 30}, "zdt2": {"n_var": 30}, "zdt3": {"n_var": 30}, "zdt4": {"n_var": 10}, "zdt6": {"n_var": 10},
      "dtlz1": {"n_var": 7, "n_obj": 3}, "dtlz2": {"n_var": 12, "n_obj": 3}, "dtlz7": {"n_var": 22, "n_obj": 3}}[name]
problem = get_problem(name, **kw)
minimize(problem, NSGA2(pop_size=100), ("n_gen", 3), seed=1)
times = []
for seed in (1, 2, 3):
    t = time.perf_counter()
    minimize(problem, NSGA2(pop_size=100), ("n_gen", 250), seed=seed)
    times.append(time.perf_counter() - t)
print(statistics.median(times))
PY
)
line=$(taskset -c "$cpu" .build/release/bench-nsga2 --problems "$problem" --seeds 1-3 | grep "^$problem ")
# Row: problem, pymoo HV, HV median, q25, q75, ≥ pymoo, IGD, pymoo IGD, all-trials HV, wall s, cpu s, ...
ours=$(echo "$line" | awk '{print $10}')
ours_cpu=$(echo "$line" | awk '{print $11}')
echo "$problem: pymoo NSGA-II ${pymoo_s} s (median of 3), Hyperfront ${ours} s wall / ${ours_cpu} s CPU (median of 3): $(python3 -c "print(f'{$pymoo_s / $ours:.1f}x faster (wall)')")"
