#!/usr/bin/env bash
# A real Neo4j 5 Community server for the tests (tools/neo4j-server, neo4j-harness in one JVM).
#
#   scripts/neo4j-test-server.sh start      build on first use, start in the background, wait until
#                                           Bolt answers, print the bolt URI (also in $STATE/uri)
#   scripts/neo4j-test-server.sh stop       stop it (SIGTERM, then SIGKILL after 30 s)
#   scripts/neo4j-test-server.sh uri        print the URI of the running server
#   scripts/neo4j-test-server.sh build      only build (Maven's local repository is the cache)
#   scripts/neo4j-test-server.sh classpath  the runtime classpath
#   scripts/neo4j-test-server.sh admin ARGS…  the real neo4j-admin of this Neo4j (org.neo4j.cli.AdminTool)
#                                           on the Neo4j home $NEO4J_HOME, e.g. `admin database import full …`
#
# Environment: NEO4J_TEST_PARENT_PID (the server stops when that process ends; default: none),
# NEO4J_TEST_JAVA_OPTS (default: a 1 GiB heap, serial GC), NEO4J_TEST_STATE_DIR (pid, uri, log;
# default tools/neo4j-server/target/run; one server per state dir), NEO4J_TEST_COPY_FROM (a Neo4j
# home to start from, e.g. one that `admin database import` filled).
# Exit 3: Java or Maven is missing (the reason on stderr).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
TOOL="$ROOT/tools/neo4j-server"
STATE="${NEO4J_TEST_STATE_DIR:-$TOOL/target/run}"
JAVA_OPTS="${NEO4J_TEST_JAVA_OPTS:--Xms256m -Xmx1g -XX:+UseSerialGC}"
READY_TIMEOUT="${NEO4J_TEST_READY_TIMEOUT:-120}"

die() { echo "neo4j-test-server: $1" >&2; exit "${2:-1}"; }

classpath() { echo "$TOOL/target/classes:$TOOL/target/lib/*"; }

built() {
  local cls="$TOOL/target/classes/reformkg/neo4j/TestServer.class"
  [ -f "$cls" ] && [ -f "$TOOL/target/lib/.complete" ] && [ "$cls" -nt "$TOOL/pom.xml" ] \
    && [ "$cls" -nt "$TOOL/src/main/java/reformkg/neo4j/TestServer.java" ]
}

build() {
  command -v java >/dev/null 2>&1 || die "java not found (Java 17+ is needed to run Neo4j)" 3
  built && return 0
  command -v mvn >/dev/null 2>&1 || die "mvn not found (Maven builds tools/neo4j-server)" 3
  echo "neo4j-test-server: building tools/neo4j-server (first use downloads Neo4j from Maven Central)" >&2
  (cd "$TOOL" && mvn -B -q -Dstyle.color=never package) >&2 || die "mvn package in tools/neo4j-server failed" 3
  touch "$TOOL/target/lib/.complete"
}

running_pid() {
  local pid
  [ -f "$STATE/pid" ] || return 1
  pid="$(cat "$STATE/pid")"
  kill -0 "$pid" 2>/dev/null && echo "$pid"
}

bolt_answers() {  # a Bolt handshake: magic + four version proposals; any agreed version is an answer
  local port="$1" reply
  reply="$(timeout 5 bash -c '
    exec 3<>"/dev/tcp/127.0.0.1/$0" || exit 1
    printf "\x60\x60\xb0\x17\x00\x04\x04\x05\x00\x00\x04\x04\x00\x00\x00\x03\x00\x00\x00\x00" >&3
    head -c 4 <&3 | od -An -tx1 | tr -d " \n"' "$port" 2>/dev/null)" || return 1
  [ -n "$reply" ] && [ "$reply" != "00000000" ]
}

start() {
  build
  mkdir -p "$STATE"
  if pid="$(running_pid)" && [ -f "$STATE/uri" ]; then
    cat "$STATE/uri"
    return 0
  fi
  rm -f "$STATE/uri" "$STATE/pid"
  local args=(--uri-file "$STATE/uri")
  [ -n "${NEO4J_TEST_PARENT_PID:-}" ] && args+=(--parent-pid "$NEO4J_TEST_PARENT_PID")
  [ -n "${NEO4J_TEST_COPY_FROM:-}" ] && args+=(--copy-from "$NEO4J_TEST_COPY_FROM")
  # shellcheck disable=SC2086 # JAVA_OPTS is a list of options
  nohup java $JAVA_OPTS -cp "$(classpath)" reformkg.neo4j.TestServer "${args[@]}" \
    </dev/null >"$STATE/log" 2>&1 &
  local pid=$!
  echo "$pid" >"$STATE/pid"
  local t0=$SECONDS uri port
  while :; do
    kill -0 "$pid" 2>/dev/null || { tail -20 "$STATE/log" >&2; die "the server exited during startup (log: $STATE/log)"; }
    if [ -f "$STATE/uri" ]; then
      uri="$(cat "$STATE/uri")"
      port="${uri##*:}"
      bolt_answers "$port" && break
    fi
    [ $((SECONDS - t0)) -ge "$READY_TIMEOUT" ] && { stop >/dev/null 2>&1 || true; die "Bolt did not answer within ${READY_TIMEOUT}s (log: $STATE/log)"; }
    sleep 0.3
  done
  echo "neo4j-test-server: $uri ready in $((SECONDS - t0))s (pid $pid)" >&2
  echo "$uri"
}

stop() {
  local pid
  if pid="$(running_pid)"; then
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    if kill -0 "$pid" 2>/dev/null; then
      echo "neo4j-test-server: pid $pid ignored SIGTERM for 30 s, killing it" >&2
      kill -KILL "$pid" 2>/dev/null || true
    fi
    echo "neo4j-test-server: stopped (pid $pid)" >&2
  fi
  rm -f "$STATE/pid" "$STATE/uri"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  uri) running_pid >/dev/null && cat "$STATE/uri" || die "not running" ;;
  build) build ;;
  classpath) build && classpath ;;
  admin)
    shift
    build
    [ -n "${NEO4J_HOME:-}" ] || die "set NEO4J_HOME to the Neo4j home to work on" 2
    mkdir -p "$NEO4J_HOME/conf"
    export NEO4J_CONF="${NEO4J_CONF:-$NEO4J_HOME/conf}"
    exec java -Xmx512m -cp "$(classpath)" org.neo4j.cli.AdminTool "$@" ;;
  *) die "usage: $0 start|stop|uri|build|classpath|admin ARGS…" 2 ;;
esac
