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
