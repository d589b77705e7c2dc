#!/bin/sh
# The browser tests (test/browser/) drive Debian's Chromium, never a downloaded browser.
exec sh "$(dirname "$0")/ensure-package.sh" chromium /usr/bin/chromium 'the browser tests'
