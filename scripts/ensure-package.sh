#!/bin/sh
# ensure-package.sh PACKAGE PROGRAM WHY: the tests use Debian's PACKAGE (its PROGRAM), never a download.
# `npm test` runs this first for each; on a fresh Debian machine it installs the package (as root, or
# with passwordless sudo), and otherwise says what to run.
set -eu
package=$1 program=$2 why=$3
[ -x "$program" ] && exit 0
if [ "$(id -u)" = 0 ]; then
  SUDO=
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  SUDO=sudo
else
  echo "ensure-package: $program is missing and this user cannot install it." >&2
  echo "ensure-package: run 'sudo apt-get install -y $package', then npm test again." >&2
  exit 1
fi
echo "ensure-package: installing Debian's $package for $why" >&2
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "$package" >/dev/null
