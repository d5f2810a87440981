#!/usr/bin/env bash
# The bench command: prints what the README's benchmark table reports.
#  1. compressed bytes the page downloads before the first frame (HTML, JS, wasm, data)
#  2. navigation -> first listings drawn in headless Chromium, median of 5 fresh loads
#  3. server throughput and latency with wrk (64 connections, 10 s) on 100,000 listings
# Usage: scripts/bench.sh [demo-size]   (default 100000)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SIZE="${1:-100000}"
"$ROOT/scripts/build.sh" server web >/dev/null

BIN="$ROOT/build/native/src/server/dongelek-server"
TMP="$(mktemp -d)"
PID=""
stop_server() { if [ -n "$PID" ]; then kill "$PID" 2>/dev/null || true; wait "$PID" 2>/dev/null || true; PID=""; fi; }
trap 'stop_server; rm -rf "$TMP"' EXIT
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
URL="http://127.0.0.1:$PORT"

start_server() {
  "$BIN" --listen 127.0.0.1 --port "$PORT" --db "$TMP/bench.sqlite" --media-dir "$TMP/media" \
    --demo-size "$SIZE" --web-dir "$ROOT/build/web/dist" "$@" 2>>"$TMP/server.log" &
  PID=$!
  for _ in $(seq 1 1200); do
    curl -fs "$URL/api/v1/health" >/dev/null 2>&1 && return 0
    kill -0 "$PID" 2>/dev/null || { echo "the server exited during start-up:"; cat "$TMP/server.log"; exit 1; }
    sleep 0.1
  done
  echo "the server did not answer within 120 s:"; cat "$TMP/server.log"; exit 1
}

t0=$(date +%s.%N)
start_server
t1=$(date +%s.%N)
printf 'Demo data: %s listings generated and server ready in %.1f s\n' "$SIZE" "$(awk -v a="$t0" -v b="$t1" 'BEGIN{print b-a}')"

echo
echo "== Page load (headless Chromium, localhost) =="
(cd "$ROOT/tests/e2e" && node bench/page_load.mjs "$URL/" 5) > "$TMP/page.json"
node -e '
  const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
  for (const [f, b] of Object.entries(r.bundle.files)) console.log(`  ${f.padEnd(32)} ${(b / 1024).toFixed(1).padStart(8)} KB`);
  console.log(`Downloaded before the first frame (compressed): ${(r.bundle.bytes / 1024 / 1024).toFixed(2)} MB`);
  console.log(`Navigation to first listings: median ${r.medianMs.toFixed(0)} ms (runs: ${r.firstListingsMs.map((t) => t.toFixed(0)).join(", ")})`);
  const avg = r.frames.map((f) => f.avg), max = r.frames.map((f) => f.max);
  console.log(`Frame time, first 120 frames incl. start-up: avg ${Math.max(...avg).toFixed(1)} ms, max ${Math.max(...max).toFixed(1)} ms (worst of ${r.frames.length} loads)`);
  console.log(`Frame time, steady state (120 frames after start-up): avg ${r.steady.avg.toFixed(1)} ms, max ${r.steady.max.toFixed(1)} ms`);
' "$TMP/page.json"

wrk_report() { # label, wrk args...
  local label=$1; shift
  wrk -t2 -c64 -d10s --latency "$@" > "$TMP/wrk.txt"
  local rps p50 p99
  rps=$(awk '/Requests\/sec/ {print $2}' "$TMP/wrk.txt")
  p50=$(awk '$1=="50%" {print $2}' "$TMP/wrk.txt")
  p99=$(awk '$1=="99%" {print $2}' "$TMP/wrk.txt")
  printf '  %-52s %10s req/s   p50 %8s   p99 %8s\n' "$label" "$rps" "$p50" "$p99"
  grep -E 'Non-2xx|Socket errors' "$TMP/wrk.txt" | sed 's/^/    /' || true
}

Q="/api/v1/listings?make=1&year_from=2015&sort=price_asc"
echo
echo "== Server (wrk -t2 -c64 -d10s, $SIZE listings, SQLite) =="
wrk_report "one filtered sorted search (response cache on)" "$URL$Q"
wrk_report "120 different searches in rotation (cache on)" -s "$ROOT/tests/e2e/bench/listings.lua" "$URL"
stop_server
start_server --no-cache
wrk_report "one filtered sorted search (--no-cache, SQL each time)" "$URL$Q"
wrk_report "120 different searches in rotation (--no-cache)" -s "$ROOT/tests/e2e/bench/listings.lua" "$URL"
