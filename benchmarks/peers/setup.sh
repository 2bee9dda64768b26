#!/usr/bin/env bash
# Creates (or checks) the Python environment of the peer tools pinned in requirements.txt.
#   PEERS_VENV   where the venv lives (default: .venv-peers at the repository root)
#   PYTHON       the interpreter that creates it (default: python3, 3.10 or newer)
# Idempotent: a venv that already holds exactly the pinned versions is only checked.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
venv="${PEERS_VENV:-$repo/.venv-peers}"
python="${PYTHON:-python3}"
requirements="$here/requirements.txt"

check() {
    # From / so that no module in the caller's folder shadows an installed one.
    (cd / && "$venv/bin/python" - "$requirements" <<'PY'
import sys
from importlib.metadata import version, PackageNotFoundError
wrong = []
for line in open(sys.argv[1]):
    line = line.split("#", 1)[0].strip()
    if not line:
        continue
    name, want = line.split("==")
    try:
        have = version(name)
    except PackageNotFoundError:
        have = None
    (wrong.append(f"{name}: want {want}, have {have}") if have != want else print(f"  {name}=={have}"))
if wrong:
    print("\n".join("  " + w for w in wrong))
    sys.exit(1)
PY
    )
}

if [ -x "$venv/bin/python" ] && check >/dev/null 2>&1; then
    echo "peer tools ready in $venv:"; check; exit 0
fi
if ! "$python" -c 'import sys; sys.exit(sys.version_info < (3, 10))' 2>/dev/null; then
    echo "error: $python is missing or older than 3.10; set PYTHON=/path/to/python3.10+" >&2; exit 1
fi
if [ ! -x "$venv/bin/python" ]; then
    echo "creating $venv"
    "$python" -m venv "$venv" || { echo "error: '$python -m venv' failed (Debian: apt-get install python3-venv)" >&2; exit 1; }
fi
"$venv/bin/python" -m pip install --quiet --upgrade pip
"$venv/bin/python" -m pip install --quiet -r "$requirements"
echo "peer tools ready in $venv:"; check
