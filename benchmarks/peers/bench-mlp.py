#!/usr/bin/env python3
"""scikit-learn's MLPClassifier on the comparison setting, timed single-threaded.

Setting: digits, X/16, the stratified 80/20 split given by the index files (written by
inputs.py: scikit-learn's train_test_split, random_state 0), hidden (128, 64), relu, adam 1e-3,
batch 32, 50 epochs, alpha (L2) 1e-4.
Usage: bench-mlp.py DIGITS_CSV TRAIN_IDX TEST_IDX [REPEATS]. Prints one JSON line.
"""
import common  # noqa: F401  (one thread, before numpy)

import json
import sys
import time
import warnings

import numpy as np
from threadpoolctl import threadpool_limits
from sklearn.exceptions import ConvergenceWarning
from sklearn.metrics import accuracy_score, f1_score
from sklearn.neural_network import MLPClassifier

csv, train_idx, test_idx = sys.argv[1:4]
repeats = int(sys.argv[4]) if len(sys.argv) > 4 else 3
warnings.filterwarnings("ignore", category=ConvergenceWarning)
data = np.loadtxt(csv, delimiter=",", skiprows=1)
X, y = data[:, :-1] / 16.0, data[:, -1].astype(int)
tr = np.loadtxt(train_idx, dtype=int)
te = np.loadtxt(test_idx, dtype=int)
times, accs = [], []
with threadpool_limits(1):
    for _ in range(repeats):
        clf = MLPClassifier(hidden_layer_sizes=(128, 64), activation="relu", solver="adam",
                            learning_rate_init=1e-3, batch_size=32, max_iter=50, early_stopping=False,
                            tol=0.0, n_iter_no_change=10 ** 9, alpha=1e-4, random_state=0)
        t0 = time.perf_counter()
        clf.fit(X[tr], y[tr])
        times.append(time.perf_counter() - t0)
        pred = clf.predict(X[te])
        accs.append(accuracy_score(y[te], pred))
med = sorted(times)[len(times) // 2]
print(json.dumps({"fit_seconds_median": med, "ms_per_epoch": med / clf.n_iter_ * 1000,
                  "accuracy": accs[-1], "macro_f1": f1_score(y[te], pred, average="macro"),
                  "epochs": int(clf.n_iter_), "n_train": len(tr), "n_validation": len(te)}))
