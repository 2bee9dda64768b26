#!/usr/bin/env bash
# Installs the Debian packages Hyperfront needs (when missing) and builds it.
#   bash scripts/setup.sh            # packages + release build (.build/release/hyperfront)
#   bash scripts/setup.sh --no-build # packages only
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(libglpk-dev libopenblas-dev libsqlite3-dev)
missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if [ ${#missing[@]} -gt 0 ]; then
    echo "Installing Debian packages: ${missing[*]}" >&2
    if [ "$(id -u)" = 0 ]; then
        SUDO=""
    elif command -v sudo >/dev/null 2>&1; then
        SUDO="sudo"
    else
        echo "error: missing Debian packages: ${missing[*]}" >&2
        echo "       install them as root: apt-get install -y ${missing[*]}" >&2
        exit 1
    fi
    export DEBIAN_FRONTEND=noninteractive
    if ! { $SUDO apt-get update -qq && $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null; }; then
        echo "error: could not install: ${missing[*]}" >&2
        echo "       install them by hand: apt-get install -y ${missing[*]}" >&2
        exit 1
    fi
fi

if ! command -v swift >/dev/null 2>&1; then
    echo "error: 'swift' is not on PATH; install Swift 6 (https://www.swift.org/install/linux/)" >&2
    exit 1
fi

if [ "${1:-}" != "--no-build" ]; then
    swift build -c release --product hyperfront 2>&1 | grep -vE '^\[[0-9]+/[0-9]+\]' >&2 || true
    test -x .build/release/hyperfront || { echo "error: the release build failed" >&2; exit 1; }
fi
