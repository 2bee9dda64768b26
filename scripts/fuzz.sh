#!/usr/bin/env bash
# Fuzzes the parsers (scenario YAML, resource formulas, point CSVs, trial output lines) for
# SECONDS (default 30) and prints the cases run and the peak memory.
#   scripts/fuzz.sh [SECONDS] [SEED]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-30}"
seed="${2:-12}"
swift build --build-tests >/dev/null
HYPERFRONT_FUZZ_SECONDS="$seconds" HYPERFRONT_FUZZ_SEED="$seed" \
  /usr/bin/time -v swift test --skip-build --filter parsersSurviveRandomAndMutatedInput 2>&1 \
  | grep -E "fuzz:|✔|✘|Maximum resident set size|Elapsed" 
