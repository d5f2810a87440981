#!/usr/bin/env bash
# The desktop build draws the 360 viewer with the same shaders as the browser: under Xvfb it
# opens a demo listing's spin, lets the one autoplay turn end, and its picture of the car (at
# rest on frame 0) must match the frame photo the server serves, scaled to the picture's size,
# within a tolerance (mean absolute difference under 3% of full scale; the seller's marks drawn
# over the car are left out of the comparison).
set -euo pipefail
APP=$1 SERVER=$2 OUT=$3
mkdir -p "$OUT"
source "$(dirname "${BASH_SOURCE[0]}")/xvfb.sh"

start_server "$SERVER" 200
ID=$(curl -fs "$URL/api/v1/listings?spin=1&page_size=1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["items"][0]["id"])')
FRAME0=$(curl -fs "$URL/api/v1/listings/$ID/view360" | python3 -c 'import json,sys; s=json.load(sys.stdin)["spin"]; print(s["url_pattern"].replace("{frame}","0").replace("{size}","m"))')
curl -fs "$URL$FRAME0" -o "$TMP/frame0.jpg"

# 4 s of autoplay at about 60 frames a second, then rest.
"$APP" --server "$URL" --url "/listing/$ID?view=360" --size 1280x800 --frames 420 --screenshot "$OUT/native-view360.png" \
  --dump-state "$OUT/native-view360-state.json"
echo "app exited cleanly"

# The picture's rectangle (the frames' 16:10 inside the stage) and the marks to leave out.
read -r GEOM MASKS < <(python3 - "$OUT/native-view360-state.json" <<'PY'
import json, sys
s = json.load(open(sys.argv[1]))
v = s["view360"]
assert s["screen"] == "view360" and v["status"] == "ready", s
assert not v["autoplaying"] and v["frame"] == 0 and abs(v["angle"]) < 0.01, v
items = {i["id"]: i for i in s["items"]}
r = items["view360.stage"]["rect"]
w, h = r["w"], r["h"]
pw, ph = (h * 1.6, h) if w / h > 1.6 else (w, w / 1.6)
x0, y0 = r["x"] + (w - pw) / 2, r["y"] + (h - ph) / 2
masks = []
for i in s["items"]:
    if i["id"].startswith("view360.marker.") or i["id"] == "view360.note":
        m = i["rect"]
        pad = 6
        masks.append("%d,%d %d,%d" % (m["x"] - x0 - pad, m["y"] - y0 - pad, m["x"] - x0 + m["w"] + pad, m["y"] - y0 + m["h"] + pad))
print("%dx%d+%d+%d" % (round(pw), round(ph), round(x0), round(y0)), ";".join(masks) or "-")
PY
)
SIZE=${GEOM%%+*}
draw=()
if [ "$MASKS" != "-" ]; then IFS=';' read -ra boxes <<<"$MASKS"; for b in "${boxes[@]}"; do draw+=(-draw "rectangle $b"); done; fi
convert "$OUT/native-view360.png" -crop "$GEOM" +repage -fill black "${draw[@]}" "$TMP/got.png"
convert "$TMP/frame0.jpg" -resize "$SIZE!" -fill black "${draw[@]}" "$TMP/want.png"
MAE=$( (compare -metric MAE "$TMP/got.png" "$TMP/want.png" null: 2>&1 || true) | sed -E 's/.*\((.*)\).*/\1/')
echo "picture $GEOM against the served frame: mean absolute difference $MAE (of 1)"
awk -v d="$MAE" 'BEGIN { if (d > 0.03) { print "the native 360 picture differs from the frame photo"; exit 1 } }'
# And it is a car, not an empty stage: the photo has a spread of values.
SPREAD=$(convert "$TMP/got.png" -colorspace Gray -format '%[fx:standard_deviation]' info:)
awk -v s="$SPREAD" 'BEGIN { if (s < 0.03) { print "the picture looks blank (stddev " s ")"; exit 1 } }'
echo "screenshot: $OUT/native-view360.png"
