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
# Neo4j reaches into the JDK's internals, as its own launcher allows with these flags. JVM warnings
# go to stderr: stdout carries only the READY line.
jvm=(-Xms${NEO4J_TEST_HEAP:-1g} -Xmx${NEO4J_TEST_HEAP:-1g} -XX:+UseG1GC -Xlog:disable -Xlog:all=warning:stderr
  --add-opens=java.base/java.lang=ALL-UNNAMED
  --add-opens=java.base/java.lang.invoke=ALL-UNNAMED
  --add-opens=java.base/java.nio=ALL-UNNAMED
  --add-opens=java.base/sun.nio.ch=ALL-UNNAMED
  --add-opens=java.base/java.io=ALL-UNNAMED
  --add-opens=java.base/java.util=ALL-UNNAMED
  --add-opens=java.base/java.util.concurrent=ALL-UNNAMED
  --add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED
  --add-opens=java.base/java.net=ALL-UNNAMED
  --add-exports=java.base/sun.nio.ch=ALL-UNNAMED
  -Dio.netty.tryReflectionSetAccessible=true
  -cp "$(cat "$classpath")")
# Every start loads the same classes (Neo4j's, and javac's for Launcher.java): an archive of them
# (AppCDS), made once like the classpath above, takes about two seconds off each start. It is
# written under a name of its own and renamed, so a start beside never reads half of one; a JVM
# that cannot use it (another Java) starts without it.
archive="$here/target/classes.jsa"
if [ ! -s "$archive" ] || [ "$classpath" -nt "$archive" ] || [ "$here/Launcher.java" -nt "$archive" ]; then
  making="$archive.$$"
  # What it cannot archive (signed jars, old class files) it lists at length: not shown.
  if NEO4J_TEST_ARCHIVE_ONLY=1 NEO4J_TEST_IMPORT= NEO4J_TEST_PORT=0 java -XX:ArchiveClassesAtExit="$making" "${jvm[@]}" -Xlog:cds*=off:stderr "$here/Launcher.java" >&2 && [ -s "$making" ]; then
    mv -f "$making" "$archive"
  else
    rm -f "$making"
  fi
fi
[ -s "$archive" ] && jvm=(-XX:SharedArchiveFile="$archive" "${jvm[@]}")
exec java "${jvm[@]}" "$here/Launcher.java"
