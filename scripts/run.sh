#!/usr/bin/env bash
# The run command: installs what is missing, builds the server and the web app, and
# serves both on http://localhost:8080 from an embedded SQLite database with demo data.
# Extra arguments go to the server (see `--help`), e.g. scripts/run.sh --port 9000
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$ROOT/scripts/build.sh" server web
cd "$ROOT"
exec "$ROOT/build/native/src/server/dongelek-server" --web-dir "$ROOT/build/web/dist" --locales-dir "$ROOT/locales" "$@"
