#!/usr/bin/env bash
# Runs a command with a throwaway Neo4j beside it: starts start.sh, waits for its READY line,
# exports NEO4J_URI (and a password the auth-less server ignores), runs the command, stops the server.
#   test/neo4j-server/with-neo4j.sh npm test
# Without Java or Maven the command runs without Neo4j (its suites then skip and say why), except
# under CI=true, where a Neo4j that does not start fails the run.
set -uo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
wait_s="${NEO4J_TEST_START_TIMEOUT_S:-600}"
fail_or_run_without() {
  echo "with-neo4j: $1" >&2
  shift
  if [ "${CI:-}" = "true" ]; then exit 1; fi
  echo "with-neo4j: running without Neo4j; its suites will skip" >&2
  exec "$@"
}
if ! command -v java >/dev/null || ! command -v mvn >/dev/null; then
  fail_or_run_without "Java 17 and Maven are needed for the Neo4j test server" "$@"
fi
log="$(mktemp -t vendor-chain-neo4j-XXXXXX.log)"
bash "$here/start.sh" >"$log" 2>&1 &
server=$!
stop() { kill -TERM "$server" 2>/dev/null && wait "$server" 2>/dev/null; rm -f "$log"; }
trap stop EXIT
uri=""
for _ in $(seq 1 "$wait_s"); do
  # Not anchored: a first run's Maven output can leave colour codes on the READY line.
  uri="$(grep -ao 'READY bolt://[^[:space:]]*' "$log" | head -n 1 | cut -d' ' -f2)"
  [ -n "$uri" ] && break
  if ! kill -0 "$server" 2>/dev/null; then break; fi
  sleep 1
done
if [ -z "$uri" ]; then
  tail -n 40 "$log" >&2
  kill -TERM "$server" 2>/dev/null
  fail_or_run_without "Neo4j did not start within ${wait_s} s" "$@"
fi
echo "with-neo4j: Neo4j ready at $uri" >&2
NEO4J_URI="$uri" NEO4J_PASSWORD="${NEO4J_PASSWORD:-auth-disabled}" "$@"
