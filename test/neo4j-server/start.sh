#!/usr/bin/env bash
# Starts a throwaway Neo4j 5.26 Community server (Launcher.java) and prints
# "READY bolt://127.0.0.1:<port>" once Bolt accepts connections. SIGTERM stops it and deletes its data.
# Needs Java 17+ and Maven; the harness classpath is resolved once and cached in target/.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
command -v java >/dev/null || { echo "neo4j-server: java not found (Java 17 is needed)" >&2; exit 3; }
command -v mvn >/dev/null || { echo "neo4j-server: mvn not found (Maven is needed)" >&2; exit 3; }
classpath="$here/target/classpath.txt"
if [ ! -s "$classpath" ] || [ "$here/pom.xml" -nt "$classpath" ]; then
  mkdir -p "$here/target"
  mvn -q -B -Dstyle.color=never -f "$here/pom.xml" dependency:build-classpath -Dmdep.outputFile="$classpath" >&2
fi
# Neo4j reaches into the JDK's internals, as its own launcher allows with these flags.
exec java -Xms${NEO4J_TEST_HEAP:-1g} -Xmx${NEO4J_TEST_HEAP:-1g} -XX:+UseG1GC \
  --add-opens=java.base/java.lang=ALL-UNNAMED \
  --add-opens=java.base/java.lang.invoke=ALL-UNNAMED \
  --add-opens=java.base/java.nio=ALL-UNNAMED \
  --add-opens=java.base/sun.nio.ch=ALL-UNNAMED \
  --add-opens=java.base/java.io=ALL-UNNAMED \
  --add-opens=java.base/java.util=ALL-UNNAMED \
  --add-opens=java.base/java.util.concurrent=ALL-UNNAMED \
  --add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED \
  --add-opens=java.base/java.net=ALL-UNNAMED \
  --add-exports=java.base/sun.nio.ch=ALL-UNNAMED \
  -Dio.netty.tryReflectionSetAccessible=true \
  -cp "$(cat "$classpath")" "$here/Launcher.java"
