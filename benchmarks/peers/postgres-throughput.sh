#!/usr/bin/env bash
# Trials per second through one PostgreSQL study with 4 worker processes, beside Optuna 5.0 with
# RDBStorage on the same server and 4 worker processes, in one run; then how much of the time
# the workers sit idle when trials take 100 ms.
#
#   python3 -m venv /tmp/venv-postgres && /tmp/venv-postgres/bin/pip install -r benchmarks/peers/requirements-postgres.txt
#   swift build -c release
#   bash benchmarks/peers/postgres-throughput.sh [TRIALS]      # TRIALS: trivial trials per tool (default 2000)
#   ONLY=idle bash benchmarks/peers/postgres-throughput.sh     # the 100 ms part alone
#
# BIN (default .build/release/hyperfront, else .build/debug/hyperfront) and PEER_PYTHON (default
# /tmp/venv-postgres/bin/python) may be set. A throwaway server is started on a free loopback port
# (scripts/postgres-test-server.sh) and stopped at the end. Trivial trials: the zdt1 benchmark
# evaluator with random search (Hyperfront) and a two-objective expression with RandomSampler
# (Optuna), so that both measure the storage and the claiming, not the search.
set -euo pipefail
cd "$(dirname "$0")/../.."
trials="${1:-2000}"
bin="${BIN:-}"
[ -z "$bin" ] && { [ -x .build/release/hyperfront ] && bin=.build/release/hyperfront || bin=.build/debug/hyperfront; }
python="${PEER_PYTHON:-/tmp/venv-postgres/bin/python}"
eval "$(bash scripts/postgres-test-server.sh start)"
trap 'bash scripts/postgres-test-server.sh stop "$HYPERFRONT_TEST_POSTGRES_DIR"' EXIT
url="$HYPERFRONT_TEST_POSTGRES_URL"
work="$(mktemp -d)"

echo "binary: $bin; $(nproc) cores; load average $(cut -d' ' -f1-3 /proc/loadavg)"

if [ "${ONLY:-}" != idle ]; then
# 1. Hyperfront: coordinator (no worker threads of its own) + 4 worker processes, trivial trials.
study="$url?study=throughput"
for i in 1 2 3 4; do "$bin" worker "$study" --quiet 2>"$work/w$i.log" & done
start=$(date +%s.%N)
"$bin" run Scenarios/benchmarks/zdt1.yaml --study "$study" --trials "$trials" --algorithm random --workers 0 --quiet 2>"$work/run.log"
end=$(date +%s.%N)
wait
hf=$(python3 -c "print(f'{$trials / ($end - $start):.1f}')")
echo "hyperfront: $trials trials in $(python3 -c "print(f'{$end - $start:.2f}')") s = $hf trials/s (4 worker processes)"

# 2. Optuna 5.0, RDBStorage on the same server, 4 processes.
optuna_line="$("$python" benchmarks/peers/optuna_rdb_throughput.py "$url" --trials "$trials" --workers 4)"
echo "$optuna_line"
op=$(echo "$optuna_line" | sed 's/.*= \([0-9.]*\) trials.*/\1/')
echo "ratio: $(python3 -c "print(f'{$hf / $op:.1f}')")x Optuna's trials per second"
fi

# 3. Trials of 100 ms (a command), NSGA-II with its default pipelining, 4 worker processes.
cat > "$work/slow.yaml" <<'YAML'
name: hundred-ms
evaluator:
  command: [sh, -c, 'sleep 0.1; echo "{\"f1\": $1, \"f2\": $2}"', sh, "{a}", "{b}"]
  metrics: [f1, f2]
space:
  a: {float: [0, 1]}
  b: {int: [0, 40]}
objectives: [{metric: f1}, {metric: f2}]
search: {algorithm: nsga2, population: 16, trials: 320, seed: 4}
YAML
slow="$url?study=hundred-ms"
for i in 1 2 3 4; do "$bin" worker "$slow" 2>"$work/s$i.log" & done
start=$(date +%s.%N)
"$bin" run "$work/slow.yaml" --study "$slow" --workers 0 --quiet 2>"$work/slow.log"
end=$(date +%s.%N)
wait
busy=$(cat "$work"/s?.log | sed -n 's/.*busy \([0-9]*\)%.*/\1/p' | tr '\n' ' ')
echo "100 ms trials: 320 in $(python3 -c "print(f'{$end - $start:.2f}')") s with 4 workers; each worker busy evaluating (from its first trial to its last): $busy%;" \
     "sleeping alone is $(python3 -c "print(f'{100 * 320 * 0.1 / (4 * ($end - $start)):.0f}')")% of 4 x the coordinator's wall time (the rest: command start-up, generations, claiming)"
rm -rf "$work"
