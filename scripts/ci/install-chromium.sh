#!/usr/bin/env bash
# Installs Debian's Chromium for the browser tests (test/browser). Idempotent: does nothing when it is already there.
# Never downloads a browser build of Playwright's own: the tests launch /usr/bin/chromium through playwright-core.
set -euo pipefail

if [ -x /usr/bin/chromium ]; then
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  SUDO="sudo"
fi

export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >/dev/null
/usr/bin/chromium --version
