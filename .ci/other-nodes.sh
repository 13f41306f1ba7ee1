#!/usr/bin/env bash
# Runs the suite again on every other supported Node.js major (issue 11), taken from the npm
# registry's `node` package into a temporary prefix. Coverage was measured by the main run.
set -euo pipefail
cd "$(dirname "$0")/.."
for major in 22 24; do
  if [ "$(node -p 'process.versions.node.split(".")[0]')" = "$major" ]; then continue; fi
  prefix="$(mktemp -d)"
  npm i --no-save --no-audit --no-fund --prefix "$prefix" "node@$major"
  echo "tests on Node $(PATH="$prefix/node_modules/.bin:$PATH" node --version)"
  PATH="$prefix/node_modules/.bin:$PATH" npx tap --disable-coverage
  rm -rf "$prefix"
done
