#!/usr/bin/env bash
# NSGA-II quality and speed on ZDT1/2/3/4/6 and DTLZ1/2/7 (population 100, 250 generations,
# seeds 1..11) next to pymoo 0.6.2's stored medians in ../shared/bench/results/nsga2.json.
# Extra arguments go to the benchmark, e.g. --problems zdt1,dtlz2 --seeds 1-3, or --scaling 5000.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product bench-nsga2 >&2
exec taskset -c "${BENCH_CPU:-1}" .build/release/bench-nsga2 --peer "$(dirname "$PWD")/shared/bench/results/nsga2.json" "$@"
