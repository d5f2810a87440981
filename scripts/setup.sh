#!/usr/bin/env bash
# Installs everything Dongelek needs on a Debian 12 machine, idempotently:
# Debian packages, ImGui 1.90.1 sources, SDL2 built for the web, npm test deps.
# Usage: scripts/setup.sh [--if-needed]
#   --if-needed (what scripts/build.sh passes): return at once when the last setup ran with this
#   very script and npm lock file (a stamp in the cache) and nothing it installs is missing.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CACHE="${DONGELEK_CACHE:-$HOME/.cache/dongelek}"
SDL_VERSION=2.26.5
IMGUI_VERSION=1.90.1
mkdir -p "$CACHE"

log() { printf '\033[1;34m[setup]\033[0m %s\n' "$*"; }
SUDO=""
if [ "$(id -u)" != 0 ]; then SUDO="sudo"; fi

# ---------------------------------------------------------------------------
# [SECTION] Debian packages
# ---------------------------------------------------------------------------
PACKAGES=(
  build-essential cmake ninja-build pkg-config git ca-certificates curl python3
  emscripten
  libsdl2-dev libgl-dev libgl1-mesa-dri
  librestinio-dev libasio-dev libfmt-dev libhttp-parser-dev
  libsqlite3-dev postgresql libpq-dev nlohmann-json3-dev libstb-dev catch2 libcpp-httplib-dev libssl-dev libbrotli-dev
  zlib1g-dev
  libxml2-dev
  libsodium-dev libzxcvbn-dev libcurl4-openssl-dev libqrencode-dev python3-aiosmtpd
  fonts-noto-core python3-fonttools
  chromium xvfb imagemagick wrk ccache
)
# Node.js may come from elsewhere (its own npm included); add Debian's only when absent.
command -v node >/dev/null || PACKAGES+=(nodejs)
command -v npm >/dev/null || PACKAGES+=(npm)
# One dpkg-query for all of them (a call per package costs seconds).
missing=()
# dpkg-query fails when a package is unknown to dpkg (never installed): that is the answer, not an error.
installed="$( (dpkg-query -W -f='${Package} ${Status}\n' "${PACKAGES[@]}" 2>/dev/null || true) | awk '$4 == "installed" {print $1}')"
for p in "${PACKAGES[@]}"; do
  grep -qx "$p" <<<"$installed" || missing+=("$p")
done

STAMP="$CACHE/setup.stamp"
stamp_value="$(cat "$ROOT/scripts/setup.sh" "$ROOT/tests/e2e/package-lock.json" | sha256sum | cut -c1-32)"
if [ "${1:-}" = "--if-needed" ] && [ ${#missing[@]} = 0 ] && [ "$(cat "$STAMP" 2>/dev/null)" = "$stamp_value" ] &&
   [ -f "$CACHE/paths.env" ] && [ -d "$ROOT/tests/e2e/node_modules/playwright-core" ]; then
  # shellcheck disable=SC1091
  source "$CACHE/paths.env"
  if [ -f "$IMGUI_DIR/imgui.cpp" ] && [ -f "$SDL2_WEB_PREFIX/lib/libSDL2.a" ]; then exit 0; fi
fi

SRC_LIST=/etc/apt/sources.list.d/dongelek-src.sources
need_update=0
if [ ! -f "$SRC_LIST" ]; then
  log "adding deb-src entries (bookworm for SDL2, trixie for ImGui 1.90.1)"
  $SUDO tee "$SRC_LIST" >/dev/null <<'SRC'
Types: deb-src
URIs: http://deb.debian.org/debian
Suites: bookworm
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg

Types: deb-src
URIs: http://deb.debian.org/debian
Suites: trixie
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SRC
  need_update=1
fi
if [ ${#missing[@]} -gt 0 ] || [ $need_update = 1 ]; then
  log "apt-get update"
  $SUDO apt-get update -qq
fi
if [ ${#missing[@]} -gt 0 ]; then
  log "installing: ${missing[*]}"
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# ---------------------------------------------------------------------------
# [SECTION] Source packages (fetched into the cache, never into the tree)
# ---------------------------------------------------------------------------
fetch_source() { # name/suite  dir-glob  target
  local spec=$1 target=$2
  [ -d "$target" ] && return 0
  local tmp; tmp=$(mktemp -d)
  log "apt-get source $spec"
  (cd "$tmp" && apt-get source --download-only -qq "$spec" 2>&1 | grep -v '_apt' || true)
  local orig; orig=$(ls "$tmp"/*.orig.tar.* | head -1)
  mkdir -p "$tmp/x" && tar xf "$orig" -C "$tmp/x"
  mv "$tmp/x/"* "$target"
  rm -rf "$tmp"
}

IMGUI_DIR="$CACHE/imgui-$IMGUI_VERSION"
fetch_source "imgui/trixie" "$IMGUI_DIR"
test -f "$IMGUI_DIR/backends/imgui_impl_sdl2.cpp"

SDL_SRC="$CACHE/SDL2-$SDL_VERSION-src"
EMCC_VERSION=$(NODE_PATH=/usr/share/nodejs emcc --version 2>/dev/null | head -1 | grep -oE '[0-9]+\.[0-9]+\.[0-9]+' | head -1)
SDL_WEB="$CACHE/sdl2-web-$SDL_VERSION-em$EMCC_VERSION"
if [ ! -f "$SDL_WEB/lib/libSDL2.a" ]; then
  fetch_source "libsdl2=$SDL_VERSION+dfsg-1" "$SDL_SRC" 2>/dev/null || fetch_source "libsdl2" "$SDL_SRC"
  log "building SDL2 $SDL_VERSION for the web (once, ~2.5 min)"
  export NODE_PATH=/usr/share/nodejs
  rm -rf "$CACHE/sdl2-web-build"
  emcmake cmake -S "$SDL_SRC" -B "$CACHE/sdl2-web-build" -G Ninja \
    -DSDL_SHARED=OFF -DSDL_STATIC=ON -DSDL_TEST=OFF -DCMAKE_BUILD_TYPE=Release \
    -DCMAKE_INSTALL_PREFIX="$SDL_WEB.tmp" >/dev/null
  cmake --build "$CACHE/sdl2-web-build" -j2 >/dev/null
  cmake --install "$CACHE/sdl2-web-build" >/dev/null
  rm -rf "$SDL_WEB" && mv "$SDL_WEB.tmp" "$SDL_WEB"
  rm -rf "$CACHE/sdl2-web-build"
fi

# ---------------------------------------------------------------------------
# [SECTION] npm packages for the browser tests and benchmarks
# ---------------------------------------------------------------------------
# Again whenever the lock file changes (its hash is kept beside the modules).
lock_hash="$(sha256sum "$ROOT/tests/e2e/package-lock.json" | cut -c1-32)"
if [ ! -d "$ROOT/tests/e2e/node_modules/playwright-core" ] ||
   [ "$(cat "$ROOT/tests/e2e/node_modules/.dongelek-lock" 2>/dev/null)" != "$lock_hash" ]; then
  log "npm ci (playwright-core)"
  (cd "$ROOT/tests/e2e" && npm ci --no-audit --no-fund --silent)
  printf '%s' "$lock_hash" > "$ROOT/tests/e2e/node_modules/.dongelek-lock"
fi

# Paths for the build scripts.
cat > "$CACHE/paths.env" <<ENV
IMGUI_DIR=$IMGUI_DIR
SDL2_WEB_PREFIX=$SDL_WEB
ENV
printf '%s' "$stamp_value" > "$STAMP"
log "setup complete (cache: $CACHE)"
