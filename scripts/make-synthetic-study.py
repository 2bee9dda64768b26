#!/usr/bin/env python3
"""Writes a synthetic Hyperfront study file (schema v1 of Sources/Store/StudyStore.swift) without
running anything: an MLP-like space whose metrics follow from the configuration by a closed
formula plus seeded noise, with failed and infeasible trials. For report benchmarks, CLI tests
and screenshots.

usage: make-synthetic-study.py PATH [--trials N] [--objectives 2|3] [--seed S]
"""
import argparse, json, math, os, random, sqlite3, struct, sys

UNITS = [16, 32, 64, 128, 256]
BATCH = [16, 32, 64, 128]

def scenario(objectives):
    y = f"""name: synthetic-{objectives}d
evaluator: {{command: [python3, train.py], metrics: [accuracy, params, memory_bytes, train_seconds]}}
space:
  layers:        {{int: [1, 4]}}
  units:         {{choice: [16, 32, 64, 128, 256]}}
  activation:    {{choice: [relu, tanh, sigmoid]}}
  dropout:       {{float: [0.0, 0.5]}}
  learning_rate: {{float: [1.0e-4, 1.0e-1], log: true}}
  batch_size:    {{choice: [16, 32, 64, 128]}}
objectives:
  - {{metric: accuracy, goal: maximize}}
  - {{metric: memory_bytes, goal: minimize}}
"""
    if objectives >= 3:
        y += "  - {metric: train_seconds, goal: minimize}\n"
    y += "constraints:\n  - {metric: train_seconds, max: 40}\nsearch: {algorithm: random, trials: 100, seed: 5}\n"
    return y

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("path")
    ap.add_argument("--trials", type=int, default=200)
    ap.add_argument("--objectives", type=int, default=2, choices=[2, 3])
    ap.add_argument("--seed", type=int, default=1)
    a = ap.parse_args()
    if os.path.exists(a.path):
        sys.exit(f"{a.path}: exists; remove it first")
    rng = random.Random(a.seed)
    db = sqlite3.connect(a.path)
    db.executescript("""
        CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY);
        INSERT INTO grdb_migrations VALUES ('v1');
        CREATE TABLE study (id INTEGER PRIMARY KEY CHECK (id = 1), name TEXT NOT NULL, scenario TEXT NOT NULL,
            scenario_path TEXT NOT NULL, seed INTEGER NOT NULL, trials INTEGER NOT NULL, parameters TEXT NOT NULL,
            metrics TEXT NOT NULL, created_at REAL NOT NULL);
        CREATE TABLE trial (number INTEGER PRIMARY KEY, generation INTEGER NOT NULL, state TEXT NOT NULL,
            params BLOB NOT NULL, metrics BLOB, violation REAL, started_at REAL NOT NULL, finished_at REAL, failure TEXT);
        CREATE TABLE intermediate (trial INTEGER NOT NULL REFERENCES trial(number) ON DELETE CASCADE,
            seq INTEGER NOT NULL, json TEXT NOT NULL, PRIMARY KEY (trial, seq));
    """)
    names = ["layers", "units", "activation", "dropout", "learning_rate", "batch_size"]
    metrics = ["accuracy", "params", "memory_bytes", "train_seconds"]
    db.execute("INSERT INTO study VALUES (1, ?, ?, 'synthetic.yaml', ?, ?, ?, ?, 1700000000)",
               (f"synthetic-{a.objectives}d", scenario(a.objectives), a.seed, a.trials, json.dumps(names), json.dumps(metrics)))
    rows = []
    for n in range(a.trials):
        layers = rng.randint(1, 4); u = rng.randrange(5); act = rng.randrange(3)
        dropout = rng.uniform(0, 0.5); lr = math.exp(rng.uniform(math.log(1e-4), math.log(1e-1))); b = rng.randrange(4)
        noise = rng.random() - 0.5
        units = UNITS[u]; batch = BATCH[b]
        params = 64 * units + (layers - 1) * units * units + units * 10
        pen = abs(math.log10(lr) + 2.5) / 1.5
        acc = 0.72 + 0.25 * (1 - math.exp(-params / 40000)) - 0.06 * pen * pen - 0.08 * dropout * dropout
        acc += 0.005 if act == 1 else (-0.02 if act == 2 else 0)
        acc = round(min(0.995, acc + 0.01 * noise), 4)
        secs = round(params / 4000 * (64 / batch) * (1 + 0.1 * noise) + 1, 2)
        failed = n % 13 == 7
        p = struct.pack("<6d", layers, u, act, dropout, lr, b)
        if failed:
            rows.append((n, 0, "failed", p, struct.pack("<4d", *[float("nan")] * 4), None, 1.7e9 + n, 1.7e9 + n + 0.5, "exit status 1: out of memory"))
        else:
            viol = max(0.0, (secs - 40) / 40)
            rows.append((n, 0, "complete", p, struct.pack("<4d", acc, params, params * 4, secs), viol, 1.7e9 + n, 1.7e9 + n + 0.5, None))
    db.executemany("INSERT INTO trial VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
    db.commit()
    db.close()
    print(f"{a.path}: {a.trials} trials, {a.objectives} objectives")

if __name__ == "__main__":
    main()
