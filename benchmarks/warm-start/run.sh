#!/usr/bin/env bash
# Warm start against a cold start on ZDT1, five seeds: the hypervolume of
#   cold 100  — a 100-trial study (seed s),
#   cold 40   — a 40-trial study (seed s),
#   warm 40   — 40 new trials (seed s + 100) warm-started from the cold 100-trial study,
#               measured on the 40 new trials alone,
# all against the reference point (1.1, 11) (f1 ∈ [0, 1]; f2 of a random point is about 5),
# then the medians. The claim checked: median warm 40 ≥ median cold 100.
#   benchmarks/warm-start/run.sh [path/to/hyperfront]
set -euo pipefail
cd "$(dirname "$0")/../.."
H=${1:-${HYPERFRONT:-.build/debug/hyperfront}}
S=benchmarks/warm-start/zdt1.yaml
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
for s in 1 2 3 4 5; do
    "$H" run "$S" --study "$dir/cold100-$s.sqlite" --seed "$s" --trials 100 --quiet 2>/dev/null
    "$H" run "$S" --study "$dir/cold40-$s.sqlite" --seed "$s" --trials 40 --quiet 2>/dev/null
    "$H" run "$S" --study "$dir/warm40-$s.sqlite" --seed "$((s + 100))" --trials 40 --quiet \
        --warm-start "$dir/cold100-$s.sqlite" 2>"$dir/warm-$s.log"
    grep '^warm start:' "$dir/warm-$s.log" | sed "s|$dir/||; s|^|  seed $s: |" >&2
    for k in cold100 cold40 warm40; do "$H" report "$dir/$k-$s.sqlite" --format csv --all > "$dir/$k-$s.csv"; done
done
python3 - "$dir" <<'PY'
import csv, statistics, sys
d = sys.argv[1]
ref = (1.1, 11.0)
def hv(path):
    pts = []
    with open(path) as f:
        for row in csv.DictReader(f):
            if row["state"] == "complete":
                p = (float(row["f1"]), float(row["f2"]))
                if p[0] < ref[0] and p[1] < ref[1]: pts.append(p)
    pts.sort()
    area, best = 0.0, ref[1]
    for x, y in pts:                       # 2-D sweep: ascending f1, a new lowest f2 adds a slab
        if y < best:
            area += (ref[0] - x) * (best - y)
            best = y
    return area
kinds = ["cold100", "cold40", "warm40"]
table = {k: [hv(f"{d}/{k}-{s}.csv") for s in range(1, 6)] for k in kinds}
print("hypervolume, reference (1.1, 11), ZDT1, population 20")
print("seed   " + "  ".join(f"{k:>8}" for k in kinds))
for i in range(5):
    print(f"{i + 1:>4}   " + "  ".join(f"{table[k][i]:8.4f}" for k in kinds))
med = {k: statistics.median(v) for k, v in table.items()}
print("median " + "  ".join(f"{med[k]:8.4f}" for k in kinds))
verdict = "holds" if med["warm40"] >= med["cold100"] else "does NOT hold"
print(f"warm 40 ≥ cold 100 (medians): {verdict} ({med['warm40']:.4f} vs {med['cold100']:.4f})")
PY
