#!/usr/bin/env bash
# Makes sure headless Chromium is there for the browser test (scripts/report-screenshots.sh):
# installs Debian's `chromium` package when it is missing and this user can (root, or sudo
# without a password prompt), otherwise says what is missing and how to install it.
# Prints the browser's path on stdout; exit 0 when it is there, 1 when it is not.
set -euo pipefail

find_chromium() { command -v chromium || command -v chromium-browser || true; }

bin="$(find_chromium)"
if [ -z "$bin" ] && command -v apt-get >/dev/null 2>&1; then
    root=()
    if [ "$(id -u)" != 0 ]; then
        if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then root=(sudo -n); else root=(cannot); fi
    fi
    if [ "${root[0]-}" != cannot ]; then
        echo "Installing Debian's chromium package for the browser test" >&2
        export DEBIAN_FRONTEND=noninteractive
        { ${root[@]+"${root[@]}"} apt-get update -qq && ${root[@]+"${root[@]}"} apt-get install -y -qq chromium >/dev/null; } \
            || echo "error: apt-get install chromium failed" >&2
        bin="$(find_chromium)"
    fi
fi
if [ -z "$bin" ]; then
    echo "missing: headless Chromium for the browser test (Debian package 'chromium'); install it as root: apt-get install -y chromium" >&2
    exit 1
fi
echo "$bin"
