"""Helpers of the peer-comparison scripts: one BLAS/OpenMP thread, paths, exact CSV I/O.

Import it before numpy: it pins every thread pool to one thread so all timings are
single-threaded, like Hyperfront's kernels.
"""
import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS",
             "VECLIB_MAXIMUM_THREADS", "NUMEXPR_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import hashlib
import json
from pathlib import Path

import numpy as np

try:
    from threadpoolctl import threadpool_limits
    threadpool_limits(1)
except ImportError:  # threadpoolctl comes with scikit-learn
    pass

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
DATA = HERE / "data"          # generated inputs (inputs.py, nsga2.py); not tracked
RESULTS = HERE / "results"    # measured peer figures; not tracked
DEFAULT_BINARY = REPO / ".build" / "release" / "hyperfront"


def write_points_csv(path, X):
    """No header, one point per line, every float as Python's shortest round-tripping repr."""
    X = np.asarray(X, dtype=float)
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w") as fh:
        for row in X:
            fh.write(",".join(repr(float(v)) for v in row) + "\n")


def read_points_csv(path):
    return np.loadtxt(path, delimiter=",", ndmin=2, dtype=float)


def sha256(path):
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def write_json(path, obj):
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(obj, indent=2) + "\n")
    return path


def read_json(path):
    return json.loads(Path(path).read_text())


def need(path, how):
    """Exits with a clear message when a generated input is missing."""
    if not Path(path).exists():
        raise SystemExit(f"{path} is missing: run {how} first")
    return path
