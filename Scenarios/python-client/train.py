#!/usr/bin/env python3
"""Logistic regression on polynomial features of a noisy two-moons data set, trained epoch
by epoch with the Hyperfront client (standard library only).

Reports after every epoch (the scheduler may stop the trial there) and finishes with
  val_loss  -- validation log-loss (minimise)
  accuracy  -- validation accuracy
  params    -- number of weights (the model's size)
"""
import math
import random

import hyperfront

EPOCHS = 9


def moons(n, noise, rng):
    rows = []
    for i in range(n):
        t = math.pi * rng.random()
        if i % 2 == 0:
            x, y, label = math.cos(t), math.sin(t), 0
        else:
            x, y, label = 1 - math.cos(t), 0.5 - math.sin(t), 1
        rows.append((x + rng.gauss(0, noise), y + rng.gauss(0, noise), label))
    return rows


def features(x, y, degree):
    return [x ** i * y ** (d - i) for d in range(degree + 1) for i in range(d + 1)]


def log_loss(w, data):
    total, correct = 0.0, 0
    for f, label in data:
        z = max(-30.0, min(30.0, sum(a * b for a, b in zip(w, f))))
        p = 1 / (1 + math.exp(-z))
        total -= math.log(p if label else 1 - p)
        correct += (p > 0.5) == bool(label)
    return total / len(data), correct / len(data)


for trial in hyperfront.trials():
    p = trial.params
    rng = random.Random(trial.seed)
    rows = moons(400, 0.25, rng)
    data = [(features(x, y, p["degree"]), label) for x, y, label in rows]
    train, valid = data[:300], data[300:]
    w = [0.0] * len(data[0][0])
    loss, acc = log_loss(w, valid)
    for epoch in range(1, EPOCHS + 1):
        rng.shuffle(train)
        for start in range(0, len(train), p["batch_size"]):
            batch = train[start:start + p["batch_size"]]
            grad = [0.0] * len(w)
            for f, label in batch:
                z = max(-30.0, min(30.0, sum(a * b for a, b in zip(w, f))))
                err = 1 / (1 + math.exp(-z)) - label
                for j, v in enumerate(f):
                    grad[j] += err * v
            for j in range(len(w)):
                w[j] -= p["learning_rate"] * (grad[j] / len(batch) + p["l2"] * w[j])
        loss, acc = log_loss(w, valid)
        print("epoch", epoch, "val_loss", round(loss, 4))    # goes to stderr, never into the protocol
        trial.report(epoch, val_loss=loss, accuracy=acc, params=len(w))
        if trial.should_stop():
            break
    trial.finish(val_loss=loss, accuracy=acc, params=len(w))
