#!/usr/bin/env bash
# Make sure .venv exists, runs Python 3.10 and holds exactly requirements.lock.
# Cheap when nothing changed: a stamp file records the hash of the installed lock.
set -euo pipefail
cd "$(dirname "$0")/.."

VENV=.venv
LOCK=requirements.lock

is_py310() { "$1" -c 'import sys; sys.exit(0 if sys.version_info[:2] == (3, 10) else 1)' >/dev/null 2>&1; }

find_python310() {
  local c
  for c in python3.10 python3 python; do
    if command -v "$c" >/dev/null 2>&1 && is_py310 "$(command -v "$c")"; then
      command -v "$c"; return 0
    fi
  done
  if command -v pyenv >/dev/null 2>&1; then
    for c in "$(pyenv root)"/versions/3.10.*/bin/python3.10; do
      if [ -x "$c" ] && is_py310 "$c"; then echo "$c"; return 0; fi
    done
  fi
  for c in "$HOME"/.pyenv/versions/3.10.*/bin/python3.10 /usr/local/bin/python3.10 /usr/bin/python3.10; do
    if [ -x "$c" ] && is_py310 "$c"; then echo "$c"; return 0; fi
  done
  return 1
}

if [ "${1:-}" = "--print-python" ]; then
  find_python310 || { echo "error: no Python 3.10 found" >&2; exit 1; }
  exit 0
fi

if [ ! -x "$VENV/bin/python" ] || ! is_py310 "$VENV/bin/python"; then
  if ! PY=$(find_python310); then
    cat >&2 <<'MSG'
error: Rasa 3.6 needs Python 3.10 (it supports 3.8-3.10 only) and none was found,
neither on PATH nor under pyenv. Install one, then run the command again:
  pyenv install 3.10        # with pyenv (https://github.com/pyenv/pyenv)
  apt-get install python3.10 python3.10-venv   # on Debian/Ubuntu with a 3.10 package
MSG
    exit 1
  fi
  echo "bootstrap: creating $VENV with $PY"
  rm -rf "$VENV"
  "$PY" -m venv "$VENV"
fi

want=$(sha256sum "$LOCK" | cut -c1-16)
have=$(cat "$VENV/.lock-installed" 2>/dev/null || true)
if [ "$want" != "$have" ]; then
  echo "bootstrap: installing $LOCK into $VENV (about 3-4 minutes on a fresh machine)"
  "$VENV/bin/python" -m pip install --disable-pip-version-check -q --upgrade "pip<24" wheel 2>&1 | grep -v "^WARNING: Location" || true
  "$VENV/bin/python" -m pip install --disable-pip-version-check -q -r "$LOCK" 2>&1 | grep -v "^WARNING: Location" || true
  "$VENV/bin/python" -m pip check >/dev/null
  "$VENV/bin/python" -W ignore -c 'import rasa, rasa_sdk, jieba, chinese_calendar, sqlalchemy' 
  echo "$want" > "$VENV/.lock-installed"
fi
