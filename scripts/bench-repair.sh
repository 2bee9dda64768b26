#!/usr/bin/env bash
# Integer-program repair figures (release build, one core):
#  - exactness of repair / extremes / satisfiability against brute force on 3,000 random
#    spaces of ≤ 5 discrete parameters and ≤ 5,000 configurations;
#  - the cost of one repair on the MLP-shaped space of Scenarios/budgeted-mlp.yaml
#    (median, p90, max), each of 200 repairs checked against brute force.
# Usage: scripts/bench-repair.sh
set -euo pipefail
cd "$(dirname "$0")/.."
# `swift test -c release` builds with testing enabled (the tests use @testable import).
swift build -c release --target IntegerPrograms >/dev/null
HYPERFRONT_BENCH=1 taskset -c 1 swift test -c release --filter RepairBenchmark 2>&1 \
  | grep -v -E '^(◇|↳|Test Suite|	 Executed|\[[0-9]+/[0-9]+\]|Building|Compiling|Write|Planning|Build complete)'
