#!/bin/sh
# Set up Nagato Desk on a Debian machine: the system libraries Qt needs, a virtual environment in
# .venv with the program (and, for "test", what the tests need). Run as root, or as a user with sudo.
#
#   sh .ci/setup.sh app     # then: .venv/bin/nagato-desk
#   sh .ci/setup.sh test    # then: .venv/bin/python -m pytest
set -eu
cd "$(dirname "$0")/.."
mode="${1:-app}"

# Qt widgets need these even offscreen; a real window also needs the xcb ones.
QT_LIBS="libglib2.0-0 libgl1 libegl1 libxkbcommon0 libx11-6 libdbus-1-3 libfontconfig1 libfreetype6 libcups2"
QT_X11="libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-render-util0 libxcb-shape0 libxcb-xkb1 libxkbcommon-x11-0 libxcb-randr0 libxcb-xinerama0 libxrender1 libsm6 libice6"
case "$mode" in
  app)  packages="$QT_LIBS $QT_X11 python3-venv" ;;
  test) packages="$QT_LIBS python3-venv poppler-utils libreoffice-calc" ;;
  *) echo "usage: sh .ci/setup.sh app|test" >&2; exit 2 ;;
esac

missing=""
if command -v dpkg-query >/dev/null 2>&1; then
  for p in $packages; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing="$missing $p"
  done
fi
if [ -n "$missing" ]; then
  if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
  echo "Installing system packages:$missing" >&2
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $missing >/dev/null
fi

PYTHON="${PYTHON:-python3}"
if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -m venv .venv
fi
.venv/bin/python -m pip install -q --disable-pip-version-check uv
# Compiled bytecode: without it every start pays for compiling PySide6's and SQLAlchemy's modules.
export UV_PYTHON_DOWNLOADS=never
if [ "$mode" = test ]; then
  .venv/bin/uv pip install -q --python .venv/bin/python --compile-bytecode -e ".[test]"
else
  .venv/bin/uv pip install -q --python .venv/bin/python --compile-bytecode -e .
fi
