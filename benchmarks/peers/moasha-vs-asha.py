#!/usr/bin/env python3
"""Compute for the same front: median hypervolume gap over seeds at equal consumed compute, on
the learning-curve tables of benchmarks/tables/curves (every configuration of a discrete MLP
space trained once for 27 epochs by the built-in trainer, each epoch's validation accuracy kept).

Compared, at 20, 40, 60 and 80 full-trial equivalents of compute:
  hyperfront-nsga2      NSGA-II, every trial at full fidelity (27 epochs)
  hyperfront-asha       NSGA-II proposals, multi-objective ASHA (rungs 1, 3, 9; η = 3),
                        crowding tie-break, each trial ranked at a rung by the best of its
                        window means (mean of its reports since its previous rung) so far
                        (the defaults)
  hyperfront-asha-last  the same, ranked by the values of the report that reached the rung
  hyperfront-asha-best  ranked by its best reported values so far
  hyperfront-asha-window-mean  ranked by the mean of its reports since its previous rung
  hyperfront-asha-hv    the same, exclusive hypervolume contribution as the tie-break
  hyperfront-asha-random  random proposals, multi-objective ASHA
  hyperfront-hyperband  NSGA-II proposals, Hyperband (brackets of ASHA)
  hyperfront-hyperband-last  the same, ranked by the values at the rung
  hyperfront-hyperband-best  ranked by its best reported values so far
  moasha-shipped        Syne Tune 0.16 MOASHA as shipped (random search, NonDominatedPriority)
  moasha-fixed          the same, NonDominatedPriority fixed to return ranks
  moasha-constrained    the fixed one, ranking trials that break the budget behind every other

The Hyperfront runs go through the real scheduler: `bench-scheduler run` runs a study whose
evaluator replays a configuration's curve epoch by epoch through its trial channel and stops
when the scheduler says so (one worker, so trial order is the order compute was spent).
Syne Tune's scheduler is driven the same way: one trial at a time, one result per epoch, its
STOP obeyed.

Compute: epochs actually run, each weighted by its configuration's training FLOPs per epoch
(deterministic, from the table); one full-trial equivalent is the mean cost of 27 epochs over
the budget-feasible configurations. A trial counts at a level when the compute spent up to and
including it is within the level.

Gap = (HV(true front) − HV(front of the complete, feasible trials so far)) / HV(true front);
objectives (1 − accuracy after epoch 27, parameters) minimised, scaled so that the true front's
ideal point is 0 and the worst feasible value 1, reference point 1.1 in each. The true front is
the table's feasible non-dominated set after 27 epochs. A configuration breaks the budget when
its parameter count exceeds the table's `params` bound; Hyperfront's budget repair never
proposes one, Syne Tune's random search does (and spends compute on it).

Syne Tune 0.16's NonDominatedPriority returns the sort order (indices of the items, best
first) where its Bracket expects each item's rank; inside each front it also indexes with the
ε-net's ranks as if they were an order. The fixed priority returns ranks and orders each front
by the ε-net order.

Usage: /tmp/venv-synetune/bin/python benchmarks/peers/moasha-vs-asha.py [--seeds 10]
           [--tables digits,wine,breast_cancer] [--methods ...] [--bench .build/release/bench-scheduler]
Requirements: benchmarks/peers/moasha-requirements.txt (syne-tune 0.16.0).
"""
import argparse
import csv
import json
import random
import statistics
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
CURVES = REPO / "benchmarks" / "tables" / "curves"
LEVELS = [20, 40, 60, 80]
EPOCHS = 27
HYPERFRONT = {
    "hyperfront-nsga2": ["--early-stopping", "none", "--trials", "400"],
    "hyperfront-asha": ["--early-stopping", "asha"],
    "hyperfront-asha-last": ["--early-stopping", "asha", "--rung-value", "last"],
    "hyperfront-asha-best": ["--early-stopping", "asha", "--rung-value", "best"],
    "hyperfront-asha-window-mean": ["--early-stopping", "asha", "--rung-value", "window-mean"],
    "hyperfront-asha-hv": ["--early-stopping", "asha", "--diversity", "hypervolume"],
    "hyperfront-asha-random": ["--early-stopping", "asha", "--algorithm", "random"],
    "hyperfront-hyperband": ["--early-stopping", "hyperband"],
    "hyperfront-hyperband-last": ["--early-stopping", "hyperband", "--rung-value", "last"],
    "hyperfront-hyperband-best": ["--early-stopping", "hyperband", "--rung-value", "best"],
}
SYNETUNE = ["moasha-shipped", "moasha-fixed", "moasha-constrained"]


# ---------- hypervolume (two objectives, minimisation) ----------

def hv2(points, ref):
    pts = sorted(p for p in points if p[0] < ref[0] and p[1] < ref[1])
    area, best = 0.0, ref[1]
    for x, y in pts:
        if y < best:
            area += (ref[0] - x) * (best - y)
            best = y
    return area


def nondominated(points):
    return [p for i, p in enumerate(points)
            if not any(q[0] <= p[0] and q[1] <= p[1] and (q != p or j < i) for j, q in enumerate(points) if j != i)]


# ---------- the table ----------

class Curves:
    def __init__(self, name):
        self.name = name
        self.yaml = CURVES / f"{name}-curves.yaml"
        self.csv = CURVES / f"{name}-curves.csv"
        self.budget = float(self.yaml.read_text().split("{metric: params, max:")[1].split("}")[0])
        rows = list(csv.reader(line for line in self.csv.read_text().splitlines() if not line.startswith("#")))
        header = rows[0]
        p = header.index("params")
        self.columns = header[:p]
        self.values = {c: [] for c in self.columns}
        self.rows = {}
        for r in rows[1:]:
            for c, v in zip(self.columns, r):
                if v not in self.values[c]:
                    self.values[c].append(v)
            acc = [float(x) if x else None for x in r[p + 2:p + 2 + EPOCHS]]
            self.rows[",".join(r[:p])] = (float(r[p]), float(r[p + 1]), acc)
        feasible = [k for k, (n, _, _) in self.rows.items() if n <= self.budget]
        self.unit = statistics.mean(EPOCHS * self.rows[k][1] for k in feasible)
        finals = [self.final(k) for k in feasible if self.final(k) is not None]
        front = nondominated(finals)
        self.ideal = [min(q[i] for q in front) for i in range(2)]
        self.nadir = [max(q[i] for q in finals) for i in range(2)]
        self.true_hv = hv2([self.scale(q) for q in front], [1.1, 1.1])
        self.feasible = len(feasible)

    def final(self, key):
        n, _, acc = self.rows[key]
        return None if acc[-1] is None else [1 - acc[-1], n]

    def scale(self, q):
        return [(q[i] - self.ideal[i]) / max(self.nadir[i] - self.ideal[i], 1e-12) for i in range(2)]

    def gaps(self, trace):
        """trace: (cost, key or None when not complete) per trial in order; gap at each level."""
        out, spent, points, i = [], 0.0, [], 0
        for level in LEVELS:
            limit = level * self.unit
            while i < len(trace) and spent + trace[i][0] <= limit * (1 + 1e-12):
                spent += trace[i][0]
                key = trace[i][1]
                if key is not None and self.rows[key][0] <= self.budget and self.final(key) is not None:
                    points.append(self.scale(self.final(key)))
                i += 1
            out.append((self.true_hv - hv2(points, [1.1, 1.1])) / self.true_hv)
        return out


# ---------- Hyperfront (the real scheduler, through bench-scheduler run) ----------

def hyperfront_trace(bench, curves, method, seed):
    cmd = [bench, "run", str(curves.yaml), "--curves", str(curves.csv), "--seed", str(seed)] + HYPERFRONT[method]
    out = subprocess.run(cmd, capture_output=True, text=True, check=True)
    trace = []
    for line in out.stdout.splitlines():
        t = json.loads(line)
        cost = t["epochs"] * curves.rows[t["key"]][1]
        trace.append((cost, t["key"] if t["state"] == "complete" else None))
    return trace


# ---------- Syne Tune 0.16 MOASHA ----------

def epsilon_net_order(X, dim=0):
    """The ε-net order (indices, best first) of Syne Tune's compute_epsilon_net, whose return
    value is each item's rank: inverted here."""
    from syne_tune.optimizer.schedulers.multiobjective.non_dominated_priority import compute_epsilon_net
    ranks = compute_epsilon_net(X, dim=dim)
    order = np.empty(len(ranks), dtype=int)
    order[ranks] = np.arange(len(ranks))
    return order


def sorted_order(X, dim=0):
    """Non-dominated sort with ε-net order inside each front: indices, best first."""
    from syne_tune.optimizer.schedulers.multiobjective.non_dominated_priority import pareto_efficient
    remaining, order = np.arange(X.shape[0]), []
    while remaining.size > 0:
        mask = pareto_efficient(X[remaining])
        front = remaining[mask]
        order += front[epsilon_net_order(X[front], dim)].tolist()
        remaining = remaining[~mask]
    return order


def ranks_of(order):
    ranks = np.empty(len(order), dtype=int)
    ranks[np.asarray(order, dtype=int)] = np.arange(len(order))
    return ranks


def make_priorities():
    from syne_tune.optimizer.schedulers.multiobjective.multiobjective_priority import NonDominatedPriority

    class RankedPriority(NonDominatedPriority):
        """NonDominatedPriority returning each item's rank, as Bracket expects."""
        def priority_unsafe(self, objectives):
            return ranks_of(sorted_order(objectives, self.dim))

    class ConstrainedPriority(NonDominatedPriority):
        """Ranks by the first two columns among feasible items (last column, the violation,
        ≤ 0), then infeasible items by increasing violation."""
        def priority_unsafe(self, objectives):
            v = objectives[:, -1]
            ok = np.flatnonzero(v <= 0)
            bad = np.flatnonzero(v > 0)
            order = ok[sorted_order(objectives[ok, :-1], self.dim)].tolist() if ok.size else []
            order += bad[np.argsort(v[bad], kind="stable")].tolist()
            return ranks_of(order)

    return {"moasha-shipped": NonDominatedPriority, "moasha-fixed": RankedPriority, "moasha-constrained": ConstrainedPriority}


def synetune_trace(curves, method, seed):
    from syne_tune.backend.trial_status import Trial
    from syne_tune.config_space import choice
    from syne_tune.optimizer.scheduler import SchedulerDecision
    from syne_tune.optimizer.schedulers.multiobjective.moasha import MOASHA
    random.seed(seed)
    np.random.seed(seed)
    metrics = ["error", "params"] + (["violation"] if method == "moasha-constrained" else [])
    scheduler = MOASHA({c: choice(v) for c, v in curves.values.items()}, metrics=metrics, do_minimize=True,
                       time_attr="epoch", max_t=EPOCHS, grace_period=1, reduction_factor=3,
                       multiobjective_priority=make_priorities()[method](), random_seed=seed)
    trace, spent, tid = [], 0.0, 0
    while spent < LEVELS[-1] * curves.unit:
        config = scheduler.suggest().config
        key = ",".join(str(config[c]) for c in curves.columns)
        params, flops, acc = curves.rows[key]
        trial = Trial(trial_id=tid, config=config, creation_time=datetime.now())
        scheduler.on_trial_add(trial)
        complete = False
        for e in range(1, EPOCHS + 1):
            if acc[e - 1] is None:          # diverged in this epoch: the trial fails
                scheduler.on_trial_remove(trial)
                break
            result = {"epoch": e, "error": 1 - acc[e - 1], "params": params, "violation": max(params - curves.budget, 0.0)}
            if scheduler.on_trial_result(trial, result) == SchedulerDecision.STOP:
                if e == EPOCHS:
                    scheduler.on_trial_complete(trial, result)
                    complete = True
                break
        trace.append((e * flops, key if complete else None))
        spent += e * flops
        tid += 1
    return trace


# ---------- main ----------

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--seeds", type=int, default=10)
    ap.add_argument("--tables", default="digits,wine,breast_cancer")
    ap.add_argument("--methods", default=",".join(list(HYPERFRONT) + SYNETUNE))
    ap.add_argument("--bench", default=str(REPO / ".build" / "release" / "bench-scheduler"))
    ap.add_argument("--json", help="also write every run's gaps to this file")
    args = ap.parse_args()
    methods = args.methods.split(",")
    everything = {}
    for name in args.tables.split(","):
        curves = Curves(name)
        print(f"\n{name}: {len(curves.rows)} configurations ({curves.feasible} within params ≤ {curves.budget:g}), "
              f"{EPOCHS} epochs; median gap over {args.seeds} seeds at equal compute (full-trial equivalents)")
        print(f"{'method':24}" + "".join(f"{l:>9}" for l in LEVELS) + "   trials at 80 (complete)")
        runs = {}
        for m in methods:
            gaps, counts = [], []
            for s in range(1, args.seeds + 1):
                trace = hyperfront_trace(args.bench, curves, m, s) if m in HYPERFRONT else synetune_trace(curves, m, s)
                gaps.append(curves.gaps(trace))
                spent, n, c = 0.0, 0, 0
                for cost, key in trace:
                    if spent + cost > LEVELS[-1] * curves.unit * (1 + 1e-12):
                        break
                    spent += cost
                    n += 1
                    c += key is not None
                counts.append((n, c))
            med = [statistics.median(g[i] for g in gaps) for i in range(len(LEVELS))]
            runs[m] = {"gaps": gaps, "median": med}
            n = statistics.median(x for x, _ in counts)
            c = statistics.median(y for _, y in counts)
            print(f"{m:24}" + "".join(f"{g:9.4f}" for g in med) + f"   {n:g} ({c:g})", flush=True)
        if "hyperfront-asha" in runs:
            a = runs["hyperfront-asha"]["median"]
            checks = []
            for other, factor, label in [("moasha-shipped", 1, "≤ MOASHA shipped"), ("moasha-fixed", 1, "≤ MOASHA fixed"),
                                         ("moasha-constrained", 1, "≤ MOASHA constrained"),
                                         ("hyperfront-nsga2", 0.5, "≤ ½ NSGA-II full fidelity")]:
                if other in runs:
                    ok = all(x <= factor * y + 1e-12 for x, y in zip(a, runs[other]["median"]))
                    checks.append(f"{label}: {'yes' if ok else 'NO'}")
            print("ASHA " + "; ".join(checks))
        everything[name] = runs
    if args.json:
        Path(args.json).write_text(json.dumps(everything, indent=1))


if __name__ == "__main__":
    sys.exit(main())
