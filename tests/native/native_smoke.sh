#!/usr/bin/env bash
# Starts Xvfb and a real server, runs the desktop app until it has drawn the first
# listings, and checks it exited cleanly with a non-blank screenshot and listing cards.
set -euo pipefail
APP=$1 SERVER=$2 OUT=$3
mkdir -p "$OUT"
source "$(dirname "${BASH_SOURCE[0]}")/xvfb.sh"

start_server "$SERVER" 200

"$APP" --server "$URL" --size 1280x800 --frames 60 --screenshot "$OUT/native.png" \
  --dump-state "$OUT/native-state.json"
echo "app exited cleanly"

test -s "$OUT/native.png" || { echo "no screenshot"; exit 1; }
python3 - "$OUT/native-state.json" <<'PY'
import json, sys
s = json.load(open(sys.argv[1]))
assert s["screen"] == "browse", s
assert s["status"] == "ready", s
assert s["cards"] > 0, s
print(f"native app drew {s['cards']} listing cards of {s['total']}")
PY
# A blank or single-colour frame has no spread of pixel values.
SPREAD=$(convert "$OUT/native.png" -colorspace Gray -format '%[fx:standard_deviation]' info:)
awk -v s="$SPREAD" 'BEGIN { if (s < 0.05) { print "screenshot looks blank (stddev " s ")"; exit 1 } }'
echo "screenshot: $OUT/native.png"
