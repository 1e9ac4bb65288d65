#!/usr/bin/env bash
# The project's two commands (and a few more), for a fresh machine with only
# Python 3.11+ and a shell: each makes .venv and installs what it needs first.
#
#   bash dev.sh demo     run the checker on the bundled fixtures (report + check)
#   bash dev.sh test     lint and run the test suite (what CI runs)
#   bash dev.sh check [PATH...]   check letters (default: fixtures/letters)
#   bash dev.sh bench [--letters N]   benchmark (see benchmarks/bench.py)
#   bash dev.sh corpus [FOLDER]   check published letters against benchmarks/calibration/verdicts.tsv
#   bash dev.sh docs     regenerate the rule tables in README.md from rules/
#   bash dev.sh prebuild  rebuild checker/prebuilt/ (start-up data) from rules/ and grammar/
#   bash dev.sh fmt      format the code with ruff
set -euo pipefail
cd "$(dirname "$0")"
VENV=${VENV:-.venv}
PYTHON=${PYTHON:-python3}

ensure_venv() {
  if [ ! -x "$VENV/bin/python" ] || [ ! -f "$VENV/.installed" ] || [ pyproject.toml -nt "$VENV/.installed" ]; then
    echo "dev.sh: installing lettercheck and its dev tools into $VENV ..." >&2
    "$PYTHON" -m venv "$VENV"
    "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check -e '.[dev]'
    touch "$VENV/.installed"
  fi
}

command=${1:-help}
[ $# -gt 0 ] && shift
case "$command" in
  demo)
    ensure_venv
    "$VENV/bin/lettercheck" report fixtures/letters/hull_focused_2018.md
    exec "$VENV/bin/lettercheck" check fixtures/letters
    ;;
  check)
    ensure_venv
    if [ $# -eq 0 ]; then set -- fixtures/letters; fi
    exec "$VENV/bin/lettercheck" check "$@"
    ;;
  test)
    ensure_venv
    "$VENV/bin/ruff" check .
    "$VENV/bin/ruff" format --check .
    exec "$VENV/bin/python" -m pytest "$@"
    ;;
  docs)
    ensure_venv
    exec "$VENV/bin/python" -m checker.checking.rule_docs README.md
    ;;
  prebuild)
    ensure_venv
    exec "$VENV/bin/python" -m checker.prebuilt.build "$@"
    ;;
  fmt)
    ensure_venv
    "$VENV/bin/ruff" check --fix .
    exec "$VENV/bin/ruff" format .
    ;;
  bench)
    ensure_venv
    exec "$VENV/bin/python" benchmarks/bench.py "$@"
    ;;
  corpus)
    ensure_venv
    exec "$VENV/bin/python" benchmarks/calibration/corpus.py "$@"
    ;;
  *)
    sed -n '2,12p' "$0"
    ;;
esac
