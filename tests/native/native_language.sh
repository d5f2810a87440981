#!/usr/bin/env bash
# The desktop app picks its language as the web app does: --lang, then the language remembered in
# $XDG_CONFIG_HOME/dongelek/preferences.json, then LANGUAGE / LC_ALL / LANG, then English. Each run
# exits after a few frames (no server needed: the language is settled at start) and dumps its state.
set -euo pipefail
APP=$1
source "$(dirname "${BASH_SOURCE[0]}")/xvfb.sh"
unset LANGUAGE LC_ALL LC_MESSAGES LANG

# run EXPECTED_LANG EXPECTED_URL_SUFFIX [app args...] (with the environment set by the caller)
run() {
  local want=$1 url=$2; shift 2
  "$APP" --server "http://127.0.0.1:9" --size 800x600 --frames 3 --timeout 5 --dump-state "$TMP/state.json" "$@" \
    2>"$TMP/app.log" || { cat "$TMP/app.log"; exit 1; }
  python3 - "$TMP/state.json" "$want" "$url" <<'PY'
import json, sys
s = json.load(open(sys.argv[1]))
assert s["lang"] == sys.argv[2], f'lang {s["lang"]!r}, wanted {sys.argv[2]!r}'
assert s["url"].endswith(sys.argv[3]), f'url {s["url"]!r} should end with {sys.argv[3]!r}'
PY
  echo "ok: ${want} (${url:-no parameter}) ${*}"
}

LANG=C.UTF-8 run en "/"
LANG=ru_RU.UTF-8 run ru "?lang=ru"
LANGUAGE=de:kk LANG=ru_RU.UTF-8 run kk "?lang=kk"
mkdir -p "$XDG_CONFIG_HOME/dongelek"
echo '{"lang": "kk"}' > "$XDG_CONFIG_HOME/dongelek/preferences.json"
LANG=ru_RU.UTF-8 run kk "?lang=kk"                      # the remembered choice beats the locale
LANG=ru_RU.UTF-8 run en "/listing/3?lang=en" --url /listing/3 --lang en # --lang beats both
LANG=ru_RU.UTF-8 run ru "/listing/3?lang=ru" --url /listing/3?lang=ru    # so does a link's ?lang=
echo 'not json' > "$XDG_CONFIG_HOME/dongelek/preferences.json"
LANG=ru_RU.UTF-8 run ru "?lang=ru"                      # a broken file is no choice
