#!/usr/bin/env bash
# Builds Dongelek. Usage: scripts/build.sh [server] [native] [web] (default: all three)
#   server -> build/native/src/server/dongelek-server
#   native -> build/native: the desktop app and the C++ tests
#   web    -> build/web/dist: index.html + content-hashed app.js/.wasm/.data + image_worker.js
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CACHE="${DONGELEK_CACHE:-$HOME/.cache/dongelek}"
JOBS="${DONGELEK_JOBS:-2}"

[ "${DONGELEK_SKIP_SETUP:-0}" = 1 ] || "$ROOT/scripts/setup.sh"
# shellcheck disable=SC1091
source "$CACHE/paths.env"

targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(server native web)
want() { local t; for t in "${targets[@]}"; do [ "$t" = "$1" ] && return 0; done; return 1; }

log() { printf '\033[1;34m[build]\033[0m %s\n' "$*"; }

if want server || want native; then
  if [ ! -f "$ROOT/build/native/build.ninja" ]; then
    log "configuring build/native"
    cmake -S "$ROOT" -B "$ROOT/build/native" -G Ninja -DCMAKE_BUILD_TYPE=Release \
      -DIMGUI_DIR="$IMGUI_DIR" >/dev/null
  fi
  if want native; then
    log "building build/native (server, desktop app, tests)"
    cmake --build "$ROOT/build/native" -j"$JOBS"
  else
    log "building the server"
    cmake --build "$ROOT/build/native" -j"$JOBS" --target dongelek-server
  fi
fi

if want web; then
  export NODE_PATH=/usr/share/nodejs
  if [ ! -f "$ROOT/build/web/build.ninja" ]; then
    log "configuring build/web (Emscripten)"
    emcmake cmake -S "$ROOT" -B "$ROOT/build/web" -G Ninja -DCMAKE_BUILD_TYPE=Release \
      -DIMGUI_DIR="$IMGUI_DIR" -DSDL2_WEB_PREFIX="$SDL2_WEB_PREFIX" \
      -DDONGELEK_BUILD_SERVER=OFF -DDONGELEK_BUILD_TESTS=OFF >/dev/null
  fi
  log "building build/web (WebAssembly app)"
  cmake --build "$ROOT/build/web" -j"$JOBS"
fi
log "done"
