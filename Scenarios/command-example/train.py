#!/usr/bin/env python3
"""A small real training script for Hyperfront's command evaluator.

Trains a logistic-regression classifier on polynomial features of a noisy two-moons data set
(generated from the trial's seed) with mini-batch gradient descent, and reports:
  val_loss  -- validation log-loss (minimise)
  accuracy  -- validation accuracy (maximise)
  params    -- number of weights (minimise: the model's size)

It reads its parameters from stdin (JSON), as Hyperfront sends them; HYPERFRONT_SEED seeds it.
It prints one JSON line per epoch ({"epoch": 3, "val_loss": 0.41}, kept as intermediate
reports) and the final metrics as the last line.

--backend stdlib (default) needs only the Python standard library. --backend sklearn trains
scikit-learn's SGDClassifier instead; without scikit-learn it stops with a clear message.
"""
import argparse
import json
import math
import os
import random
import sys


def moons(n, noise, rng):
    pts = []
    for i in range(n):
        t = math.pi * rng.random()
        if i % 2 == 0:
            x, y, label = math.cos(t), math.sin(t), 0
        else:
            x, y, label = 1 - math.cos(t), 0.5 - math.sin(t), 1
        pts.append((x + rng.gauss(0, noise), y + rng.gauss(0, noise), label))
    return pts


def features(x, y, degree):
    out = [1.0]
    for d in range(1, degree + 1):
        for k in range(d + 1):
            out.append((x ** (d - k)) * (y ** k))
    return out


def sigmoid(z):
    if z >= 0:
        return 1 / (1 + math.exp(-z))
    e = math.exp(z)
    return e / (1 + e)


def evaluate(w, data):
    loss, correct = 0.0, 0
    for f, label in data:
        p = min(max(sigmoid(sum(a * b for a, b in zip(w, f))), 1e-12), 1 - 1e-12)
        loss -= math.log(p) if label else math.log(1 - p)
        correct += (p >= 0.5) == bool(label)
    return loss / len(data), correct / len(data)


def train_stdlib(params, train, val, rng):
    lr, l2, epochs, batch = params["learning_rate"], params["l2"], params["epochs"], params["batch_size"]
    w = [0.0] * len(train[0][0])
    for epoch in range(1, epochs + 1):
        rng.shuffle(train)
        for s in range(0, len(train), batch):
            grad = [0.0] * len(w)
            chunk = train[s:s + batch]
            for f, label in chunk:
                err = sigmoid(sum(a * b for a, b in zip(w, f))) - label
                for j, v in enumerate(f):
                    grad[j] += err * v
            for j in range(len(w)):
                w[j] -= lr * (grad[j] / len(chunk) + l2 * w[j])
        loss, _ = evaluate(w, val)
        print(json.dumps({"epoch": epoch, "val_loss": loss}), flush=True)
    return w


def train_sklearn(params, train, val, seed):
    try:
        from sklearn.linear_model import SGDClassifier
    except ImportError:
        print("train.py: --backend sklearn needs scikit-learn (pip install scikit-learn); "
              "use --backend stdlib to train with the standard library only", file=sys.stderr)
        sys.exit(2)
    clf = SGDClassifier(loss="log_loss", alpha=params["l2"], learning_rate="constant",
                        eta0=params["learning_rate"], max_iter=params["epochs"], random_state=seed % (2 ** 32))
    clf.fit([f for f, _ in train], [l for _, l in train])
    return list(clf.intercept_) + list(clf.coef_[0][1:])  # features already hold the bias column


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--backend", choices=["stdlib", "sklearn"], default="stdlib")
    ap.add_argument("--samples", type=int, default=300)
    args = ap.parse_args()
    params = json.load(sys.stdin)
    seed = int(os.environ.get("HYPERFRONT_SEED", "1"))
    rng = random.Random(seed)
    degree = int(params["degree"])
    data = [(features(x, y, degree), label) for x, y, label in moons(args.samples, 0.2, random.Random(7))]
    rng.shuffle(data)
    cut = int(len(data) * 0.7)
    train, val = data[:cut], data[cut:]
    if args.backend == "sklearn":
        w = train_sklearn(params, train, val, seed)
    else:
        w = train_stdlib(params, train, val, rng)
    loss, acc = evaluate(w, val)
    print(json.dumps({"val_loss": loss, "accuracy": acc, "params": len(w)}))


if __name__ == "__main__":
    main()
