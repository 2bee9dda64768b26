#!/usr/bin/env bash
# NSGA-II quality and speed on ZDT1/2/3/4/6 and DTLZ1/2/7 (population 100, 250 generations,
# seeds 1..11) next to pymoo 0.6.2's medians, measured by nsga2.py into results/nsga2.json
# (run first when missing; a few minutes). Extra arguments go to the benchmark, e.g.
# --problems zdt1,dtlz2 --seeds 1-3, or --scaling 5000.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
cd "$here/../.."
python="${PEERS_VENV:-$PWD/.venv-peers}/bin/python"
if [ ! -s "$here/results/nsga2.json" ]; then
    bash "$here/setup.sh" >/dev/null
    taskset -c "${BENCH_CPU:-1}" "$python" "$here/nsga2.py"
fi
swift build -c release --product bench-nsga2 >&2
exec taskset -c "${BENCH_CPU:-1}" .build/release/bench-nsga2 --peer "$here/results/nsga2.json" "$@"
