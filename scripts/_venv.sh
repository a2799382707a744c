# Sourced by scripts/run and scripts/test: make ./.venv once, keep it in step with
# pyproject.toml and constraints.txt, and put it first on PATH.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
PY="${PYTHON:-python3}"
if [ ! -x .venv/bin/python ]; then
    "$PY" -m venv .venv
    .venv/bin/python -m pip install --quiet --upgrade pip
fi
stamp=".venv/.installed-$1"
if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ] || [ constraints.txt -nt "$stamp" ]; then
    .venv/bin/python -m pip install --quiet -c constraints.txt -e ".[$1]"
    touch "$stamp"
fi
export PATH="$ROOT/.venv/bin:$PATH"
