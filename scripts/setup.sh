#!/usr/bin/env bash
# Installs what `npm run dev` and `npm test` need besides node_modules (README "Two commands"):
#   - Debian's redis-server, when no redis-server is on PATH;
#   - SecantusDB (the MongoDB stand-in, pinned) into the ignored virtualenv .cache/secantus-venv.
# Idempotent and fast when already done (a stamp file records the installed version).
# Usage: bash scripts/setup.sh [--quiet]     (errors are always printed)
set -euo pipefail

SECANTUS_VERSION="0.7.0b3"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="$ROOT/.cache/secantus-venv"
STAMP="$VENV/.secantusdb-version"

QUIET=0
for arg in "$@"; do
  case "$arg" in
    --quiet | -q) QUIET=1 ;;
    -h | --help) sed -n '2,6p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "setup: unknown argument: $arg" >&2; exit 2 ;;
  esac
done

say() { if [ "$QUIET" = 0 ]; then echo "setup: $*"; fi; }
fail() { echo "setup: error: $*" >&2; exit 1; }

# Runs a command as root: directly when we are root, else through sudo (non-interactive when there is no terminal).
as_root() {
  if [ "$(id -u)" = 0 ]; then
    "$@"
  elif command -v sudo >/dev/null 2>&1; then
    if [ -t 0 ]; then sudo "$@"; else sudo -n "$@"; fi
  else
    fail "need root to run '$*' (not root, and sudo is not installed); install it by hand and re-run"
  fi
}

APT_UPDATED=0
apt_install() {
  command -v apt-get >/dev/null 2>&1 || fail "apt-get not found: install $* with your package manager and re-run"
  local out
  out="$(mktemp)"
  if [ "$APT_UPDATED" = 0 ]; then
    say "apt-get update"
    if ! as_root env DEBIAN_FRONTEND=noninteractive apt-get update >"$out" 2>&1; then
      cat "$out" >&2; rm -f "$out"; fail "apt-get update failed"
    fi
    APT_UPDATED=1
  fi
  say "apt-get install -y $*"
  if ! as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "$@" >"$out" 2>&1; then
    cat "$out" >&2; rm -f "$out"; fail "apt-get install $* failed"
  fi
  rm -f "$out"
}

# --- redis-server --------------------------------------------------------------------------------------------
if command -v redis-server >/dev/null 2>&1; then
  say "redis-server present ($(command -v redis-server))"
else
  say "redis-server not found: installing Debian's redis-server"
  apt_install redis-server
  command -v redis-server >/dev/null 2>&1 || fail "redis-server still not on PATH after apt-get install"
  say "installed $(redis-server --version | head -n1)"
fi

# --- SecantusDB ----------------------------------------------------------------------------------------------
venv_ok() {
  # The interpreter is a symlink into the Python that made the venv: a broken link means the venv is stale.
  [ -x "$VENV/bin/python3" ] && [ -x "$VENV/bin/secantusd-py" ]
}

if venv_ok && [ -f "$STAMP" ] && [ "$(cat "$STAMP")" = "$SECANTUS_VERSION" ]; then
  say "SecantusDB $SECANTUS_VERSION present (.cache/secantus-venv)"
  exit 0
fi

# A venv made before the stamp existed: trust it if it really holds the pinned version.
if venv_ok && [ ! -f "$STAMP" ]; then
  installed="$("$VENV/bin/python3" -c 'import importlib.metadata as m; print(m.version("SecantusDB"))' 2>/dev/null || true)"
  if [ "$installed" = "$SECANTUS_VERSION" ]; then
    echo "$SECANTUS_VERSION" >"$STAMP"
    say "SecantusDB $SECANTUS_VERSION present (.cache/secantus-venv, stamp written)"
    exit 0
  fi
fi

PYTHON="${PYTHON:-}"
if [ -z "$PYTHON" ]; then
  for candidate in python3 python3.13 python3.12 python3.11 python3.10 python; do
    if command -v "$candidate" >/dev/null 2>&1 && "$candidate" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 10) else 1)' 2>/dev/null; then
      PYTHON="$candidate"
      break
    fi
  done
fi
[ -n "$PYTHON" ] || fail "Python >= 3.10 not found (SecantusDB needs it); install python3 and re-run"

if [ ! -x "$VENV/bin/python3" ]; then
  rm -rf "$VENV"
  mkdir -p "$(dirname "$VENV")"
  say "creating virtualenv .cache/secantus-venv ($("$PYTHON" --version 2>&1))"
  if ! "$PYTHON" -m venv "$VENV" >/dev/null 2>&1; then
    # Debian's own python3 ships venv/ensurepip separately.
    rm -rf "$VENV"
    say "python -m venv failed: installing Debian's python3-venv"
    apt_install python3-venv
    "$PYTHON" -m venv "$VENV" || fail "could not create the virtualenv with $PYTHON -m venv"
  fi
fi

pip_log="$(mktemp)"
trap 'rm -f "$pip_log"' EXIT
pip_install() {
  "$VENV/bin/python3" -m pip install --disable-pip-version-check --no-input "SecantusDB==$SECANTUS_VERSION" >"$pip_log" 2>&1
}

say "pip install SecantusDB==$SECANTUS_VERSION"
started=$SECONDS
if ! pip_install; then
  # No wheel for this Python/platform: pip builds the sdist, which needs cmake, ninja and swig (and a compiler).
  say "pip install failed (no wheel?): installing Debian's cmake ninja-build swig and retrying"
  tools=(cmake ninja-build swig)
  command -v cc >/dev/null 2>&1 || command -v gcc >/dev/null 2>&1 || tools+=(build-essential)
  apt_install "${tools[@]}"
  if ! pip_install; then
    tail -n 60 "$pip_log" >&2
    fail "pip install SecantusDB==$SECANTUS_VERSION failed (full log above)"
  fi
fi
[ -x "$VENV/bin/secantusd-py" ] || fail "SecantusDB installed but $VENV/bin/secantusd-py is missing (CLI renamed?)"
echo "$SECANTUS_VERSION" >"$STAMP"
say "SecantusDB $SECANTUS_VERSION installed in $((SECONDS - started)) s"
