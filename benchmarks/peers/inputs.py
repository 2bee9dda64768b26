#!/usr/bin/env python3
"""Writes the peer comparison's inputs deterministically from fixed seeds, with exact oracles.

  hv-d{d}-n{n}.csv        n points uniform on the positive orthant of the unit sphere in d
                          dimensions (|N(0,1)| rows normalised; numpy default_rng([42, d, n])):
                          mutually non-dominated; reference point 1.1 in each objective
  nds-M{M}-N{N}.csv       N points uniform in [0, 1)^M (default_rng([43, M, N]))
  nds-M{M}-N{N}.ranks.csv moocore.pareto_rank of every point (0-based, one per line)
  digits-{train,test}-idx.csv  scikit-learn's stratified 80/20 split (random_state 0) of the
                          rows of Scenarios/data/digits.csv
  inputs.json             reference points, exact hypervolumes (moocore), rank counts, sha256

Oracles are computed on the arrays read back from the CSV files, so a tool that parses the
CSV exactly sees bit-identical input. The 2-D hypervolume is checked against an exact sweep.

Usage: inputs.py [--out DIR]          the benchmark sizes (default DIR: benchmarks/peers/data)
       inputs.py --fixtures DIR       the small sets the test suite keeps (Tests/Fixtures/pareto)
"""
import common as C

import argparse
from pathlib import Path

import numpy as np
import moocore

FULL_HV = [(2, 100_000), (3, 10_000), (4, 2_000), (5, 500), (6, 200), (3, 1_000)]
FULL_NDS = [(2, 100_000), (3, 10_000), (5, 5_000)]
FIXTURE_HV = [(2, 1_000), (3, 1_000), (4, 400), (5, 500), (6, 200)]
FIXTURE_NDS = [(2, 1_000), (3, 1_000), (5, 400)]
REFERENCE = 1.1


def sphere_front(d, n):
    X = np.abs(np.random.default_rng([42, d, n]).standard_normal((n, d)))
    return X / np.linalg.norm(X, axis=1, keepdims=True)


def uniform_cube(m, n):
    return np.random.default_rng([43, m, n]).random((n, m))


def sweep_2d(P, ref):
    """Exact 2-D hypervolume (minimisation) by a sweep, independent of moocore."""
    o = np.lexsort((P[:, 1], P[:, 0]))
    x, y = P[o, 0], np.minimum.accumulate(P[o, 1])
    return float(np.sum((np.append(x[1:], ref[0]) - x) * (ref[1] - y)))


def digits_split(out):
    from sklearn.model_selection import train_test_split
    labels = np.loadtxt(C.REPO / "Scenarios" / "data" / "digits.csv", delimiter=",", skiprows=1)[:, -1].astype(int)
    train, test = train_test_split(np.arange(len(labels)), test_size=0.2, stratify=labels, random_state=0)
    for name, idx in (("train", train), ("test", test)):
        (out / f"digits-{name}-idx.csv").write_text("".join(f"{i}\n" for i in idx))
    return {"train": len(train), "test": len(test)}


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=C.DATA)
    ap.add_argument("--fixtures", type=Path, help="write the small test sets into this folder instead")
    a = ap.parse_args()
    out = a.fixtures or a.out
    out.mkdir(parents=True, exist_ok=True)
    hv_sets, nds_sets = (FIXTURE_HV, FIXTURE_NDS) if a.fixtures else (FULL_HV, FULL_NDS)
    manifest = {"generator": "benchmarks/peers/inputs.py" + (" --fixtures" if a.fixtures else ""),
                "oracle": f"moocore {moocore.__version__}", "numpy": np.__version__,
                "hv_fronts": [], "nds_sets": []}
    for d, n in hv_sets:
        path = out / f"hv-d{d}-n{n}.csv"
        C.write_points_csv(path, sphere_front(d, n))
        P = C.read_points_csv(path)
        ref = np.full(d, REFERENCE)
        assert moocore.is_nondominated(P).all(), path
        hv = float(moocore.hypervolume(P, ref=ref))
        if d == 2:
            assert abs(sweep_2d(P, ref) - hv) <= 1e-12 * hv, "moocore and the sweep disagree"
        manifest["hv_fronts"].append({"file": path.name, "d": d, "n": n, "reference_point": ref.tolist(),
                                      "hypervolume_exact": hv, "hypervolume_exact_repr": repr(hv),
                                      "sha256": C.sha256(path)})
        print(f"{path.name}: hypervolume {hv!r}")
    for m, n in nds_sets:
        path = out / f"nds-M{m}-N{n}.csv"
        C.write_points_csv(path, uniform_cube(m, n))
        X = C.read_points_csv(path)
        ranks = np.asarray(moocore.pareto_rank(X), dtype=np.int64)
        assert np.array_equal(ranks == 0, moocore.is_nondominated(X))
        rpath = out / f"nds-M{m}-N{n}.ranks.csv"
        rpath.write_text("".join(f"{r}\n" for r in ranks))
        manifest["nds_sets"].append({"file": path.name, "ranks_file": rpath.name, "M": m, "N": n,
                                     "n_fronts": int(ranks.max()) + 1, "n_nondominated": int((ranks == 0).sum()),
                                     "ranks": "0-based, moocore.pareto_rank", "sha256": C.sha256(path)})
        print(f"{path.name}: {int(ranks.max()) + 1} fronts")
    if not a.fixtures:
        manifest["digits_split"] = digits_split(out)
    C.write_json(out / "inputs.json", manifest)
    print(f"wrote {out}")


if __name__ == "__main__":
    main()
