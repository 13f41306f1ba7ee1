#!/usr/bin/env bash
# Node 24 (the other supported major; the main run is on 22), taken from the npm registry's `node`
# package into a temporary prefix, on a subset: the whole suite a second time would take CI past
# its 20 minutes. The subset is what can differ between Node majors: native modules (lmdb, under
# the embedded store's contract and its durability), worker threads and their heap limits, the
# ESM/TypeScript loading of the CLI, HTTP and body parsing, and text decoding in the register
# parsers. Pure JavaScript over a store (the Neo4j driver, the analyses) runs once, on 22.
# Coverage was measured by the main run.
set -euo pipefail
cd "$(dirname "$0")/.."
SUBSET=(
  test/contract/embedded.test.ts
  test/store/durability.test.ts
  test/store/faults.test.ts
  test/worker/import-worker.test.ts
  test/cli/cli.test.ts
  test/http/register-bodies.test.ts
  test/graphql/api.test.ts
  test/register/
)
major=24
prefix="$(mktemp -d)"
trap 'rm -rf "$prefix"' EXIT
npm i --no-save --no-audit --no-fund --prefix "$prefix" "node@$major" >/dev/null
echo "tests on Node $(PATH="$prefix/node_modules/.bin:$PATH" node --version), a subset"
PATH="$prefix/node_modules/.bin:$PATH" npx tap --disable-coverage --fail-skip "${SUBSET[@]}"
