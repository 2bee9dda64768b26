#!/usr/bin/env python3
"""Hyperfront's Pareto kernels against moocore, side by side, on the inputs of inputs.py.

Runs `hyperfront hv` / `hyperfront nondominated --ranks` with `--repeat N` (their own median
of the computation alone) and moocore 0.3.2 in this process (median of N calls after one
warm-up), both pinned to one CPU, for R interleaved rounds; each side's figure is the smallest
of its round medians, in wall-clock seconds and in thread CPU seconds (the latter is what a
shared, busy machine distorts least); checks every hypervolume against the exact value in
data/inputs.json (relative 1e-12) and every rank against data/*.ranks.csv; then the scale
cases (ranks of 10^6 random 2-D and 10^5 3-D points; hypervolume of 10^6 non-dominated 2-D
and 10^5 3-D points), generated here and checked against moocore.

Usage (from the repository root, after `swift build -c release --product hyperfront`,
`bash benchmarks/peers/setup.sh` and `.venv-peers/bin/python benchmarks/peers/inputs.py`):
    .venv-peers/bin/python benchmarks/peers/bench-pareto.py [--repeat 7] [--cpu 1] [--binary PATH]
Exit status 1 when any result is not exact.
"""
import common as C

import os
import argparse, json, subprocess, sys, tempfile, time
from pathlib import Path
import numpy as np
import moocore



def median_time(fn, repeat):
    """(median wall seconds, median thread CPU seconds) of `repeat` calls after a warm-up."""
    fn()  # warm-up
    wall, cpu = [], []
    for _ in range(repeat):
        c0, t0 = time.thread_time(), time.perf_counter()
        fn()
        wall.append(time.perf_counter() - t0)
        cpu.append(time.thread_time() - c0)
    return float(np.median(wall)), float(np.median(cpu))


def hyperfront(args, binary, cpu):
    cmd = ["taskset", "-c", str(cpu), str(binary)] + args
    p = subprocess.run(cmd, capture_output=True, text=True)
    if p.returncode != 0:
        sys.exit(f"{' '.join(cmd)} failed ({p.returncode}): {p.stderr}")
    seconds = cpu = None
    for line in p.stderr.splitlines():
        if line.startswith("seconds: "):
            seconds = float(line.split()[1])
        if line.startswith("cpu-seconds: "):
            cpu = float(line.split()[1])
    return p.stdout, (seconds, cpu)


def rounds(moo, hf, n):
    """Interleaves n rounds of the moocore call and the hyperfront run; the smallest round
    medians (wall, CPU) of each, and hyperfront's last output."""
    m, h, out = [], [], None
    for _ in range(n):
        m.append(moo())
        out, t = hf()
        h.append(t)
    return (min(x[0] for x in m), min(x[1] for x in m)), (min(x[0] for x in h), min(x[1] for x in h)), out


def write_csv(path, X):
    np.savetxt(path, X, delimiter=",", fmt="%.17g")


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=7)
    ap.add_argument("--cpu", type=int, default=1)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--binary", default=str(C.DEFAULT_BINARY))
    ap.add_argument("--skip-scale", action="store_true")
    a = ap.parse_args()
    try:
        os.sched_setaffinity(0, {a.cpu})
    except (AttributeError, OSError):
        pass
    inputs = C.read_json(C.need(C.DATA / "inputs.json", "benchmarks/peers/inputs.py"))
    rows, ok = [], True

    def record(kind, case, t_moo, t_hf, exact, note=""):
        nonlocal ok
        ok &= exact
        rows.append((kind, case, t_moo[0] * 1e3, t_hf[0] * 1e3, t_hf[0] / t_moo[0],
                     t_moo[1] * 1e3, t_hf[1] * 1e3, t_hf[1] / max(t_moo[1], 1e-9), "yes" if exact else "NO", note))

    for f in inputs["hv_fronts"]:
        path = C.DATA / f["file"]
        X = np.loadtxt(path, delimiter=",", ndmin=2)
        ref = np.asarray(f["reference_point"], dtype=float)
        t_moo, t_hf, out = rounds(lambda: median_time(lambda: moocore.hypervolume(X, ref=ref), a.repeat),
                                  lambda: hyperfront(["hv", str(path), "--ref", ",".join(repr(float(v)) for v in ref),
                                                      "--repeat", str(a.repeat)], a.binary, a.cpu), a.rounds)
        value = float(out.strip())
        rel = abs(value - f["hypervolume_exact"]) / abs(f["hypervolume_exact"])
        record("hv", f"d={f['d']} n={f['n']}", t_moo, t_hf, rel <= 1e-12, f"rel.err {rel:.1e}")

    for s in inputs["nds_sets"]:
        path = C.DATA / s["file"]
        X = np.loadtxt(path, delimiter=",", ndmin=2)
        oracle = np.loadtxt(C.DATA / s["ranks_file"], dtype=np.int64, ndmin=1)
        t_moo, t_hf, out = rounds(lambda: median_time(lambda: moocore.pareto_rank(X), a.repeat),
                                  lambda: hyperfront(["nondominated", str(path), "--ranks", "--repeat", str(a.repeat)],
                                                     a.binary, a.cpu), a.rounds)
        got = np.array(out.split(), dtype=np.int64)
        exact = got.shape == oracle.shape and bool(np.array_equal(got, oracle + 1))
        record("ranks", f"M={s['M']} N={s['N']}", t_moo, t_hf, exact, f"{s['n_fronts']} fronts")
        # The non-dominated filter against moocore.is_nondominated.
        t_moo, t_hf, out = rounds(lambda: median_time(lambda: moocore.is_nondominated(X), a.repeat),
                                  lambda: hyperfront(["nondominated", str(path), "--repeat", str(a.repeat)],
                                                     a.binary, a.cpu), a.rounds)
        got = np.loadtxt(out.splitlines(), delimiter=",", ndmin=2)
        exact = bool(np.array_equal(got, X[oracle == 0]))
        record("filter", f"M={s['M']} N={s['N']}", t_moo, t_hf, exact, f"{int((oracle == 0).sum())} points")

    if not a.skip_scale:
        rng = np.random.default_rng(2024)
        with tempfile.TemporaryDirectory() as tmp:
            tmp = Path(tmp)
            for m, n in ((2, 10**6), (3, 10**5)):
                X = rng.random((n, m))
                path = tmp / f"ranks-{m}-{n}.csv"
                write_csv(path, X)
                X = np.loadtxt(path, delimiter=",", ndmin=2)
                ranks = np.asarray(moocore.pareto_rank(X))
                r = max(3, a.repeat // 2)
                t_moo, t_hf, out = rounds(lambda: median_time(lambda: moocore.pareto_rank(X), r),
                                          lambda: hyperfront(["nondominated", str(path), "--ranks", "--repeat", str(r)],
                                                             a.binary, a.cpu), 1)
                got = np.array(out.split(), dtype=np.int64)
                record("scale ranks", f"M={m} N={n}", t_moo, t_hf, bool(np.array_equal(got, ranks + 1)),
                       f"{ranks.max() + 1} fronts")
            for d, n in ((2, 10**6), (3, 10**5)):
                X = np.abs(rng.standard_normal((n, d)))
                X /= np.linalg.norm(X, axis=1, keepdims=True)
                path = tmp / f"hv-{d}-{n}.csv"
                write_csv(path, X)
                X = np.loadtxt(path, delimiter=",", ndmin=2)
                ref = np.full(d, 1.1)
                exact_value = moocore.hypervolume(X, ref=ref)
                r = max(3, a.repeat // 2)
                t_moo, t_hf, out = rounds(lambda: median_time(lambda: moocore.hypervolume(X, ref=ref), r),
                                          lambda: hyperfront(["hv", str(path), "--ref", ",".join(["1.1"] * d),
                                                              "--repeat", str(r)], a.binary, a.cpu), 1)
                rel = abs(float(out) - exact_value) / exact_value
                record("scale hv", f"d={d} n={n}", t_moo, t_hf, rel <= 1e-12, f"rel.err {rel:.1e}")

    print(f"moocore {moocore.__version__}, hyperfront {a.binary}, CPU {a.cpu}, "
          f"best of {a.rounds} round medians of {a.repeat} calls (scale cases: 1 round); load {os.getloadavg()}")
    print()
    print("| kernel | case | moocore ms | hyperfront ms | ratio | moocore CPU ms | hyperfront CPU ms | CPU ratio | exact | note |")
    print("|---|---|---:|---:|---:|---:|---:|---:|---|---|")
    for kind, case, tm, th, ratio, cm, ch, cratio, exact, note in rows:
        print(f"| {kind} | {case} | {tm:.3f} | {th:.3f} | {ratio:.2f} | {cm:.3f} | {ch:.3f} | {cratio:.2f} | {exact} | {note} |")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
