#!/usr/bin/env bash
# The bench command: prints what the README's benchmark table reports.
#  1. compressed bytes the page downloads before the first frame (HTML, JS, wasm, data)
#  2. navigation -> first listings drawn in headless Chromium, median of 5 fresh loads
#     with the main thread's idle load and Lighthouse (mobile) on the browse and listing screens
#  3. server throughput and latency with wrk (64 connections, 10 s) on 100,000 listings,
#     on SQLite and on PostgreSQL (a throwaway cluster, scripts/pg_test_cluster.sh), the
#     same generated listings on both, printed side by side: JSON searches, HTML listing
#     pages, and the server's own time for one listing page
#     (uncached searches and facet counts answered from the in-memory search index, and the
#     server's own time for each over filter combinations, docs/search.md)
#  4. accounts: sign-ins per second (each one Argon2id verification) and the cost of
#     authenticating a request (a GET with a bearer token against the same GET without)
#  5. photos: 20 photos of 12 MP picked in the seller's editor, prepared in the browser and
#     uploaded, median of 3 (tests/e2e/bench/photo_upload.mjs, on a server of its own)
# Usage: scripts/bench.sh [demo-size]   (default 100000)
# Environment: DONGELEK_BENCH_SERVER_ONLY=1 skips the web build and the page-load part.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SIZE="${1:-100000}"
SERVER_ONLY="${DONGELEK_BENCH_SERVER_ONLY:-0}"
if [ "$SERVER_ONLY" = 1 ]; then
  "$ROOT/scripts/build.sh" server >/dev/null
else
  "$ROOT/scripts/build.sh" server web >/dev/null
fi

BIN="$ROOT/build/native/src/server/dongelek-server"
TMP="$(mktemp -d)"
PID=""
PG_STATE="$TMP/pg-state"
stop_server() { if [ -n "$PID" ]; then kill "$PID" 2>/dev/null || true; wait "$PID" 2>/dev/null || true; PID=""; fi; }
cleanup() {
  stop_server
  [ -f "$PG_STATE/cluster" ] && "$ROOT/scripts/pg_test_cluster.sh" stop "$PG_STATE" || true
  rm -rf "$TMP"
}
trap cleanup EXIT
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
URL="http://127.0.0.1:$PORT"
DB=""

start_server() {
  "$BIN" --listen 127.0.0.1 --port "$PORT" --db "$DB" --media-dir "$TMP/media" \
    --demo-size "$SIZE" --web-dir "$ROOT/build/web/dist" --locales-dir "$ROOT/locales" "$@" 2>>"$TMP/server.log" &
  PID=$!
  for _ in $(seq 1 1200); do
    curl -fs "$URL/api/v1/health" >/dev/null 2>&1 && return 0
    kill -0 "$PID" 2>/dev/null || { echo "the server exited during start-up:"; cat "$TMP/server.log"; exit 1; }
    sleep 0.1
  done
  echo "the server did not answer within 120 s:"; cat "$TMP/server.log"; exit 1
}

declare -A RESULT # "<engine>|<label>" -> "N req/s p50 X p99 Y"
NOTES=()          # wrk's error counts (timeouts are requests slower than 2 s)
wrk_report() { # engine, label, wrk args...
  local engine=$1 label=$2; shift 2
  wrk -t2 -c64 -d10s --latency "$@" > "$TMP/wrk.txt"
  local rps p50 p99 errors
  rps=$(awk '/Requests\/sec/ {printf "%d", $2}' "$TMP/wrk.txt")
  p50=$(awk '$1=="50%" {print $2}' "$TMP/wrk.txt")
  p99=$(awk '$1=="99%" {print $2}' "$TMP/wrk.txt")
  errors=$(grep -E 'Non-2xx|Socket errors' "$TMP/wrk.txt" | tr -s ' ' | sed 's/^ //' | paste -sd ';' || true)
  RESULT["$engine|$label"]=$(printf '%7s req/s  p50 %8s  p99 %8s' "$rps" "$p50" "$p99")
  [ -z "$errors" ] || NOTES+=("$engine, $label: $errors")
}

Q="/api/v1/listings?make=1&year_from=2015&sort=price_asc"
LABELS=("one filtered sorted search (response cache on)"
        "120 different searches in rotation (cache on)"
        "one filtered sorted search (--no-cache, SQL each time)"
        "120 different searches in rotation (--no-cache)"
        "HTML listing pages at random ids (cache on)"
        "HTML listing pages at random ids (--no-cache)"
        "fuel + transmission, no index of its own (--no-cache)"
        "free text with a typo, q=toyta kamry (--no-cache)"
        "facet counts, 120 filters in rotation (--no-cache)"
        "suggestions while typing, 30 prefixes (--no-cache)")
export DONGELEK_BENCH_LISTINGS="$SIZE" # read by tests/e2e/bench/listing_pages.lua
declare -A READY

bench_engine() { # engine; DB is set
  local engine=$1 t0 t1
  t0=$(date +%s.%N)
  start_server
  t1=$(date +%s.%N)
  READY[$engine]=$(awk -v a="$t0" -v b="$t1" 'BEGIN{printf "%.1f s", b-a}')
  if [ "$engine" = sqlite ] && [ "$SERVER_ONLY" != 1 ]; then page_load; photo_upload; fi
  wrk_report "$engine" "${LABELS[0]}" "$URL$Q"
  wrk_report "$engine" "${LABELS[1]}" -s "$ROOT/tests/e2e/bench/listings.lua" "$URL"
  wrk_report "$engine" "${LABELS[4]}" -s "$ROOT/tests/e2e/bench/listing_pages.lua" "$URL"
  stop_server
  start_server --no-cache
  wrk_report "$engine" "${LABELS[2]}" "$URL$Q"
  wrk_report "$engine" "${LABELS[3]}" -s "$ROOT/tests/e2e/bench/listings.lua" "$URL"
  wrk_report "$engine" "${LABELS[5]}" -s "$ROOT/tests/e2e/bench/listing_pages.lua" "$URL"
  wrk_report "$engine" "${LABELS[6]}" "$URL/api/v1/listings?fuel=diesel&transmission=manual&sort=price_asc"
  wrk_report "$engine" "${LABELS[7]}" "$URL/api/v1/listings?q=toyta%20kamry"
  wrk_report "$engine" "${LABELS[8]}" -s "$ROOT/tests/e2e/bench/facets.lua" "$URL"
  wrk_report "$engine" "${LABELS[9]}" -s "$ROOT/tests/e2e/bench/suggest.lua" "$URL"
  page_timing "$engine"
  search_timing "$engine"
  stop_server
  auth_bench "$engine"
}

# Accounts: one verified user (through the outbox), then wrk on sign-in and on an
# authenticated GET. The per-IP sign-in limit is lifted for the run (all of wrk is one IP).
AUTH_LABELS=("sign-ins (Argon2id t=2, 19 MiB; wrk -c4)"
             "GET /api/v1/health, anonymous"
             "GET /api/v1/health with a bearer token (JWT + session check)"
             "GET /api/v1/me (token, session and user read)")
auth_bench() { # engine
  local engine=$1 token
  rm -rf "$TMP/outbox"
  start_server --mail-outbox "$TMP/outbox" --auth-limits "signin_ip=100000000/60,register_ip=100/60"
  curl -fs -o /dev/null -H 'Content-Type: application/json' "$URL/api/v1/auth/register" \
    -d '{"email":"bench@example.kz","password":"correct horse battery staple","displayName":"Bench","role":"buyer"}' || true
  for _ in $(seq 1 50); do ls "$TMP/outbox"/*.eml >/dev/null 2>&1 && break; sleep 0.1; done
  token=$(python3 - "$TMP/outbox" <<'PY'
import email, glob, re, sys
for path in sorted(glob.glob(sys.argv[1] + "/*.eml")):
    for part in email.message_from_file(open(path)).walk():
        if part.get_content_type() == "text/plain":
            m = re.search(r"token=([A-Za-z0-9_-]+)", part.get_payload(decode=True).decode())
            if m: print(m.group(1))
PY
)
  [ -n "$token" ] && curl -fs -o /dev/null -H 'Content-Type: application/json' "$URL/api/v1/auth/verify-email" -d "{\"token\":\"$token\"}"
  local access
  access=$(curl -fs -H 'Content-Type: application/json' "$URL/api/v1/auth/login" \
    -d '{"email":"bench@example.kz","password":"correct horse battery staple"}' |
    python3 -c 'import json,sys; print(json.load(sys.stdin)["accessToken"])')
  local rps
  wrk -t2 -c4 -d10s --latency -s "$ROOT/tests/e2e/bench/login.lua" "$URL/api/v1/auth/login" > "$TMP/wrk.txt"
  rps=$(awk '/Requests\/sec/ {printf "%.1f", $2}' "$TMP/wrk.txt")
  RESULT["$engine|${AUTH_LABELS[0]}"]=$(printf '%7s req/s  p50 %8s  (%s per core)' "$rps" \
    "$(awk '$1=="50%" {print $2}' "$TMP/wrk.txt")" "$(awk -v r="$rps" -v n="$(nproc)" 'BEGIN{printf "%.1f/s", r/n}')")
  grep -qE 'Non-2xx' "$TMP/wrk.txt" && NOTES+=("$engine, sign-ins: $(grep -E 'Non-2xx' "$TMP/wrk.txt" | tr -s ' ')")
  wrk_report "$engine" "${AUTH_LABELS[1]}" "$URL/api/v1/health"
  wrk_report "$engine" "${AUTH_LABELS[2]}" -H "Authorization: Bearer $access" "$URL/api/v1/health"
  wrk_report "$engine" "${AUTH_LABELS[3]}" -H "Authorization: Bearer $access" "$URL/api/v1/me"
  stop_server
}

# The server's own time for one listing page (Server-Timing), one request at a time: the
# median and the worst of 200 different listings, no cache.
declare -A PAGE_MS
page_timing() { # engine
  local i ms=()
  for i in $(seq 1 200); do
    ms+=("$(curl -s -o /dev/null -D - -H 'Accept-Encoding: gzip' "$URL/listing/$(( (i * 7919) % SIZE + 1 ))" |
      tr -d '\r' | awk -F'dur=' 'tolower($0) ~ /^server-timing/ {print $2}')")
  done
  PAGE_MS[$1]=$(printf '%s\n' "${ms[@]}" | sort -n | awk '{a[NR]=$1} END {printf "median %.2f ms, max %.2f ms", a[int((NR+1)/2)], a[NR]}')
}

# The server's own time (Server-Timing) for searches and facet counts, one request at a time,
# over filter combinations from none to all at once: the median and the worst.
declare -A SEARCH_MS FACET_MS SUGGEST_MS
SEARCH_QUERIES=("" "make=1" "make=1,2,3&sort=price_asc" "fuel=diesel&transmission=manual" "body=suv&drive=awd&sort=year_desc"
  "q=camry" "q=toyta%20kamry" "q=%D0%BA%D0%B0%D0%BC%D1%80%D0%B8" "q=a" "color=white,black&condition=used&owners_max=2"
  "steering=right&customs=1" "photos=1&spin=1&vin_verified=1&no_accidents=1" "posted_within=7&sort=price_desc"
  "engine_from=1.6&engine_to=2.5&power_from=150" "seller=dealer&country=KZ&city=1" "price_from=5000000&price_to=15000000"
  "make=1&model=1&year_from=2015&mileage_max=100000&fuel=petrol&transmission=automatic&body=sedan&drive=fwd&color=white&condition=used&owners_max=3&steering=left&seller=private&customs=1&no_accidents=1&photos=1&posted_within=30"
  "page=400&sort=mileage_asc" "make=5&page=50")
server_ms() { # path -> the Server-Timing milliseconds
  curl -s -o /dev/null -D - "$URL$1" | tr -d '\r' | awk -F'dur=' 'tolower($0) ~ /^server-timing/ {print $2}'
}
search_timing() { # engine
  local q ms=() fs=() ss=() w
  for q in "${SEARCH_QUERIES[@]}"; do
    server_ms "/api/v1/listings?$q" >/dev/null # warm
    ms+=("$(server_ms "/api/v1/listings?$q")")
    fs+=("$(server_ms "/api/v1/search/facets?$q")")
  done
  for w in toy toyt kamr %D0%BA%D0%B0%D0%BC lend%20krui mersedes hyundai%20t tayota; do ss+=("$(server_ms "/api/v1/search/suggest?q=$w")"); done
  local stats='{a[NR]=$1} END {printf "median %.2f ms, max %.2f ms", a[int((NR+1)/2)], a[NR]}'
  SEARCH_MS[$1]=$(printf '%s\n' "${ms[@]}" | sort -n | awk "$stats")
  FACET_MS[$1]=$(printf '%s\n' "${fs[@]}" | sort -n | awk "$stats")
  SUGGEST_MS[$1]=$(printf '%s\n' "${ss[@]}" | sort -n | awk "$stats")
}

# 20 photos of 12 MP in the seller's editor (the bench starts a small server of its own: the
# seller's account is made in its database).
photo_upload() {
  echo
  echo "== Photo upload: 20 photos of 12 MP in the seller's editor (headless Chromium, localhost) =="
  (cd "$ROOT/tests/e2e" && node bench/photo_upload.mjs 3 20) > "$TMP/photos.json"
  node -e '
    const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
    const mb = (b) => (b / 1024 / 1024).toFixed(1);
    const s = (x) => `median ${(x.median / 1000).toFixed(1)} s (${(x.min / 1000).toFixed(1)}-${(x.max / 1000).toFixed(1)})`;
    console.log(`${r.photos} photos of ${r.width}x${r.height} JPEG, ${mb(r.sourceBytes.min)}-${mb(r.sourceBytes.max)} MB each, ${mb(r.sourceBytes.total)} MB in all; ${r.runs.length} runs`);
    console.log(`From the picked files to all prepared on the device: ${s(r.preparedMs)}; all uploaded: ${s(r.uploadedMs)} (first uploaded ${s(r.firstUploadedMs)})`);
    console.log(`Main thread meanwhile: the app frame function at most ${r.maxFrameMs.toFixed(1)} ms (${r.unseenFrames} frames not seen), busy median ${r.mainThreadBusyPct.median} %, ${r.longTasks} long tasks over 50 ms (longest ${r.longestTaskMs} ms); longest gap between display frames ${r.maxGapMs.toFixed(0)} ms (gaps over 50 ms per run: ${r.gapsOver50.join(", ")})`);
  ' "$TMP/photos.json"
}

page_load() {
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
    const split = (f) => `avg ${f.avg.toFixed(1)} ms, median ${f.p50.toFixed(1)} ms, max ${f.max.toFixed(1)} ms; split: input ${f.input.toFixed(2)}, screens ${f.ui.toFixed(2)}, GL ${f.gl.toFixed(2)} ms; ${f.drawCalls} draw calls`;
    console.log(`Frame time, steady state (120 frames after start-up): ${split(r.steady)}`);
    if (r.scrolling) console.log(`Frame time scrolling past the 10,000th result (120 frames of a fast fling, 600 px a frame): ${split(r.scrolling)}; ${r.scrolling.loaded ?? "?"} of ${r.scrolling.total ?? "?"} results loaded in ${r.scrolling.seconds} s; main-thread CPU ${r.scrolling.mainThreadCpuPerFrameMs.toFixed(2)} ms per frame`);
    console.log(`Main thread busy while idle (5 s, nobody touching the page): browse ${r.idle.browse.toFixed(2)} %, listing ${r.idle.listing.toFixed(2)} %`);
  ' "$TMP/page.json"
  echo
  echo "== 360 viewer (headless Chromium, localhost) =="
  (cd "$ROOT/tests/e2e" && node bench/view360.mjs "$URL/" 3) > "$TMP/view360.json"
  node -e '
    const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
    const t = (x) => `car can be turned ${x.interactiveMs} ms, first frames ${x.framesMs} ms, from the 360 link on a listing page ${x.fromLinkMs} ms (${x.fromSettledLinkMs} ms once the page has settled)`;
    console.log(`Opening /listing/<id>?view=360, first visit (the server draws the files): ${t(r.first)}`);
    console.log(`Again (files stored, browser cache off): ${t(r.again)}`);
    const f = r.dragging;
    console.log(`Frame time while dragging the car (120 frames): avg ${f.avg.toFixed(1)} ms, median ${f.p50.toFixed(1)} ms, max ${f.max.toFixed(1)} ms; screens ${f.ui.toFixed(2)}, GL ${f.gl.toFixed(2)} ms; the viewer holds ${f.gpuMb} MB of GPU memory`);
    console.log(`At 10 Mbit/s, from the 360 link to a car that turns: ${r.slow.map((x) => x.fromLinkMs + " ms" + (x.settled ? " (page settled)" : " (page just ready)")).join(", ")}`);
  ' "$TMP/view360.json"
  echo
  echo "== Lighthouse 12.2.3, mobile profile (median of 3 runs) =="
  (cd "$ROOT/tests/e2e" && node bench/lighthouse.mjs "$URL/" "$URL/listing/1") > "$TMP/lh.json"
  node -e '
    const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
    for (const [url, m] of Object.entries(r)) {
      const name = new URL(url).pathname === "/" ? "browse " : "listing";
      console.log(`  ${name}  Performance ${m.performance} (${m.range.performance.join("-")})  Accessibility ${m.accessibility}  SEO ${m.seo}` +
                  `  TBT ${Math.round(m.tbtMs)} ms (${m.range.tbtMs.map(Math.round).join("-")})  LCP ${(m.lcpMs / 1000).toFixed(1)} s  FCP ${(m.fcpMs / 1000).toFixed(1)} s`);
    }
  ' "$TMP/lh.json"
}

# SQLite: the embedded default.
DB="$TMP/bench.sqlite"
bench_engine sqlite

# PostgreSQL: a throwaway cluster with the server's default (durable) settings.
"$ROOT/scripts/pg_test_cluster.sh" start "$PG_STATE" 2>>"$TMP/server.log"
PG_ADMIN=$(cat "$PG_STATE/url")
psql "$PG_ADMIN" -qAt -c "CREATE DATABASE bench" >/dev/null
DB="${PG_ADMIN%/*}/bench"
PG_VERSION=$(psql "$PG_ADMIN" -qAt -c "SHOW server_version")
bench_engine postgresql
"$ROOT/scripts/pg_test_cluster.sh" stop "$PG_STATE"

echo
echo "== Server (wrk -t2 -c64 -d10s, $SIZE listings; SQLite $(pkg-config --modversion sqlite3 2>/dev/null || echo '?') vs PostgreSQL $PG_VERSION) =="
printf '  %-56s %-44s %s\n' "" "SQLite" "PostgreSQL"
printf '  %-56s %-44s %s\n' "$SIZE listings generated and server ready" "${READY[sqlite]}" "${READY[postgresql]}"
for label in "${LABELS[@]}" "${AUTH_LABELS[@]}"; do
  printf '  %-56s %-44s %s\n' "$label" "${RESULT["sqlite|$label"]}" "${RESULT["postgresql|$label"]}"
done
printf '  %-56s %-44s %s\n' "one listing page, server time (200 ids, one at a time)" "${PAGE_MS[sqlite]}" "${PAGE_MS[postgresql]}"
printf '  %-56s %-44s %s\n' "search, server time (${#SEARCH_QUERIES[@]} combinations)" "${SEARCH_MS[sqlite]}" "${SEARCH_MS[postgresql]}"
printf '  %-56s %-44s %s\n' "facet counts, server time (the same combinations)" "${FACET_MS[sqlite]}" "${FACET_MS[postgresql]}"
printf '  %-56s %-44s %s\n' "suggestions, server time (8 prefixes)" "${SUGGEST_MS[sqlite]}" "${SUGGEST_MS[postgresql]}"
for note in "${NOTES[@]}"; do echo "  note: $note"; done
# The import as each server logged it (SQLite ran first).
grep -h "demo data: generated" "$TMP/server.log" | sed 's/^dongelek-server: demo data: //' |
  awk 'NR==1 {print "  SQLite:     " $0} NR==2 {print "  PostgreSQL: " $0}' || true
