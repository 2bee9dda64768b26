#!/usr/bin/env python3
"""pymoo's NSGA-II on ZDT1-4, ZDT6, DTLZ1, DTLZ2 and DTLZ7, the figures bench-nsga2 compares with.

Settings: pymoo 0.6.2 defaults, NSGA2(pop_size=100) — SBX(eta=15, prob=0.9), polynomial
mutation (eta=20, prob_var=min(0.5, 1/n_var)), binary tournament, rank and crowding survival,
duplicate elimination — for 250 generations (25,000 evaluations), seeds 1..11. Timed: the
whole minimize() call in-process, after one untimed 3-generation warm-up per problem.

Per problem: the median (and q25, q75) of the final hypervolume (moocore, of res.F, the final
population's non-dominated set) at the reference point below, of IGD against the true front
(pymoo's IGD, Euclidean, unnormalised) and of the wall time. Writes the true fronts to
data/front-<problem>.csv and the table to results/nsga2.json (read by bench-nsga2 --peer).

Usage: .venv-peers/bin/python benchmarks/peers/nsga2.py [--problems zdt1,dtlz2] [--seeds 1-11]
"""
import common as C

import argparse
import time

import numpy as np
import moocore

# name: (pymoo keyword arguments, reference point = 1.1 × the true front's nadir)
PROBLEMS = {
    "zdt1": ({"n_var": 30}, [1.1, 1.1]),
    "zdt2": ({"n_var": 30}, [1.1, 1.1]),
    "zdt3": ({"n_var": 30}, [1.1, 1.1]),
    "zdt4": ({"n_var": 10}, [1.1, 1.1]),
    "zdt6": ({"n_var": 10}, [1.1, 1.1]),
    "dtlz1": ({"n_var": 7, "n_obj": 3}, [0.55, 0.55, 0.55]),
    "dtlz2": ({"n_var": 12, "n_obj": 3}, [1.1, 1.1, 1.1]),
    "dtlz7": ({"n_var": 22, "n_obj": 3}, [0.946, 0.946, 6.6]),
}


def true_front(name):
    """pymoo's true front: 1000 points (ZDT), Das-Dennis directions with 44 partitions (DTLZ1/2),
    pymoo's reference file (DTLZ7; pymoo downloads it). A fresh instance: pymoo caches fronts."""
    from pymoo.problems import get_problem
    from pymoo.util.ref_dirs import get_reference_directions
    p = get_problem(name, **PROBLEMS[name][0])
    if name == "zdt3":
        return p.pareto_front(n_points=1000)
    if name.startswith("zdt"):
        return p.pareto_front(n_pareto_points=1000)
    if name in ("dtlz1", "dtlz2"):
        return p.pareto_front(ref_dirs=get_reference_directions("das-dennis", 3, n_partitions=44))
    return p.pareto_front()


def quartiles(xs):
    q25, q50, q75 = np.percentile(np.asarray(xs, dtype=float), [25, 50, 75])
    return float(q50), [float(q25), float(q75)]


def run(name, seeds):
    from pymoo.algorithms.moo.nsga2 import NSGA2
    from pymoo.indicators.igd import IGD
    from pymoo.optimize import minimize
    from pymoo.problems import get_problem

    kwargs, ref = PROBLEMS[name]
    ref = np.asarray(ref, dtype=float)
    front_file = C.DATA / f"front-{name}.csv"
    try:
        C.write_points_csv(front_file, true_front(name))
        igd = IGD(C.read_points_csv(front_file))
    except Exception as e:  # DTLZ7's front is downloaded; IGD is left out without it
        print(f"  {name}: no true front ({e}); IGD left out")
        igd = None
    problem = get_problem(name, **kwargs)
    minimize(problem, NSGA2(pop_size=100), ("n_gen", 3), seed=0, verbose=False)
    hv, wall, igds = [], [], []
    for s in seeds:
        t0 = time.perf_counter()
        res = minimize(problem, NSGA2(pop_size=100), ("n_gen", 250), seed=s, verbose=False)
        wall.append(time.perf_counter() - t0)
        F = np.asarray(res.F, dtype=float)
        hv.append(float(moocore.hypervolume(F, ref=ref)))
        if igd is not None:
            igds.append(float(igd.do(F)))
        print(f"  {name} seed {s:2d}: {wall[-1]:6.2f} s  HV {hv[-1]:.6f}", flush=True)
    row = {"reference_point": ref.tolist(), "n_runs": len(seeds)}
    row["hv_median"], row["hv_iqr"] = quartiles(hv)
    row["wall_seconds_median"], row["wall_seconds_iqr"] = quartiles(wall)
    if igds:
        row["igd_median"], row["igd_iqr"] = quartiles(igds)
    return row


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--problems", default=",".join(PROBLEMS))
    ap.add_argument("--seeds", default="1-11")
    a = ap.parse_args()
    lo, _, hi = a.seeds.partition("-")
    seeds = list(range(int(lo), int(hi or lo) + 1))
    out = C.RESULTS / "nsga2.json"
    table = C.read_json(out)["table"] if out.exists() else {}
    import pymoo
    for name in a.problems.split(","):
        table[name] = run(name, seeds)
        C.write_json(out, {"description": f"pymoo {pymoo.__version__} NSGA-II, population 100, 250 generations; "
                                          "medians and (q25, q75) over the seeds", "table": table})
    print(f"wrote {out}")


if __name__ == "__main__":
    main()
