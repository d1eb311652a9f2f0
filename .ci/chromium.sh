#!/usr/bin/env bash
# Installs Debian's headless Chromium and its driver for the browser test (WebViewBrowserIT),
# when either is missing. Needs root (CI runs as root); non-interactive.
set -euo pipefail
if [[ -x /usr/bin/chromium && -x /usr/bin/chromedriver ]]; then
  exit 0
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -q
apt-get install -y -q chromium chromium-driver
