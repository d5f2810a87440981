# Sourced by the desktop app's tests: a temporary folder ($TMP), a private X server ($DISPLAY) and
# config folder ($XDG_CONFIG_HOME, so no language the developer remembered leaks in), and a trap
# that stops what the test started (add its pids to "pids") and removes the folder on exit.
TMP=$(mktemp -d)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$TMP"; }
trap cleanup EXIT

Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp 3>"$TMP/display" 2>/dev/null &
pids+=($!)
for _ in $(seq 1 100); do [ -s "$TMP/display" ] && break; sleep 0.1; done
export DISPLAY=":$(head -1 "$TMP/display")"
export XDG_CONFIG_HOME="$TMP/config"

# start_server SERVER DEMO_SIZE [extra server flags...]: a real server on a free port with its
# own database and media in $TMP (logging to $TMP/server.log); sets $URL once it answers.
start_server() {
  local server=$1 demo=$2; shift 2
  local locales port
  locales="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)/locales"
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  URL="http://127.0.0.1:$port"
  "$server" --listen 127.0.0.1 --port "$port" --db "$TMP/db.sqlite" --media-dir "$TMP/media" --demo-size "$demo" \
    --web-dir "$TMP/no-web" --locales-dir "$locales" "$@" 2>"$TMP/server.log" &
  pids+=($!)
  for _ in $(seq 1 300); do curl -fs "$URL/api/v1/health" >/dev/null 2>&1 && break; sleep 0.1; done
}
