#!/usr/bin/env bash
# Hyperfront's built-in trainer vs scikit-learn's MLPClassifier, side by side in one run, on
# one core with one BLAS thread each: digits, stratified 80/20 split (scikit-learn's
# train_test_split, random_state 0; indices written by inputs.py), hidden (128, 64), relu,
# adam 1e-3, batch 32, 50 epochs, L2 1e-4. Prints ms/epoch and validation accuracy of both,
# and the ratio.
#
# Usage: benchmarks/peers/bench-mlp.sh [REPEATS]   (PEERS_VENV: the peers' venv, see setup.sh)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
python="${PEERS_VENV:-$repo/.venv-peers}/bin/python"
repeats="${1:-3}"
export OPENBLAS_NUM_THREADS=1 OMP_NUM_THREADS=1 MKL_NUM_THREADS=1

cd "$repo"
bash "$here/setup.sh" >/dev/null
[ -s "$here/data/digits-test-idx.csv" ] || "$python" "$here/inputs.py" >/dev/null
data="$here/data"
swift build -c release --product mlp-bench >/dev/null
bench="$(swift build -c release --show-bin-path)/mlp-bench"

pin=(); command -v taskset >/dev/null && pin=(taskset -c "${BENCH_CPU:-1}")
ours="$("${pin[@]}" "$bench" "$repo/Scenarios/data/digits.csv" "$data/digits-train-idx.csv" "$data/digits-test-idx.csv" "$repeats")"
peer="$("${pin[@]}" "$python" "$here/bench-mlp.py" "$repo/Scenarios/data/digits.csv" "$data/digits-train-idx.csv" "$data/digits-test-idx.csv" "$repeats")"

"$python" - "$ours" "$peer" <<'PY'
import json, sys
ours, peer = json.loads(sys.argv[1]), json.loads(sys.argv[2])
print("MLP 64-128-64-10 on digits (1437 train / 360 validation), adam 1e-3, batch 32, 50 epochs, 1 thread")
print(f"  hyperfront    {ours['ms_per_epoch']:7.2f} ms/epoch   validation accuracy {ours['accuracy_seed0']:.4f} (seed 0; mean of {len(ours['accuracies'])} seeds {ours['accuracy_mean']:.4f})")
print(f"  scikit-learn  {peer['ms_per_epoch']:7.2f} ms/epoch   validation accuracy {peer['accuracy']:.4f}")
print(f"  time ratio hyperfront / scikit-learn: {ours['ms_per_epoch'] / peer['ms_per_epoch']:.3f}   "
      f"accuracy difference: {100 * (ours['accuracy_seed0'] - peer['accuracy']):+.2f} points")
PY
