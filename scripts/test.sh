#!/usr/bin/env bash
# Installs everything the test suite needs on a fresh Debian machine (apt, pip, npm, Maven), starts
# a real Neo4j 5 for the Neo4j tests (scripts/neo4j-test-server.sh), runs the suite, stops Neo4j.
# This is the README's test command; .ci/run calls it. With REFORMKG_TEST_NEO4J_URI already set,
# that server is used and none is started.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  need=()
  command -v chromium >/dev/null 2>&1 || need+=(chromium chromium-driver)
  dpkg -s fonts-noto-cjk >/dev/null 2>&1 || need+=(fonts-noto-cjk)
  command -v docker-compose >/dev/null 2>&1 || need+=(docker-compose)
  command -v java >/dev/null 2>&1 || need+=(openjdk-17-jdk-headless)
  command -v mvn >/dev/null 2>&1 || need+=(maven)
  if [ ${#need[@]} -gt 0 ]; then
    export DEBIAN_FRONTEND=noninteractive
    # a failed system install must not hide the rest of the suite: the tests that need these
    # packages skip with the reason, and the warning says why
    { apt-get update -qq && apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null; } \
      || echo "warning: apt-get install ${need[*]} failed; browser/compose/Neo4j tests will be skipped" >&2
  fi
fi

python3 -m pip install -q --disable-pip-version-check -e '.[test]'

if [ -f tools/cypher-lint/package.json ] && command -v npm >/dev/null 2>&1; then
  (cd tools/cypher-lint && npm ci --no-audit --no-fund --loglevel=error) \
    || echo "warning: npm ci in tools/cypher-lint failed; the Neo4j-parser lint tests will be skipped" >&2
fi

if [ -z "${REFORMKG_TEST_NEO4J_URI:-}" ]; then
  # a server of this run's own (state in a temp dir); it stops with this script: on exit (trap),
  # and by itself if this shell is killed
  export NEO4J_TEST_STATE_DIR; NEO4J_TEST_STATE_DIR="$(mktemp -d -t reformkg-neo4j-run.XXXXXX)"
  if uri="$(NEO4J_TEST_PARENT_PID=$$ bash scripts/neo4j-test-server.sh start 2>/tmp/reformkg-neo4j-start.$$)"; then
    trap 'bash scripts/neo4j-test-server.sh stop; rm -rf "$NEO4J_TEST_STATE_DIR"' EXIT
    export REFORMKG_TEST_NEO4J_URI="$uri" REFORMKG_TEST_NEO4J_USER="" REFORMKG_TEST_NEO4J_PASSWORD=""
    cat /tmp/reformkg-neo4j-start.$$ >&2
  else
    reason="$(grep 'neo4j-test-server:' /tmp/reformkg-neo4j-start.$$ | tail -1 | sed 's/^neo4j-test-server: //')"
    cat /tmp/reformkg-neo4j-start.$$ >&2
    export REFORMKG_TEST_NEO4J_SKIP_REASON="the Neo4j test server did not start: ${reason:-see the log above}"
    echo "warning: $REFORMKG_TEST_NEO4J_SKIP_REASON; the Neo4j tests will be skipped" >&2
  fi
  rm -f /tmp/reformkg-neo4j-start.$$
fi

python3 -m pytest -q "$@"
