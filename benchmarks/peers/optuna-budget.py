#!/usr/bin/env python3
"""How many of the trials Optuna's NSGA-II proposes break a budget that is known before training.

The space and budgets are those of Scenarios/budgeted-mlp.yaml: layers 1-5, one width per
hidden layer from {16, ..., 512} (active when layers >= k), batch size, learning rate, epochs;
budgets weights <= 50,000 and training memory <= 2 MB, passed to NSGAIISampler through
constraints_func (Optuna's way). Objectives: a synthetic accuracy (maximised; it grows with the
network and prefers a mid learning rate) and the weight count (minimised), so no training runs:
only the proposals are counted. Hyperfront repairs every proposal with an integer program
before evaluation, so its count is 0 by construction (see scripts/bench-repair.sh).

Usage: .venv-peers/bin/python benchmarks/peers/optuna-budget.py [--trials 200] [--population 20] [--seeds 5]
"""
import argparse
import math
import time

import warnings

import optuna

# constraints_func is deprecated in Optuna 5 (in favour of Trial.set_constraint) but still works;
# it is the documented way in the versions people run, so it is kept here.
warnings.filterwarnings("ignore", category=FutureWarning)

WIDTHS = [16, 32, 64, 128, 256, 512]
BATCHES = [16, 32, 64, 128, 256]
WEIGHT_BUDGET = 50_000
MEMORY_BUDGET = 2e6


def weights(units):
    sizes = [64] + units + [10]
    return sum(a * b + b for a, b in zip(sizes, sizes[1:]))


def train_memory(units, batch):
    return 16 * weights(units) + 8 * batch * (64 + sum(units) + 10)


def objective(trial):
    layers = trial.suggest_int("layers", 1, 5)
    units = [trial.suggest_categorical(f"units_{k}", WIDTHS) for k in range(1, layers + 1)]
    batch = trial.suggest_categorical("batch_size", BATCHES)
    lr = trial.suggest_float("learning_rate", 1e-4, 1e-1, log=True)
    epochs = trial.suggest_int("epochs", 5, 30)
    w, m = weights(units), train_memory(units, batch)
    trial.set_user_attr("constraints", [w - WEIGHT_BUDGET, m - MEMORY_BUDGET])
    accuracy = (1 - 0.6 * math.exp(-w / 15_000)) * (1 - 0.08 * abs(math.log10(lr) + 2.5)) * (1 - 0.2 * math.exp(-epochs / 8))
    return accuracy, w


def run(seed, trials, population):
    sampler = optuna.samplers.NSGAIISampler(population_size=population, seed=seed,
                                            constraints_func=lambda t: t.user_attrs["constraints"])
    study = optuna.create_study(directions=["maximize", "minimize"], sampler=sampler)
    study.optimize(objective, n_trials=trials)
    c = [t.user_attrs["constraints"] for t in study.trials]
    first = c[:population]
    later = c[population:]
    breaks = lambda rows: sum(1 for r in rows if max(r) > 0)
    return {
        "weights": sum(1 for r in c if r[0] > 0), "memory": sum(1 for r in c if r[1] > 0),
        "either": breaks(c), "first": breaks(first), "n_first": len(first),
        "later": breaks(later), "n_later": len(later), "n": len(c),
    }


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--trials", type=int, default=200)
    ap.add_argument("--population", type=int, default=20)
    ap.add_argument("--seeds", type=int, default=5)
    args = ap.parse_args()
    optuna.logging.set_verbosity(optuna.logging.WARNING)
    print(f"Optuna {optuna.__version__} NSGAIISampler(constraints_func), population {args.population}, "
          f"{args.trials} trials, seeds 0..{args.seeds - 1}; budgets weights <= 50,000, train memory <= 2 MB")
    total = {}
    start = time.perf_counter()
    for seed in range(args.seeds):
        r = run(seed, args.trials, args.population)
        for k, v in r.items():
            total[k] = total.get(k, 0) + v
        print(f"  seed {seed}: {r['either']}/{r['n']} proposals break a budget "
              f"(weights {r['weights']}, memory {r['memory']}; first generation {r['first']}/{r['n_first']}, "
              f"later {r['later']}/{r['n_later']})")
    n = total["n"]
    print(f"all seeds: {total['either']}/{n} = {100 * total['either'] / n:.1f} % of proposals break a budget "
          f"(first generation {100 * total['first'] / total['n_first']:.1f} %, later generations "
          f"{100 * total['later'] / max(1, total['n_later']):.1f} %); {time.perf_counter() - start:.1f} s")


if __name__ == "__main__":
    main()
