#!/usr/bin/env bash
# Java 17 and Maven for the Neo4j test server (test/neo4j-server/), from Debian's packages.
# Fails the run when they cannot be had: CI runs the Neo4j suites on a live server, never skips them.
set -euo pipefail
if command -v java >/dev/null && command -v mvn >/dev/null; then exit 0; fi
SUDO=""
if [ "$(id -u)" != 0 ] && command -v sudo >/dev/null && sudo -n true 2>/dev/null; then SUDO="sudo -n"; fi
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends openjdk-17-jdk-headless maven >/dev/null
echo "install-java: $(java -version 2>&1 | head -n 1), $(mvn -v 2>/dev/null | head -n 1)"
