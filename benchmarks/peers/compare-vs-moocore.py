#!/usr/bin/env python3
"""Checks `hyperfront compare` against moocore 0.3.2 on the same fronts: hypervolume, IGD, IGD+
and additive epsilon of each set (shared normalisation, reference point 1.1, union front as the
reference set), coverage against a direct count, and the 2-D empirical attainment surfaces
against moocore.eaf. Prints the largest absolute difference per indicator; exits 1 above 1e-12.

usage: .venv-peers/bin/python benchmarks/peers/compare-vs-moocore.py [HYPERFRONT_BINARY]
"""
import common as C

import json, os, subprocess, sys, tempfile
import numpy as np
import moocore

binary = sys.argv[1] if len(sys.argv) > 1 else str(C.REPO / ".build" / "debug" / "hyperfront")
rng = np.random.default_rng(7)
worst = {}

def note(name, diff):
    worst[name] = max(worst.get(name, 0.0), float(diff))

def random_front(n, d, shift):
    # Points near a curved front, plus dominated ones, in [0, 1]^d scaled by per-objective factors.
    x = rng.random((n, d)) ** 1.5
    x /= np.linalg.norm(x, axis=1, keepdims=True)
    x += shift + 0.05 * rng.random((n, d))
    return x * np.array([1, 10, 100, 1000][:d])

def write(path, pts):
    with open(path, "w") as f:
        f.write(",".join(f"f{k + 1}" for k in range(pts.shape[1])) + "\n")
        for p in pts:
            f.write(",".join(repr(float(v)) for v in p) + "\n")

with tempfile.TemporaryDirectory() as tmp:
    cases = 0
    for d in (2, 3, 4):
        for trial in range(4):
            sets = [random_front(int(rng.integers(5, 40)), d, 0.02 * k) for k in range(3)]
            paths = []
            for k, s in enumerate(sets):
                p = os.path.join(tmp, f"s{d}-{trial}-{k}.csv"); write(p, s); paths.append(p)
            out = subprocess.run([binary, "compare", *paths, "--format", "json"], capture_output=True, text=True, check=True)
            got = json.loads(out.stdout)
            fronts = [s[moocore.is_nondominated(s)] for s in sets]
            allpts = np.vstack(fronts)
            lo, hi = allpts.min(axis=0), allpts.max(axis=0)
            norm = [(f - lo) / (hi - lo) for f in fronts]
            union = np.vstack(norm); union = union[moocore.is_nondominated(union)]
            ref = np.full(d, 1.1)
            for k, f in enumerate(norm):
                run = got["sets"][k]["runs"][0]
                note("hypervolume", abs(run["hypervolume"] - moocore.hypervolume(f, ref=ref)))
                note("igd", abs(run["igd"] - moocore.igd(f, ref=union)))
                note("igd_plus", abs(run["igd_plus"] - moocore.igd_plus(f, ref=union)))
                note("epsilon_additive", abs(run["epsilon_additive"] - moocore.epsilon_additive(f, ref=union)))
                for j, g in enumerate(norm):
                    if j == k: continue
                    c = np.mean([np.any(np.all(f <= q, axis=1)) for q in g])
                    note("coverage", abs(got["coverage"][k][j] - c))
            cases += 1
    # Attainment surfaces: three runs per side, 2-D.
    for trial in range(5):
        runs = [random_front(int(rng.integers(5, 25)), 2, 0.03 * r) for r in range(3)]
        other = [random_front(10, 2, 0.05) for _ in range(3)]
        paths = []
        for r, s in enumerate(runs + other):
            p = os.path.join(tmp, f"eaf{trial}-{r}.csv"); write(p, s); paths.append(p)
        out = subprocess.run([binary, "compare", "--runs", ",".join(paths[:3]), "--runs", ",".join(paths[3:]), "--format", "json"],
                             capture_output=True, text=True, check=True)
        got = json.loads(out.stdout)
        pts = np.vstack(runs); sets = np.concatenate([[r + 1] * len(s) for r, s in enumerate(runs)])
        for surf in got["sets"][0]["attainment"]:
            level = surf["level"]
            ours = np.array(surf["points"])
            theirs = moocore.eaf(pts, sets, percentiles=[100.0 * level / 3])[:, :2]
            if ours.shape != theirs.shape:
                note("attainment", float("inf")); continue
            note("attainment", np.max(np.abs(ours[np.lexsort(ours.T[::-1])] - theirs[np.lexsort(theirs.T[::-1])])))
    print(f"moocore {moocore.__version__}: {cases} comparisons (d = 2, 3, 4; 3 sets each) + 5 attainment cases")
    ok = True
    for k, v in worst.items():
        print(f"  {k:17s} max |hyperfront - moocore| = {v:.3g}")
        ok &= v <= 1e-12
    print("OK: every indicator within 1e-12" if ok else "FAIL: some indicator differs by more than 1e-12")
    sys.exit(0 if ok else 1)
