"""Optuna 5.0 with RDBStorage on PostgreSQL: trials per second of a trivial two-objective
objective, WORKERS processes on one study (`optuna.create_study(storage=postgresql://...)`),
the way Optuna's docs run distributed optimisation. Prints one line:
    optuna: N trials in S s = R trials/s (W processes)

    python optuna_rdb_throughput.py 'postgresql://user:pw@host:port/db' --trials 2000 --workers 4
"""
import argparse
import multiprocessing
import time
import uuid

import optuna


def objective(trial):
    x = trial.suggest_float("x", 0.0, 1.0)
    y = trial.suggest_float("y", 0.0, 1.0)
    return x, (1.0 + y) * (1.0 - (x / (1.0 + y)) ** 0.5)


def work(url, name, trials, seed):
    optuna.logging.set_verbosity(optuna.logging.WARNING)
    study = optuna.load_study(study_name=name, storage=url, sampler=optuna.samplers.RandomSampler(seed=seed))
    study.optimize(objective, n_trials=trials)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("url")
    parser.add_argument("--trials", type=int, default=2000)
    parser.add_argument("--workers", type=int, default=4)
    args = parser.parse_args()
    url = args.url.replace("postgresql://", "postgresql+psycopg2://", 1)
    optuna.logging.set_verbosity(optuna.logging.WARNING)
    name = "throughput-" + uuid.uuid4().hex[:8]
    optuna.create_study(study_name=name, storage=url, directions=["minimize", "minimize"])
    share = [args.trials // args.workers + (1 if i < args.trials % args.workers else 0) for i in range(args.workers)]
    start = time.perf_counter()
    procs = [multiprocessing.Process(target=work, args=(url, name, n, i)) for i, n in enumerate(share)]
    for p in procs:
        p.start()
    for p in procs:
        p.join()
    wall = time.perf_counter() - start
    done = len(optuna.load_study(study_name=name, storage=url).get_trials(deepcopy=False, states=[optuna.trial.TrialState.COMPLETE]))
    print(f"optuna: {done} trials in {wall:.2f} s = {done / wall:.1f} trials/s ({args.workers} processes)")


if __name__ == "__main__":
    main()
