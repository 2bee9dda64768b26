#!/usr/bin/env bash
# Faults on a study in PostgreSQL: a coordinator and 4 worker processes on loopback run a
# 200-trial NSGA-II study of a command whose trials take 0.1 to 1 s; meanwhile a random worker is
# killed with SIGKILL 10 times (and restarted), the coordinator twice (and resumed with --resume),
# and the server is stopped in immediate mode for 10 s. Prints what the study holds at the end
# beside a single-process study file of the same seed: trials, states, duplicates, and whether
# `report --all --format csv` is byte-identical.
#
#   swift build && bash benchmarks/postgres-faults.sh        # BIN=… to use another binary
#
# Workers run with --reclaim-after 5 (the default is 30 s) so that taken-over trials do not make
# the measurement long. The kill moments are seeded (RANDOM=7): the same schedule on every run.
set -euo pipefail
cd "$(dirname "$0")/.."
bin="${BIN:-.build/debug/hyperfront}"
eval "$(bash scripts/postgres-test-server.sh start)"
work="$(mktemp -d)"
pids=()
cleanup() {
    for p in "${pids[@]}" ${coordinator:-}; do kill -9 "$p" 2>/dev/null || true; done
    bash scripts/postgres-test-server.sh stop "$HYPERFRONT_TEST_POSTGRES_DIR"
    rm -rf "$work"
}
trap cleanup EXIT
study="$HYPERFRONT_TEST_POSTGRES_URL?study=faults"
cat > "$work/faults.yaml" <<'YAML'
name: faults
evaluator:
  command: [sh, -c, 'sleep 0.$(( ($HYPERFRONT_TRIAL * 37) % 90 + 10 )); echo "{\"f1\": $1, \"f2\": $2}"', sh, "{a}", "{b}"]
  metrics: [f1, f2]
space:
  a: {float: [0, 1]}
  b: {int: [0, 40]}
objectives: [{metric: f1}, {metric: f2}]
search: {algorithm: nsga2, population: 20, trials: 200, seed: 11}
YAML

worker() { "$bin" worker "$study" --reclaim-after 5 --quiet 2>>"$work/worker-$1.log" & pids[$1]=$!; }
coordinate() { "$bin" run "$work/faults.yaml" --study "$study" --workers 0 --quiet "$@" 2>>"$work/coordinator.log" & coordinator=$!; }

RANDOM=7
start=$(date +%s.%N)
for i in 0 1 2 3; do worker $i; done
coordinate
worker_kills=0 coordinator_kills=0 paused=0 event=0
while [ $worker_kills -lt 10 ] || [ $coordinator_kills -lt 2 ] || [ $paused -lt 1 ]; do
    sleep "1.$(( RANDOM % 10 ))"
    kill -0 "$coordinator" 2>/dev/null || break   # the study finished first
    event=$((event + 1))
    if [ $event = 4 ] || [ $event = 9 ]; then
        kill -9 "$coordinator"; wait "$coordinator" 2>/dev/null || true
        coordinator_kills=$((coordinator_kills + 1))
        sleep 0.5
        coordinate --resume
    elif [ $event = 6 ]; then
        bash scripts/postgres-test-server.sh pause "$HYPERFRONT_TEST_POSTGRES_DIR" 10
        paused=1
    elif [ $worker_kills -lt 10 ]; then
        i=$(( RANDOM % 4 ))
        kill -9 "${pids[$i]}"; wait "${pids[$i]}" 2>/dev/null || true
        worker_kills=$((worker_kills + 1))
        worker $i
    fi
done
status=0
wait "$coordinator" || status=$?
for i in 0 1 2 3; do wait "${pids[$i]}" 2>/dev/null || true; done
end=$(date +%s.%N)
echo "faults: $worker_kills workers killed (SIGKILL) and restarted, coordinator killed $coordinator_kills times and resumed, server stopped $((paused * 10)) s"
echo "coordinator's last exit code: $status; wall time $(python3 -c "print(f'{$end - $start:.1f}')") s"
taken=$(cat "$work"/worker-*.log | sed -n 's/.*, \([0-9]*\) taken over.*/\1/p' | awk '{s += $1} END {print s + 0}')
echo "trials taken over from killed workers: at least $taken (as counted by the workers that ran to the end)"

"$bin" report "$study" --all --format csv > "$work/remote.csv"
"$bin" run "$work/faults.yaml" --study "$work/reference.sqlite" --workers 4 --quiet 2>/dev/null
"$bin" report "$work/reference.sqlite" --all --format csv > "$work/local.csv"
rows=$(tail -n +2 "$work/remote.csv" | wc -l)
numbers=$(tail -n +2 "$work/remote.csv" | cut -d, -f1 | sort -u | wc -l)
states=$(tail -n +2 "$work/remote.csv" | awk -F, '{print $(NF-2)}' | sort | uniq -c | tr -s ' ' | paste -sd, -)
echo "study in PostgreSQL: $rows trials, $numbers distinct numbers, states:$states"
if cmp -s "$work/remote.csv" "$work/local.csv"; then
    echo "report --all --format csv: byte-identical to the single-process study file of the same seed"
else
    echo "report --all --format csv: DIFFERS from the single-process study file"; diff "$work/remote.csv" "$work/local.csv" | head -5
    exit 1
fi
