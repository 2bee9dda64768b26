#!/usr/bin/env python3
"""Writes architecture-cells.csv: every one of the 5^6 = 15,625 cells of
Scenarios/architecture-search (six edges, five operations each) with the accuracy that
scenario's scorer (cell.py, deterministic) gives it and its weight count from the scenario's
resource formula. Standard library only; takes about a second.

Usage: python3 benchmarks/tables/make-architecture-table.py
"""
import importlib.util
import itertools
from pathlib import Path

HERE = Path(__file__).resolve().parent
CELL = HERE.parent.parent / "Scenarios" / "architecture-search" / "cell.py"
OPS = ["none", "skip_connect", "conv1x1", "conv3x3", "avg_pool"]


def params(ops):
    """The scenario's formula: 73306 + 28000 per 1x1 convolution + 243040 per 3x3 one."""
    return 73306 + 28000 * ops.count("conv1x1") + 243040 * ops.count("conv3x3")


def main():
    spec = importlib.util.spec_from_file_location("cell", CELL)
    cell = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(cell)
    lines = [f"# {len(OPS) ** 6} cells of benchmarks/tables/architecture-cells.yaml, scored by "
             "Scenarios/architecture-search/cell.py (make-architecture-table.py)",
             ",".join([f"op{k}" for k in range(6)] + ["accuracy", "params"])]
    for ops in itertools.product(OPS, repeat=6):
        lines.append(",".join(list(ops) + [repr(round(cell.accuracy(list(ops)), 6)), str(params(list(ops)))]))
    (HERE / "architecture-cells.csv").write_text("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
