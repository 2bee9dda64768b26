#!/usr/bin/env python3
"""scikit-learn's cross_val_score on the folds Hyperfront's `cv: 5` uses, same setting.

Folds (Hyperfront's documented rule, `Dataset.stratifiedFolds`): rows ordered by class, then by
position in the file; the j-th row in that order goes to fold j mod k. Setting: digits,
standardised on each fold's training rows (StandardScaler in the pipeline, as Hyperfront
does), hidden (128, 64), relu, adam 1e-3, batch 32, 50 epochs, alpha (L2) 1e-4, no early
stopping. Usage: cv_digits.py DIGITS_CSV [K]. Prints one JSON line: the mean and the
population standard deviation of the fold accuracies, for random_state 0, 1, 2.
"""
import common  # noqa: F401  (one thread, before numpy)

import json
import sys
import warnings

import numpy as np
from sklearn.exceptions import ConvergenceWarning
from sklearn.model_selection import PredefinedSplit, cross_val_score
from sklearn.neural_network import MLPClassifier
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

csv = sys.argv[1]
k = int(sys.argv[2]) if len(sys.argv) > 2 else 5
warnings.filterwarnings("ignore", category=ConvergenceWarning)
data = np.loadtxt(csv, delimiter=",", skiprows=1)
X, y = data[:, :-1], data[:, -1].astype(int)
n = len(y)
fold = np.empty(n, dtype=int)
fold[np.lexsort((np.arange(n), y))] = np.arange(n) % k
out = {"k": k, "fold_sizes": np.bincount(fold).tolist(), "runs": []}
for seed in (0, 1, 2):
    model = make_pipeline(StandardScaler(), MLPClassifier(
        hidden_layer_sizes=(128, 64), activation="relu", solver="adam", learning_rate_init=1e-3,
        batch_size=32, max_iter=50, alpha=1e-4, n_iter_no_change=10_000, tol=0.0, random_state=seed))
    scores = cross_val_score(model, X, y, cv=PredefinedSplit(fold), scoring="accuracy")
    out["runs"].append({"random_state": seed, "mean": scores.mean(), "std": scores.std(), "folds": scores.tolist()})
print(json.dumps(out))
