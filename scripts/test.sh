#!/usr/bin/env bash
# Installs everything the test suite needs on a fresh Debian machine (apt, pip, npm), then runs it.
# This is the README's test command; .ci/run calls it.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  need=()
  command -v chromium >/dev/null 2>&1 || need+=(chromium chromium-driver)
  dpkg -s fonts-noto-cjk >/dev/null 2>&1 || need+=(fonts-noto-cjk)
  command -v docker-compose >/dev/null 2>&1 || need+=(docker-compose)
  if [ ${#need[@]} -gt 0 ]; then
    export DEBIAN_FRONTEND=noninteractive
    # a failed system install must not hide the rest of the suite: the tests that need these
    # packages skip with the reason, and the warning says why
    { apt-get update -qq && apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null; } \
      || echo "warning: apt-get install ${need[*]} failed; browser/compose tests will be skipped" >&2
  fi
fi

python3 -m pip install -q --disable-pip-version-check -e '.[test]'

if [ -f tools/cypher-lint/package.json ] && command -v npm >/dev/null 2>&1; then
  (cd tools/cypher-lint && npm ci --no-audit --no-fund --loglevel=error) \
    || echo "warning: npm ci in tools/cypher-lint failed; the Neo4j-parser lint tests will be skipped" >&2
fi

python3 -m pytest -q "$@"
