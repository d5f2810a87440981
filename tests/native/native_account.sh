#!/usr/bin/env bash
# The desktop app stays signed in across restarts as a browser does: it keeps the refresh cookie
# in its private preferences ($XDG_CONFIG_HOME/dongelek/private.json, mode 0600), sends it on the
# start-up refresh, and saves the rotated one. An account is made and verified over the API (its
# mail read from the server's outbox), a sign-in over the API gives the first cookie, then the app
# is started twice on the sessions page: both runs are signed in, and the saved cookie changed.
set -euo pipefail
APP=$1 SERVER=$2
source "$(dirname "${BASH_SOURCE[0]}")/xvfb.sh"

# No grace for a reused refresh cookie: a run that sent a stale one would be signed out.
start_server "$SERVER" 20 --mail-outbox "$TMP/outbox" --refresh-reuse-grace 0
BASE=$URL

EMAIL="desk@example.kz"
PASSWORD="a desk lamp by the window"
curl -fsS -X POST -H 'Content-Type: application/json' "$BASE/api/v1/auth/register" \
  -d "{\"email\":\"$EMAIL\",\"password\":\"$PASSWORD\",\"displayName\":\"Desk\",\"role\":\"dealer\",\"language\":\"en\"}" >/dev/null
for _ in $(seq 1 100); do ls "$TMP"/outbox/*.eml >/dev/null 2>&1 && break; sleep 0.1; done
TOKEN=$(/usr/bin/python3 - "$TMP"/outbox/*.eml <<'PY'
import email, re, sys
for p in email.message_from_file(open(sys.argv[1])).walk():
    if p.get_content_type() == "text/plain":
        print(re.search(r"/account/verify\?token=([A-Za-z0-9_.~-]+)", p.get_payload(decode=True).decode()).group(1))
PY
)
curl -fsS -X POST -H 'Content-Type: application/json' "$BASE/api/v1/auth/verify-email" -d "{\"token\":\"$TOKEN\"}" >/dev/null
# Sign in over the API: the Set-Cookie is what the app's cookie jar would have kept.
COOKIE=$(curl -fsS -D - -o /dev/null -X POST -H 'Content-Type: application/json' "$BASE/api/v1/auth/login" \
  -d "{\"email\":\"$EMAIL\",\"password\":\"$PASSWORD\"}" | sed -n 's/^[Ss]et-[Cc]ookie: dongelek_refresh=\([^;]*\).*/\1/p' | tr -d '\r')
test -n "$COOKIE" || { echo "no refresh cookie from the sign-in"; exit 1; }
mkdir -p "$XDG_CONFIG_HOME/dongelek"
/usr/bin/python3 - "$XDG_CONFIG_HOME/dongelek/private.json" "$BASE" "$COOKIE" <<'PY'
import json, sys, time
path, base, value = sys.argv[1:]
jar = [{"name": "dongelek_refresh", "value": value, "path": "/api/v1/auth/refresh", "expires": time.time() + 86400, "secure": False}]
json.dump({"cookies " + base: json.dumps(jar)}, open(path, "w"))
PY

saved() { /usr/bin/python3 -c 'import json,sys; print(json.loads(json.load(open(sys.argv[1]))[sys.argv[2]])[0]["value"])' \
  "$XDG_CONFIG_HOME/dongelek/private.json" "cookies $BASE"; }
run() {
  "$APP" --server "$BASE" --size 900x700 --url /account/sessions --frames 20 --timeout 20 --dump-state "$TMP/state.json" \
    2>"$TMP/app.log" || { cat "$TMP/app.log"; exit 1; }
  /usr/bin/python3 - "$TMP/state.json" "$EMAIL" <<'PY'
import json, sys
s = json.load(open(sys.argv[1]))
a = s["account"]
assert a["signedIn"] and a["email"] == sys.argv[2] and a["role"] == "dealer", s["account"]
assert s["screen"] == "sessions" and s["status"] == "ready", (s["screen"], s["status"])
assert any(x["current"] for x in s["sessions"]["items"]), s["sessions"]
PY
}
run
FIRST=$(saved)
test "$FIRST" != "$COOKIE" || { echo "the rotated cookie was not saved"; exit 1; }
test "$(stat -c %a "$XDG_CONFIG_HOME/dongelek/private.json")" = 600 || { echo "private.json is readable by others"; exit 1; }
echo "ok: signed in from the saved cookie, the rotated one saved (mode 600)"
run
test "$(saved)" != "$FIRST" || { echo "the second run did not rotate the cookie"; exit 1; }
echo "ok: still signed in after a restart"
