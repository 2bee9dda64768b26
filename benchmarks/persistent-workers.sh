#!/usr/bin/env bash
# Whole-run wall time of a scikit-learn trial script (numpy + scikit-learn imported in every
# trial process) with persistent workers and without, side by side in one run.
#   benchmarks/persistent-workers.sh [TRIALS] [WORKERS]     (defaults 200 and 2)
# Uses the peer venv (benchmarks/peers/setup.sh; PEERS_VENV to point elsewhere) for numpy and
# scikit-learn, and the Python client from python/ through PYTHONPATH. HYPERFRONT names the
# binary (default: .build/release/hyperfront, else .build/debug/hyperfront).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/.." && pwd)"
trials="${1:-200}"
workers="${2:-2}"
venv="${PEERS_VENV:-$repo/.venv-peers}"
[ -x "$venv/bin/python" ] || PEERS_VENV="$venv" "$here/peers/setup.sh"
bin="${HYPERFRONT:-$repo/.build/release/hyperfront}"
[ -x "$bin" ] || bin="$repo/.build/debug/hyperfront"
[ -x "$bin" ] || { echo "build hyperfront first: swift build -c release" >&2; exit 2; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

scenario() {  # $1 = true|false
    cat <<YAML
name: sklearn-persistent-$1
evaluator:
  command: [$venv/bin/python, $here/persistent/train_sklearn.py]
  persistent: $1
  env: {PYTHONPATH: $repo/python, OMP_NUM_THREADS: "1", OPENBLAS_NUM_THREADS: "1"}
  timeout: 2m
  metrics: [val_loss, accuracy]
space:
  alpha:  {float: [1.0e-6, 1.0e-2], log: true}
  eta0:   {float: [1.0e-3, 1.0e-1], log: true}
  epochs: {int: [3, 8]}
objectives:
  - {metric: val_loss, goal: minimize}
  - {metric: accuracy, goal: maximize}
search:
  algorithm: random
  trials: $trials
  seed: 1
  workers: $workers
YAML
}

run() {  # $1 = true|false; prints seconds
    scenario "$1" > "$work/$1.yaml"
    local t0 t1
    t0=$(date +%s.%N)
    "$bin" run "$work/$1.yaml" --study "$work/$1.sqlite" > "$work/$1.log" 2>&1 || { cat "$work/$1.log" >&2; exit 1; }
    t1=$(date +%s.%N)
    echo "$t1 - $t0" | bc -l
}

echo "scikit-learn trial script, $trials trials, $workers workers ($("$venv/bin/python" -c 'import sklearn, numpy; print("scikit-learn", sklearn.__version__, "numpy", numpy.__version__)'))"
plain=$(run false)
persistent=$(run true)
"$bin" status "$work/false.sqlite" | sed -n 2p | sed 's/^/  one process per trial: /'
"$bin" status "$work/true.sqlite" | sed -n 2p | sed 's/^/  persistent workers:    /'
printf '  wall time, one process per trial: %8.2f s\n' "$plain"
printf '  wall time, persistent workers:    %8.2f s\n' "$persistent"
printf '  ratio persistent / per-trial:     %8.3f (goal: at most 0.1)\n' "$(echo "$persistent / $plain" | bc -l)"
