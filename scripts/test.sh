#!/usr/bin/env bash
# Installs what the tests need (when missing) and runs the whole test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --no-build
exec swift test "$@"
