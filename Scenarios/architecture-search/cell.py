#!/usr/bin/env python3
"""A deterministic stand-in for training one cell of an architecture-search space.

The cell has four nodes and six edges (0-1, 0-2, 1-2, 0-3, 1-3, 2-3), as in NAS-Bench-201
(Dong & Yang, ICLR 2020); each edge carries one operation. Training a real network would take
minutes, so this script scores the cell with a fixed formula instead: information must flow
from node 0 to node 3 through edges that are not `none`; convolutions add accuracy with
diminishing returns (3x3 more than 1x1), a skip connection beside a convolution helps, pooling
helps a little, and a fixed pseudo-random term per cell (from a hash of its operations) plays
the part of training noise. The same cell always gets the same accuracy.

It reads the trial's parameters as JSON on stdin and prints {"accuracy": ...} as its last line.
Only the Python standard library is needed.
"""
import hashlib
import json
import math
import sys

EDGES = [(0, 1), (0, 2), (1, 2), (0, 3), (1, 3), (2, 3)]
GAIN = {"none": 0.0, "skip_connect": 0.02, "avg_pool": 0.05, "conv1x1": 0.12, "conv3x3": 0.20}


def accuracy(ops):
    """Synthetic validation accuracy (0..1) of a cell given its six edge operations."""
    reach = {0}
    for (a, b), op in sorted(zip(EDGES, ops), key=lambda e: e[0][1]):
        if op != "none" and a in reach:
            reach.add(b)
    if 3 not in reach:
        return 0.10
    # Longest chain of convolutions from input to output: depth helps, saturating.
    depth = {0: 0.0}
    for (a, b), op in sorted(zip(EDGES, ops), key=lambda e: e[0][1]):
        if op != "none" and a in depth:
            d = depth[a] + GAIN[op]
            depth[b] = max(depth.get(b, 0.0), d)
    signal = 1.0 - math.exp(-3.0 * depth[3])
    convs = sum(op.startswith("conv") for op in ops)
    skips = sum(op == "skip_connect" for op in ops)
    residual = 0.03 if skips and convs else 0.0
    width = 0.25 * (1.0 - math.exp(-0.6 * sum(GAIN[op] for op in ops) / 0.2))
    digest = hashlib.sha256(",".join(ops).encode()).digest()
    noise = (int.from_bytes(digest[:4], "big") / 2**32 - 0.5) * 0.02
    return max(0.0, min(1.0, 0.45 + 0.22 * signal + width + residual + noise))


def main():
    params = json.load(sys.stdin)
    ops = [params[f"op{k}"] for k in range(6)]
    print(json.dumps({"accuracy": round(accuracy(ops), 6)}))


if __name__ == "__main__":
    main()
