#!/usr/bin/env bash
# Set up lstmkit for development: a local virtual environment in .venv with torch 2.13.0 (CPU)
# installed first, then lstmkit (editable) with its test dependencies.
# Safe to run again: it reinstalls only when pyproject.toml has changed.
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON=${PYTHON:-python3}
"$PYTHON" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 10) else "lstmkit needs Python >= 3.10; set PYTHON=/path/to/python3.10+")'

# The report test opens report.html in a real browser: Debian's chromium (installed once, as root).
if ! command -v chromium >/dev/null 2>&1; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
        echo "Installing chromium for the browser test of the HTML report..."
        (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium) >/dev/null 2>&1 \
            || echo "warning: could not install chromium; the browser test will be skipped (or fail in CI)." >&2
    else
        echo "note: chromium is not installed; the browser test of the HTML report will be skipped." >&2
    fi
fi

stamp=.venv/.setup-stamp
wanted=$(sha256sum pyproject.toml | cut -d' ' -f1)
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$wanted" ] && .venv/bin/python -c 'import lstmkit, torch' 2>/dev/null; then
    exit 0
fi

[ -x .venv/bin/python ] || "$PYTHON" -m venv .venv
# (pip's exit status is kept; only this machine's harmless index warnings are filtered out)
pip() { .venv/bin/python -m pip --disable-pip-version-check -q "$@" 2> >(grep -v 'is ignored: it is neither a file nor a directory' >&2); }
# torch first, pinned: this exact version is a local CPU build; any other pulls CUDA packages.
pip install "torch==2.13.0"
pip install -e ".[test,golden]"
.venv/bin/python -c 'import lstmkit, torch; print(f"lstmkit {lstmkit.__version__} ready (torch {torch.__version__})")'
echo "$wanted" > "$stamp"
