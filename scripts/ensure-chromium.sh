#!/bin/sh
# The browser tests (test/browser/) drive Debian's Chromium, never a downloaded browser. `npm test` runs
# this first: on a fresh Debian machine it installs the package (as root, or with passwordless sudo).
set -eu
[ -x /usr/bin/chromium ] && exit 0
if [ "$(id -u)" = 0 ]; then
  SUDO=
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  SUDO=sudo
else
  echo "ensure-chromium: /usr/bin/chromium is missing and this user cannot install it." >&2
  echo "ensure-chromium: run 'sudo apt-get install -y chromium', then npm test again." >&2
  exit 1
fi
echo "ensure-chromium: installing Debian's chromium for the browser tests" >&2
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
