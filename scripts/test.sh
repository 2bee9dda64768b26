#!/usr/bin/env bash
# Installs what the tests need (when missing) and runs the whole test suite.
# Under CI (CI=true) the browser test fails when headless Chromium is missing; elsewhere it
# is skipped with a message.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --no-build
if ! bash scripts/install-chromium.sh >/dev/null; then
    if [ "${CI:-}" = true ]; then
        echo "error: the browser test (ReportBrowserTests) will fail: headless Chromium is missing" >&2
    else
        echo "note: the browser test (ReportBrowserTests) will be skipped: headless Chromium is missing" >&2
    fi
fi
# --- PostgreSQL: a throwaway server for the PostgreSQL storage tests (see scripts/postgres-test-server.sh) ---
# Started unless HYPERFRONT_TEST_POSTGRES_URL is already set; stopped, and its data removed, on exit.
# Under CI the tests that need it fail when it cannot start; elsewhere they are skipped with a message.
if [ -z "${HYPERFRONT_TEST_POSTGRES_URL:-}" ]; then
    if server_env="$(bash scripts/postgres-test-server.sh start)"; then
        eval "$server_env"
        trap 'bash scripts/postgres-test-server.sh stop "$HYPERFRONT_TEST_POSTGRES_DIR"' EXIT
    elif [ "${CI:-}" = true ]; then
        echo "error: the PostgreSQL tests will fail: the test server did not start" >&2
    else
        echo "note: the PostgreSQL tests will be skipped: the test server did not start" >&2
    fi
fi
# --- end of the PostgreSQL block ---
swift test "$@"
