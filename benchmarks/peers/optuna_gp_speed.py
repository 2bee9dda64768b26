#!/usr/bin/env python3
"""Seconds Optuna's GPSampler takes to propose one trial after n trials, beside Hyperfront's
Bayesian sampler (`bench-bayes speed`) on the same problem.

The problem is bench-bayes's (Sources/bench-bayes/Speed.swift): 9 parameters (five floats in
[0, 1], a log-scaled learning rate, layers 1-8, log-scaled units 8-512, a categorical
activation), 2 or 3 smooth objectives and one outcome constraint (x2 + x3 <= 1.4). The first n
trials are random and added with their values and constraint; then `--repeats` proposals are
timed (`study.ask` samples the relative parameters: model fit and acquisition), each told
before the next.

Usage: .venv-peers/bin/python benchmarks/peers/optuna_gp_speed.py [--trials 50,200] [--objectives 2] [--repeats 3]
           [--hyperfront .build/release/bench-bayes]
"""
import argparse
import math
import os
import statistics
import subprocess
import sys
import time
import warnings

import common  # noqa: F401  (one BLAS/OpenMP thread)
import numpy as np
import optuna

warnings.filterwarnings("ignore")
optuna.logging.set_verbosity(optuna.logging.ERROR)

D = {f"x{i}": optuna.distributions.FloatDistribution(0, 1) for i in range(5)}
D["lr"] = optuna.distributions.FloatDistribution(1e-4, 1e-1, log=True)
D["layers"] = optuna.distributions.IntDistribution(1, 8)
D["units"] = optuna.distributions.IntDistribution(8, 512, log=True)
D["act"] = optuna.distributions.CategoricalDistribution(["relu", "tanh", "gelu"])
ACTS = ["relu", "tanh", "gelu"]


def problem(p, m):
    x = [p[f"x{i}"] for i in range(5)]
    lr = math.log10(p["lr"]) + 4
    layers = p["layers"] / 8
    units = math.log2(p["units"]) / 9
    act = ACTS.index(p["act"])
    g = 1 + sum((v - 0.5) ** 2 for v in x[1:]) + 0.1 * (lr - 2) ** 2 + 0.05 * act
    f = [x[0] * g, (1 - x[0]) * g + 0.3 * layers * units]
    if m > 2:
        f.append(g * (0.5 + 0.5 * math.sin(3 * x[0] + x[1])))
    return f, x[2] + x[3] - 1.4


def random_params(rng):
    p = {f"x{i}": float(rng.uniform()) for i in range(5)}
    p["lr"] = float(10 ** rng.uniform(-4, -1))
    p["layers"] = int(rng.integers(1, 9))
    p["units"] = int(round(2 ** rng.uniform(3, 9)))
    p["act"] = ACTS[int(rng.integers(0, 3))]
    return p


def optuna_seconds(n, m, repeats):
    sampler = optuna.samplers.GPSampler(seed=1, constraints_func=lambda t: t.user_attrs["c"])
    study = optuna.create_study(directions=["minimize"] * m, sampler=sampler)
    rng = np.random.default_rng(1)
    for _ in range(n):
        p = random_params(rng)
        f, g = problem(p, m)
        study.add_trial(optuna.trial.create_trial(params=p, distributions=D, values=f, user_attrs={"c": [g]},
                                                  system_attrs={"constraints": [g]}))
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        trial = study.ask(D)
        times.append(time.perf_counter() - start)
        f, g = problem(trial.params, m)
        trial.set_user_attr("c", [g])
        study.tell(trial, f)
    return times


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--trials", default="50,200")
    ap.add_argument("--objectives", type=int, default=2)
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--hyperfront", default=".build/release/bench-bayes")
    a = ap.parse_args()
    sizes = [int(s) for s in a.trials.split(",")]
    print(f"optuna {optuna.__version__}, GPSampler; {a.objectives} objectives, 9 parameters, 1 constraint")
    hf = {}
    if os.path.exists(a.hyperfront):
        out = subprocess.run([a.hyperfront, "speed", "--trials", a.trials, "--objectives", str(a.objectives),
                              "--repeats", str(max(a.repeats, 5))], capture_output=True, text=True, check=True).stdout
        for line in out.splitlines()[1:]:
            cells = line.split()
            hf[int(cells[0])] = float(cells[2])
    else:
        print(f"({a.hyperfront} not built: swift build -c release --product bench-bayes)", file=sys.stderr)
    print(f"{'trials':>6}  {'optuna_s':>10}  {'hyperfront_s':>12}  {'ratio':>8}")
    for n in sizes:
        t = statistics.median(optuna_seconds(n, a.objectives, a.repeats))
        h = hf.get(n)
        print(f"{n:>6}  {t:>10.3f}  {h if h is not None else float('nan'):>12.4f}  {t / h if h else float('nan'):>8.0f}")


if __name__ == "__main__":
    main()
