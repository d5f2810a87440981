#!/usr/bin/env bash
# Builds Dongelek. Usage: scripts/build.sh [server] [native] [web] (default: all three)
#   server -> build/native/src/server/dongelek-server
#   native -> build/native: the desktop app and the C++ tests
#   web    -> build/web/dist: index.html + content-hashed app.js/.wasm/.data + net_worker.js
# Runs scripts/setup.sh first when it has never run here, when its script changed, or when
# something it installs is missing (setup.sh decides in well under a second).
# Reconfigures a build folder when its toolchain or a cached dependency changed. Uses ccache
# when it is installed.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CACHE="${DONGELEK_CACHE:-$HOME/.cache/dongelek}"
JOBS="${DONGELEK_JOBS:-2}"

[ "${DONGELEK_SKIP_SETUP:-0}" = 1 ] || "$ROOT/scripts/setup.sh" --if-needed
# shellcheck disable=SC1091
source "$CACHE/paths.env"

targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(server native web)
want() { local t; for t in "${targets[@]}"; do [ "$t" = "$1" ] && return 0; done; return 1; }

log() { printf '\033[1;34m[build]\033[0m %s\n' "$*"; }

LAUNCHER=()
if command -v ccache >/dev/null; then
  export CCACHE_BASEDIR="$ROOT" # relative paths in the cache keys: worktrees and clones share hits
  LAUNCHER=(-DCMAKE_C_COMPILER_LAUNCHER=ccache -DCMAKE_CXX_COMPILER_LAUNCHER=ccache -DDONGELEK_CCACHE=ON)
fi

# configure DIR KEY CMAKE_ARGS...: (re)configures DIR when it has no build files or was made
# with another toolchain/dependency set (KEY), so a new compiler or ImGui never mixes with old objects.
configure() {
  local dir=$1 key=$2; shift 2
  if [ -f "$dir/build.ninja" ] && [ "$(cat "$dir/.toolchain" 2>/dev/null)" = "$key" ]; then return 0; fi
  if [ -f "$dir/CMakeCache.txt" ]; then
    log "toolchain or dependencies changed: reconfiguring ${dir#"$ROOT"/}"
    rm -rf "$dir/CMakeCache.txt" "$dir/CMakeFiles"
  else
    log "configuring ${dir#"$ROOT"/}"
  fi
  "$@" -S "$ROOT" -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
  printf '%s' "$key" > "$dir/.toolchain"
}

if want server || want native; then
  key="$(c++ --version | head -1)|$(cmake --version | head -1)|$IMGUI_DIR|${LAUNCHER[*]:-no-ccache}"
  configure "$ROOT/build/native" "$key" cmake -DIMGUI_DIR="$IMGUI_DIR" "${LAUNCHER[@]}"
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
  key="$(emcc --version 2>/dev/null | head -1)|$(cmake --version | head -1)|$IMGUI_DIR|$SDL2_WEB_PREFIX|${LAUNCHER[*]:-no-ccache}"
  # Emscripten's toolchain file sets the compilers; ccache goes in through the targets' launcher.
  configure "$ROOT/build/web" "$key" emcmake cmake -DIMGUI_DIR="$IMGUI_DIR" -DSDL2_WEB_PREFIX="$SDL2_WEB_PREFIX" \
    -DDONGELEK_BUILD_SERVER=OFF -DDONGELEK_BUILD_TESTS=OFF "${LAUNCHER[@]}"
  log "building build/web (WebAssembly app)"
  cmake --build "$ROOT/build/web" -j"$JOBS"
fi
log "done"
