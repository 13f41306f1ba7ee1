#!/usr/bin/env bash
# Debian's Chromium for test/graphiql/browser.test.ts. Playwright's own browser download needs the
# internet, which CI does not have; Debian's packages it does. Never fails the run: without a
# browser that test skips and says why.
set -u
# fonts-noto-cjk: the explorer's screenshots show Japanese names, not empty boxes.
if [ -x /usr/bin/chromium ] && [ -d /usr/share/fonts/opentype/noto ]; then
  exit 0
fi
SUDO=""
if [ "$(id -u)" != 0 ]; then
  if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then SUDO="sudo -n"; fi
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "install-chromium: no apt-get here; the GraphiQL browser test will skip"
  exit 0
fi
if $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends chromium fonts-noto-cjk >/dev/null; then
  echo "install-chromium: installed $(/usr/bin/chromium --version 2>/dev/null || echo chromium)"
else
  echo "install-chromium: could not install chromium; the GraphiQL browser test will skip"
fi
exit 0
