#!/usr/bin/env python3
"""Sample efficiency side by side: median hypervolume gap after 50 and 100 trials over seeds,
Hyperfront (bayes, nsga2, random) beside Optuna 5.0 (GPSampler and TPESampler, each with
constraints_func), on the tabulated MLP benchmarks of benchmarks/tables and on ZDT1, ZDT2
and DTLZ2.

Gap = (HV(true front) − HV(feasible trials so far)) / HV(true front), objectives minimised.
Tables: the true front is the table's feasible non-dominated set; objectives scaled so that
its ideal point is 0 and the worst feasible value 1, reference point 1.1 in each. ZDT1/ZDT2 (30 variables)
and DTLZ2 (12 variables, 3 objectives): reference points of BoTorch's test problems (11 in each
objective for ZDT, 1.1 for DTLZ2), true hypervolumes exact (121 − 1/3, 121 − 2/3, 1.331 − π/6). Optuna's proposals that break a table's budget are
looked up like any other and count as infeasible trials (Optuna cannot keep a budget before
a trial runs); Hyperfront's never break it.

Each run is cached in benchmarks/peers/results/bayes/ (one JSON file per problem, sampler
and seed), so the script can be stopped and run again.

Usage: .venv-peers/bin/python benchmarks/peers/bayes-vs-optuna.py [--seeds 10] [--problems digits,wine,...]
           [--samplers bayes,nsga2,random,optuna-gp,optuna-tpe] [--bench .build/release/bench-bayes]
"""
import argparse
import csv
import json
import math
import os
import statistics
import subprocess
import sys
import warnings
from pathlib import Path

import common  # noqa: F401  (one BLAS/OpenMP thread)
import optuna

warnings.filterwarnings("ignore")
optuna.logging.set_verbosity(optuna.logging.ERROR)

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
TABLES = REPO / "benchmarks" / "tables"
CACHE = HERE / "results" / "bayes"
BENCHMARKS = {"zdt1": (30, 2), "zdt2": (30, 2), "dtlz2": (12, 3)}
# Reference points as in BoTorch's test problems (ZDT: 11 in each objective; DTLZ2: 1.1).
REFERENCE = {"zdt1": [11.0, 11.0], "zdt2": [11.0, 11.0], "dtlz2": [1.1, 1.1, 1.1]}
TRUE_HV = {"zdt1": 121 - 1 / 3, "zdt2": 121 - 2 / 3, "dtlz2": 1.331 - math.pi / 6}


# ---------- hypervolume (minimisation), exact for 2 and 3 objectives ----------

def nondominated(points):
    out = []
    for i, p in enumerate(points):
        if not any(all(a <= b for a, b in zip(q, p)) and (q != p or j < i) for j, q in enumerate(points) if j != i):
            out.append(p)
    return out


def hv2(points, ref):
    pts = sorted(p for p in points if p[0] < ref[0] and p[1] < ref[1])
    area, best = 0.0, ref[1]
    for x, y in pts:
        if y < best:
            area += (ref[0] - x) * (best - y)
            best = y
    return area


def hv(points, ref):
    pts = [p for p in points if all(a < b for a, b in zip(p, ref))]
    if not pts:
        return 0.0
    if len(ref) == 2:
        return hv2(pts, ref)
    pts.sort(key=lambda p: p[2])
    total = 0.0
    for i, p in enumerate(pts):
        top = pts[i + 1][2] if i + 1 < len(pts) else ref[2]
        if top > p[2]:
            total += hv2([q[:2] for q in pts[: i + 1]], ref[:2]) * (top - p[2])
    return total


# ---------- problems ----------

class Table:
    def __init__(self, name):
        self.name = name
        stem = "architecture-cells" if name == "architecture" else f"{name}-mlp"
        self.yaml = TABLES / f"{stem}.yaml"
        self.csv = TABLES / f"{stem}.csv"
        if not self.csv.exists():  # the architecture table is written on demand (about a second)
            subprocess.run([sys.executable, str(TABLES / "make-architecture-table.py")], check=True)
        text = self.yaml.read_text()
        self.budget = float(text.split("{metric: params, max:")[1].split("}")[0])
        rows = [r for r in csv.reader(line for line in self.csv.read_text().splitlines() if not line.startswith("#"))]
        header = rows[0]
        # The searched parameters: the keys of the YAML's space section, in order.
        space = text.split("\nspace:\n")[1]
        self.params = []
        for line in space.splitlines():
            if not line.startswith("  "):
                break
            self.params.append(line.split(":")[0].strip())
        self.values = {p: [] for p in self.params}
        self.rows = {}
        for r in rows[1:]:
            d = dict(zip(header, r))
            key = tuple(d[p] for p in self.params)
            for p in self.params:
                if d[p] not in self.values[p]:
                    self.values[p].append(d[p])
            acc = float(d["accuracy"]) if d["accuracy"] else None
            self.rows[key] = (acc, float(d["params"]))
        # Numeric choices are ordinal (sorted, suggested by index); named ones categorical.
        self.categorical = set()
        for p in self.params:
            try:
                self.values[p].sort(key=float)
            except ValueError:
                self.categorical.add(p)
        feasible = [self.objectives(k) for k, (a, n) in self.rows.items() if a is not None and n <= self.budget]
        front = nondominated(feasible)
        self.ideal = [min(p[i] for p in front) for i in range(2)]
        # The worst feasible value of each objective (a one-point front would make its own
        # nadir the ideal point and every other trial worthless).
        self.nadir = [max(p[i] for p in feasible) for i in range(2)]
        self.true_hv = hv([self.scale(p) for p in front], [1.1, 1.1])

    def objectives(self, key):
        acc, n = self.rows[key]
        return [-acc, n]

    def scale(self, p):
        return [(p[i] - self.ideal[i]) / max(self.nadir[i] - self.ideal[i], 1e-12) for i in range(2)]

    def gap(self, trials, n):
        pts = [self.scale(o) for o, v in trials[:n] if o is not None and v == 0]
        return (self.true_hv - hv(pts, [1.1, 1.1])) / self.true_hv


class Benchmark:
    def __init__(self, name):
        self.name = name
        self.n, self.m = BENCHMARKS[name]
        self.true_hv = TRUE_HV[name]

    def evaluate(self, x):
        if self.name in ("zdt1", "zdt2"):
            g = 1 + 9 * sum(x[1:]) / (len(x) - 1)
            h = 1 - math.sqrt(x[0] / g) if self.name == "zdt1" else 1 - (x[0] / g) ** 2
            return [x[0], g * h]
        k = x[self.m - 1:]
        g = sum((v - 0.5) ** 2 for v in k)
        f = []
        for i in range(self.m):
            v = 1 + g
            for j in range(self.m - 1 - i):
                v *= math.cos(x[j] * math.pi / 2)
            if i > 0:
                v *= math.sin(x[self.m - 1 - i] * math.pi / 2)
            f.append(v)
        return f

    def gap(self, trials, n):
        pts = [o for o, v in trials[:n] if o is not None and v == 0]
        return (self.true_hv - hv(pts, REFERENCE[self.name])) / self.true_hv


# ---------- runs ----------

def hyperfront_run(bench, problem, algorithm, seed, trials):
    if isinstance(problem, Table):
        cmd = [bench, "run", str(problem.yaml), "--table", str(problem.csv)]
    else:
        cmd = [bench, "run", str(REPO / "Scenarios" / "benchmarks" / f"{problem.name}.yaml")]
    cmd += ["--algorithm", algorithm, "--seed", str(seed), "--trials", str(trials), "--population", "20"]
    out = subprocess.run(cmd, capture_output=True, text=True, check=True)
    seconds = float(out.stderr.split("seconds")[1].split()[0])
    rows = [json.loads(line) for line in out.stdout.splitlines()]
    return [(None if None in r["objectives"] else r["objectives"], r["violation"]) for r in rows], seconds


def optuna_run(problem, kind, seed, trials):
    import time
    cons = lambda t: t.user_attrs["c"]  # noqa: E731
    if kind == "optuna-gp":
        sampler = optuna.samplers.GPSampler(seed=seed, constraints_func=cons)
    else:
        sampler = optuna.samplers.TPESampler(seed=seed, constraints_func=cons)
    m = 2 if isinstance(problem, Table) else problem.m
    study = optuna.create_study(directions=["minimize"] * m, sampler=sampler)
    out = []
    start = time.perf_counter()
    for _ in range(trials):
        t = study.ask()
        if isinstance(problem, Table):
            key = []
            for p in problem.params:
                vals = problem.values[p]
                if p in problem.categorical:
                    key.append(t.suggest_categorical(p, vals))
                else:  # ordinal: the index of the value, like Hyperfront's numeric choices
                    key.append(vals[t.suggest_int(p, 0, len(vals) - 1)])
            key = tuple(key)
            acc, n = problem.rows[key]
            c = n - problem.budget
            t.set_user_attr("c", [c])
            if acc is None:
                study.tell(t, state=optuna.trial.TrialState.FAIL)
                out.append((None, None))
                continue
            f = problem.objectives(key)
            study.tell(t, f)
            out.append((f, 0 if c <= 0 else c / problem.budget))
        else:
            x = [t.suggest_float(f"x{i}", 0, 1) for i in range(problem.n)]
            t.set_user_attr("c", [-1.0])
            f = problem.evaluate(x)
            study.tell(t, f)
            out.append((f, 0))
    return out, time.perf_counter() - start


def cached(problem, sampler, seed, trials, bench):
    path = CACHE / f"{problem.name}-{sampler}-{seed}-{trials}.json"
    if path.exists():
        d = json.loads(path.read_text())
        return [tuple(x) for x in d["trials"]], d["seconds"]
    if sampler.startswith("optuna"):
        res, sec = optuna_run(problem, sampler, seed, trials)
    else:
        res, sec = hyperfront_run(bench, problem, sampler, seed, trials)
    CACHE.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({"trials": res, "seconds": sec}))
    return res, sec


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--seeds", type=int, default=10)
    ap.add_argument("--problems", default="digits,wine,breast_cancer,architecture,zdt1,zdt2,dtlz2")
    ap.add_argument("--samplers", default="bayes,nsga2,random,optuna-gp,optuna-tpe")
    ap.add_argument("--trials", type=int, default=100)
    ap.add_argument("--bench", default=str(REPO / ".build" / "release" / "bench-bayes"))
    a = ap.parse_args()
    samplers = a.samplers.split(",")
    print(f"median hypervolume gap over seeds 1-{a.seeds} (lower is better); optuna {optuna.__version__}")
    print(f"{'problem':<14}{'sampler':<12}{'gap@50':>9}{'gap@100':>9}{'infeasible':>11}{'s/run':>8}")
    for name in a.problems.split(","):
        problem = Table(name) if name not in BENCHMARKS else Benchmark(name)
        for s in samplers:
            g50, g100, bad, secs = [], [], [], []
            for seed in range(1, a.seeds + 1):
                res, sec = cached(problem, s, seed, a.trials, a.bench)
                g50.append(problem.gap(res, 50))
                g100.append(problem.gap(res, a.trials))
                bad.append(sum(1 for o, v in res if o is not None and v != 0))
                secs.append(sec)
            print(f"{name:<14}{s:<12}{statistics.median(g50):>9.4f}{statistics.median(g100):>9.4f}"
                  f"{statistics.median(bad):>11.0f}{statistics.median(secs):>8.1f}", flush=True)


if __name__ == "__main__":
    main()
