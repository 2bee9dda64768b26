#!/usr/bin/env python3
"""Optuna's NSGAIISampler beside `hyperfront run` on ZDT1 (30 variables, population 100).

Optuna 5.0: 30 suggest_float(0, 1) parameters, two minimised objectives, in-memory storage,
NSGAIISampler(population_size=100, seed=s) with its defaults, n_jobs=1; timed per block of
1,000 trials. Hyperfront: the whole `hyperfront run` process on Scenarios/benchmarks/zdt1.yaml
with the same trial count, every trial stored in a study file. Both pinned to one CPU.

Usage: .venv-peers/bin/python benchmarks/peers/optuna-zdt1.py [--trials 5000] [--seeds 1] [--cpu 1] [--binary PATH]
"""
import common as C

import argparse
import math
import os
import subprocess
import tempfile
import time
import warnings

import optuna


def zdt1(trial):
    x = [trial.suggest_float(f"x{i}", 0.0, 1.0) for i in range(1, 31)]
    g = 1 + 9 * sum(x[1:]) / 29
    return x[0], g * (1 - math.sqrt(x[0] / g))


def optuna_run(seed, trials):
    sampler = optuna.samplers.NSGAIISampler(population_size=100, seed=seed)
    study = optuna.create_study(directions=["minimize", "minimize"], sampler=sampler)
    blocks, start = [], time.perf_counter()
    for _ in range(0, trials, 1000):
        t0 = time.perf_counter()
        study.optimize(zdt1, n_trials=min(1000, trials - 1000 * len(blocks)))
        blocks.append(time.perf_counter() - t0)
    return time.perf_counter() - start, blocks


def hyperfront_run(binary, trials, cpu):
    with tempfile.TemporaryDirectory() as tmp:
        cmd = ["taskset", "-c", str(cpu), str(binary), "run", str(C.REPO / "Scenarios" / "benchmarks" / "zdt1.yaml"),
               "--trials", str(trials), "--study", os.path.join(tmp, "s.sqlite"), "--quiet"]
        t0 = time.perf_counter()
        subprocess.run(cmd, check=True, capture_output=True)
        return time.perf_counter() - t0


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--trials", type=int, default=5000)
    ap.add_argument("--seeds", type=int, default=1)
    ap.add_argument("--cpu", type=int, default=1)
    ap.add_argument("--binary", default=str(C.DEFAULT_BINARY))
    a = ap.parse_args()
    try:
        os.sched_setaffinity(0, {a.cpu})
    except (AttributeError, OSError):
        pass
    optuna.logging.set_verbosity(optuna.logging.WARNING)
    warnings.filterwarnings("ignore")
    print(f"ZDT1 (30 variables), population 100, {a.trials} trials, CPU {a.cpu}")
    for seed in range(1, a.seeds + 1):
        ours = hyperfront_run(a.binary, a.trials, a.cpu)
        total, blocks = optuna_run(seed, a.trials)
        print(f"  seed {seed}: Optuna {optuna.__version__} NSGAIISampler {total:.2f} s "
              f"(per 1,000 trials: {', '.join(f'{b:.2f}' for b in blocks)}); "
              f"hyperfront run, whole process: {ours:.3f} s; ratio {total / ours:.0f}x")


if __name__ == "__main__":
    main()
