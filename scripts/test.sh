#!/usr/bin/env bash
# The test command: installs what is missing, builds everything, then runs every test:
# C++ unit and API tests (ctest), the native app smoke test, and the browser tests.
# Exits non-zero when anything fails.
set -uo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$ROOT/scripts/build.sh" server native web || { echo "build failed"; exit 1; }

status=0
# ctest (catch_discover_tests) splits a test name at ';' into names that match nothing, so such
# a test would pass without running: refuse them.
if grep -rnE 'TEST_CASE\(\s*"[^"]*;' "$ROOT/tests" --include='*.cpp'; then
  echo "test names above contain ';' (ctest would run nothing for them): use a comma"
  status=1
fi
echo "== C++ tests (ctest) =="
ctest --test-dir "$ROOT/build/native" --output-on-failure -j2 || status=1

echo "== Browser tests (headless Chromium + playwright-core) =="
export DONGELEK_SERVER_BIN="$ROOT/build/native/src/server/dongelek-server"
export DONGELEK_WEB_DIR="$ROOT/build/web/dist"
export DONGELEK_ARTIFACTS="$ROOT/build/e2e"
(cd "$ROOT/tests/e2e" && node --test --test-concurrency=1 --test-reporter=spec) || status=1

if [ $status = 0 ]; then echo "ALL TESTS PASSED"; else echo "SOME TESTS FAILED"; fi
exit $status
