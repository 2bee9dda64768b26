#!/usr/bin/env bash
# Cross-validation: Hyperfront's `cv: 5` against scikit-learn's cross_val_score with the same
# folds and setting, on digits (one fixed configuration: hidden (128, 64), relu, adam 1e-3,
# batch 32, 50 epochs, L2 1e-4). Prints both 5-fold mean accuracies and their difference in
# points. The folds: see cv_digits.py (both sides compute them by the same documented rule).
#
# Usage: benchmarks/peers/cv-digits.sh [path/to/hyperfront]
#   (CV_VENV: a venv with requirements-cv.txt; default /tmp/venv-cv)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
python="${CV_VENV:-/tmp/venv-cv}/bin/python"
H="${1:-$repo/.build/debug/hyperfront}"
export OPENBLAS_NUM_THREADS=1 OMP_NUM_THREADS=1 MKL_NUM_THREADS=1
[ -x "$python" ] || { python3 -m venv "${CV_VENV:-/tmp/venv-cv}" && "$python" -m pip install -q -r "$here/requirements-cv.txt"; }
dir="$(mktemp -d)"; trap 'rm -rf "$dir"' EXIT
"$H" run "$here/cv-digits.yaml" --study "$dir/cv.sqlite" --quiet 2>/dev/null
ours="$("$H" report "$dir/cv.sqlite" --format json)"
peer="$(cd "$here" && "$python" cv_digits.py "$repo/Scenarios/data/digits.csv" 5)"
"$python" - "$ours" "$peer" <<'PY'
import json, statistics, sys
ours, peer = json.loads(sys.argv[1]), json.loads(sys.argv[2])
t = ours["trials"][0]["metrics"]
acc, std = t["accuracy"], t["accuracy_std"]
print(f"stratified 5-fold on digits (fold sizes {peer['fold_sizes']}), hidden (128, 64), relu, adam 1e-3, batch 32, 50 epochs")
print(f"  hyperfront cv: 5          mean accuracy {acc:.4f}  std {std:.4f}  train_seconds {t['train_seconds']:.1f} (5 trainings)")
for r in peer["runs"]:
    print(f"  scikit-learn random_state {r['random_state']}  mean accuracy {r['mean']:.4f}  std {r['std']:.4f}")
m = statistics.mean(r["mean"] for r in peer["runs"])
d = 100 * (acc - peer["runs"][0]["mean"])
print(f"  difference (hyperfront − scikit-learn random_state 0): {d:+.2f} points; against the mean of the 3 states: {100 * (acc - m):+.2f} points")
print(f"  within 1 point: {'yes' if abs(d) <= 1 else 'NO'}")
PY
